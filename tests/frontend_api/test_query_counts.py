"""SQL queries per request stay the same whatever the length of a list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontend_api.http.cache import bump_generation
from home.factories import BodyFactory, DocumentTypeFactory

from .conftest import add_page, graphql_data, make_document, post

HOME = """
query Home($locale: Locale) {
  homePage(locale: $locale) {
    id title url locale isFallback seoTitle searchDescription lastPublishedAt intro
    translations { locale url title }
    breadcrumbs { title url }
    children(first: 100) {
      totalCount
      edges { node { id title url locale isFallback translations { locale url } parent { url } } }
    }
  }
}
"""
DOCUMENTS = """
{
  documents(first: 100) {
    totalCount
    edges {
      node {
        id title url size mimeType number dateIssued language
        type { name } issuingBody { name parent { name } } languageVersions { title url type { name } }
      }
    }
  }
}
"""
BODIES = "{ bodies(locale: SR) { id name abbreviation kind parent { name } } }"

pytestmark = pytest.mark.django_db


def count_queries(client, query):
    bump_generation()  # no cached response
    with CaptureQueriesContext(connection) as captured:
        data = graphql_data(post(client, query))
    return len(captured), data


def test_home_page_query_with_10_and_100_children(client, home_pages, django_assert_num_queries):
    home = home_pages["sq"]
    for index in range(10):
        add_page(home, f"Faqja {index}", f"faqja-{index}")
    count_queries(client, HOME)  # warm-up (site root paths, content types)
    ten, data = count_queries(client, HOME)
    assert data["homePage"]["children"]["totalCount"] == 10
    for index in range(10, 100):
        add_page(home, f"Faqja {index}", f"faqja-{index}")
    bump_generation()
    with django_assert_num_queries(ten):
        data = graphql_data(post(client, HOME))
    assert data["homePage"]["children"]["totalCount"] == 100
    assert data["homePage"]["children"]["edges"][99]["node"]["parent"] == {"url": "/"}


def test_document_listing_with_10_and_100_documents(client, django_assert_num_queries):
    kind = DocumentTypeFactory(name_sq="Vendim")
    body = BodyFactory(name_sq="Kuvendi", slug="kuvendi", parent=BodyFactory(name_sq="Komuna", slug="komuna"))

    def add(count):
        for index in range(count):
            original = make_document(f"Vendimi {index}", document_type=kind, issuing_body=body)
            make_document(f"Odluka {index}", original=original, language="sr", document_type=kind)

    add(5)
    count_queries(client, DOCUMENTS)
    ten, data = count_queries(client, DOCUMENTS)
    assert data["documents"]["totalCount"] == 10
    add(45)
    bump_generation()
    with django_assert_num_queries(ten):
        data = graphql_data(post(client, DOCUMENTS))
    assert data["documents"]["totalCount"] == 100
    assert len(data["documents"]["edges"]) == 100


def test_bodies_with_10_and_100_items(client, django_assert_num_queries):
    parent = BodyFactory(name_sq="Kuvendi", slug="kuvendi")
    for index in range(9):
        BodyFactory(name_sq=f"Komiteti {index}", slug=f"komiteti-{index}", parent=parent)
    ten, data = count_queries(client, BODIES)
    assert len(data["bodies"]) == 10
    for index in range(9, 99):
        BodyFactory(name_sq=f"Komiteti {index}", slug=f"komiteti-{index}", parent=parent)
    bump_generation()
    with django_assert_num_queries(ten):
        assert len(graphql_data(post(client, BODIES))["bodies"]) == 100
