"""Listings load what the query selects (fragments included); site values are shared per generation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontend_api.http.cache import bump_generation
from home.factories import TopicFactory

from .conftest import graphql_data, post
from .content import (
    add_news,
    make_private,
    sections_fixture,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.django_db

TITLES = "{ newsPages(first: 100) { totalCount edges { node { title url } } } }"
FRAGMENTS = """
query News($preset: ImagePreset!) {
  newsPages(first: 100) {
    edges { node { ...Card ... on NewsPage { topics { name } } } }
  }
}
fragment Card on NewsPage {
  title
  leadImage { rendition(preset: $preset) { url srcset } }
}
"""


def run(client, query, variables=None):
    """(SQL statements, data) of an uncached request."""
    bump_generation()
    with CaptureQueriesContext(connection) as captured:
        data = graphql_data(post(client, query, variables))
    return [query["sql"] for query in captured.captured_queries], data


@pytest.fixture
def news(sections):
    topic = TopicFactory(name_sq="Arsimi", slug="arsimi")
    add_news(sections["news"]["sq"], 0, 10, topic)
    return sections["news"]["sq"], topic


def test_a_listing_of_titles_reads_no_image_or_topic(client, news):
    statements, data = run(client, TITLES)
    assert data["newsPages"]["totalCount"] == 10
    assert not [sql for sql in statements if "wagtailimages" in sql or "topic" in sql.lower()]


def test_fields_selected_through_fragments_are_loaded_for_the_whole_list(client, news):
    index, topic = news
    variables = {"preset": "CARD"}
    run(client, FRAGMENTS, variables)  # renditions are created once
    ten, data = run(client, FRAGMENTS, variables)
    assert all(edge["node"]["leadImage"]["rendition"]["srcset"] for edge in data["newsPages"]["edges"])
    add_news(index, 10, 100, topic)
    run(client, FRAGMENTS, variables)
    hundred, data = run(client, FRAGMENTS, variables)
    assert len(hundred) == len(ten)
    nodes = [edge["node"] for edge in data["newsPages"]["edges"]]
    assert len(nodes) == 100
    assert all(node["topics"] == [{"name": "Arsimi"}] for node in nodes)


def test_only_the_renditions_of_the_presets_asked_for_are_read(client, news):
    run(client, FRAGMENTS, {"preset": "CARD"})
    statements, _ = run(client, FRAGMENTS, {"preset": "CARD"})
    renditions = [sql for sql in statements if "wagtailimages_rendition" in sql]
    assert len(renditions) == 1
    assert "fill-800x450" in renditions[0]
    assert "fill-320x240" not in renditions[0]  # THUMBNAIL's


def test_site_values_are_read_once_per_generation(client, news):
    first, _ = run(client, TITLES)
    with CaptureQueriesContext(connection) as captured:
        graphql_data(post(client, TITLES, {"nonce": 1}))  # not cached, same generation
    assert len(captured) < len(first)
    assert not [q for q in captured.captured_queries if "wagtailcore_site" in q["sql"]]


def test_a_new_view_restriction_applies_to_the_next_request(client, news):
    index, _topic = news
    assert graphql_data(post(client, TITLES, {"nonce": 1}))["newsPages"]["totalCount"] == 10
    make_private(index)  # bumps the generation: site values are read again
    assert graphql_data(post(client, TITLES, {"nonce": 2}))["newsPages"]["totalCount"] == 0


CHILDREN = "{ homePage { children(first: 50) { edges { node { __typename title url } } } } }"
CHILDREN_WITH_SUMMARY = """{ homePage { children(first: 50) { edges { node {
  __typename title ... on NewsIndexPage { summary } ... on DecisionIndexPage { summary }
} } } } }"""


def test_children_of_many_types_are_read_from_the_page_table_alone(client, sections):
    sections["news"]["sq"].summary = "Lajmet e komunës"
    sections["news"]["sq"].save_revision().publish()
    statements, data = run(client, CHILDREN)
    nodes = [edge["node"] for edge in data["homePage"]["children"]["edges"]]
    assert {node["__typename"] for node in nodes} >= {
        "NewsIndexPage",
        "DecisionIndexPage",
        "VacancyIndexPage",
    }
    assert not [sql for sql in statements if "home_newsindexpage" in sql or "home_decisionindexpage" in sql]
    # A field of a page type of its own: the pages are read as their own types, per type.
    statements, data = run(client, CHILDREN_WITH_SUMMARY)
    summaries = {
        node["__typename"]: node.get("summary")
        for node in (e["node"] for e in data["homePage"]["children"]["edges"])
    }
    assert summaries["NewsIndexPage"] == "Lajmet e komunës"
    assert [sql for sql in statements if "home_newsindexpage" in sql]
