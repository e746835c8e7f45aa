"""SQL queries per request of the content listings and bodies stay the same at any length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from frontend_api.http.cache import bump_generation
from home.factories import (
    BodyFactory,
    DecisionPageFactory,
    StandardPageFactory,
    TopicFactory,
)
from home.models import DecisionDocument

from .body import as_body, every_block
from .conftest import add_page, graphql_data, make_document, post
from .content import (
    add_news,
    sections_fixture,  # noqa: F401  (fixture)
)
from .test_blocks import PAGE

NEWS = """
{
  newsPages(locale: SQ, first: 100) {
    totalCount
    edges {
      node {
        title date summary url
        leadImage { rendition(preset: CARD) { url width height } }
        listingImage { rendition(preset: THUMBNAIL) { url } }
        topics { name }
        translations { locale url }
      }
    }
  }
}
"""
DECISIONS = """
{
  decisions(first: 100) {
    totalCount
    edges {
      node {
        title number dateAdopted status url
        issuingBody { name parent { name } }
        repealedBy { url }
        document { title url type { name } languageVersions { url } }
        attachments { title url }
        body {
          __typename
          ... on ParagraphBlock { html }
          ... on DocumentBlock { document { url } }
          ... on ImageBlock { image { rendition(preset: CONTENT) { url } } }
          ... on CallToActionBlock { url page { title } }
        }
      }
    }
  }
}
"""

pytestmark = pytest.mark.django_db


def count_queries(client, query, variables=None):
    bump_generation()  # no cached response
    with CaptureQueriesContext(connection) as captured:
        data = graphql_data(post(client, query, variables))
    return len(captured), data


def test_news_listing_with_images_with_10_and_100_items(client, sections, django_assert_num_queries):
    index = sections["news"]["sq"]
    topic = TopicFactory(name_sq="Arsimi", slug="arsimi")

    def add(start, stop):
        add_news(index, start, stop, topic)

    add(0, 10)
    count_queries(client, NEWS)  # warm-up: renditions are created once
    ten, data = count_queries(client, NEWS)
    assert data["newsPages"]["totalCount"] == 10
    add(10, 100)
    count_queries(client, NEWS)
    bump_generation()
    with django_assert_num_queries(ten):
        data = graphql_data(post(client, NEWS))
    assert len(data["newsPages"]["edges"]) == 100
    assert all(edge["node"]["leadImage"]["rendition"]["url"] for edge in data["newsPages"]["edges"])


def test_decisions_with_bodies_and_documents_with_10_and_100_items(
    client, sections, home_pages, django_assert_num_queries, settings
):
    # 100 decisions with their bodies could be 3,201 nodes: over the default budget.
    settings.FRONTEND_API = {**settings.FRONTEND_API, "MAX_NODES": 4000}
    index = sections["decisions"]["sq"]
    body = BodyFactory(name_sq="Kuvendi", slug="kuvendi", parent=BodyFactory(name_sq="Komuna", slug="komuna"))
    target = add_page(home_pages["sq"], "Shërbimet", "sherbimet")
    image = ImageFactory(title="Sheshi")

    def add(start, stop):
        for number in range(start, stop):
            document = make_document(f"Vendimi {number}")
            make_document(f"Odluka {number}", original=document, language="sr")
            decision = DecisionPageFactory(
                parent=index,
                title=f"Vendim {number}",
                slug=f"vendim-{number}",
                issuing_body=body,
                document=document,
                body=as_body(every_block(page=target, document=document, image=image)),
            )
            DecisionDocument.objects.create(page=decision, document=make_document(f"Aneks {number}"))

    add(0, 10)
    count_queries(client, DECISIONS)
    ten, data = count_queries(client, DECISIONS)
    assert data["decisions"]["totalCount"] == 10
    add(10, 100)
    count_queries(client, DECISIONS)
    bump_generation()
    with django_assert_num_queries(ten):
        data = graphql_data(post(client, DECISIONS))
    nodes = [edge["node"] for edge in data["decisions"]["edges"]]
    assert len(nodes) == 100
    assert all(node["attachments"] and node["document"]["languageVersions"] for node in nodes)
    assert all(len(node["body"]) == 12 for node in nodes)


def test_page_with_every_block_with_10_and_100_copies(client, home_pages, django_assert_num_queries):
    home = home_pages["sq"]
    target = add_page(home, "Shërbimet", "sherbimet")
    documents = [make_document(f"Vendimi {number}") for number in range(100)]
    images = [ImageFactory(title=f"Foto {number}") for number in range(100)]

    def body(copies):
        blocks = []
        for number in range(copies):
            blocks += every_block(
                page=target, document=documents[number], image=images[number], suffix=str(number)
            )
        return as_body(blocks)

    page = StandardPageFactory(parent=home, title="Rreth nesh", slug="rreth-nesh", body=body(10))
    variables = {"path": "/rreth-nesh/"}
    count_queries(client, PAGE, variables)
    ten, data = count_queries(client, PAGE, variables)
    assert len(data["page"]["body"]) == 120
    page.body = body(100)
    page.save()
    count_queries(client, PAGE, variables)
    bump_generation()
    with django_assert_num_queries(ten):
        data = graphql_data(post(client, PAGE, variables))
    assert len(data["page"]["body"]) == 1200
