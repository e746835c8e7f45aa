import pytest

from .conftest import graphql_errors, post

PAGE_BY_PATH = """
query Page($path: String!) {
  page(path: $path) {
    __typename id title url locale isFallback
    translations { locale url title }
    parent { title url }
    breadcrumbs { title url }
  }
}
"""
PAGE_BY_URL = "query Page($url: String!) { page(url: $url) { title url locale } }"
PAGE_BY_ID = "query Page($id: ID!, $locale: Locale) { page(id: $id, locale: $locale) { title url locale } }"
TWO_SELECTORS = '{ page(path: "/", id: 1) { id } }'
CHILDREN = """
query Children($path: String!, $fallback: Boolean) {
  page(path: $path) {
    children(first: 10, fallback: $fallback) { totalCount edges { node { title url locale isFallback } } }
  }
}
"""

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "title", "locale"),
    [
        ("/", "Komuna", "SQ"),
        ("/lajme/", "Lajme", "SQ"),
        ("/lajme/lajm-1/", "Lajm 1", "SQ"),
        ("lajme/lajm-1", "Lajm 1", "SQ"),
        ("/sr/", None, "SR"),
        ("/sr/vesti/", "Вести", "SR"),
        ("/sr/vesti/vest-1/", "Вест 1", "SR"),
        ("/en/", None, "EN"),
        ("/en/news/", "News", "EN"),
    ],
)
def test_page_by_path_in_every_locale(gql, tree, path, title, locale):
    page = gql(PAGE_BY_PATH, {"path": path})["page"]
    assert page["locale"] == locale
    assert page["url"] == "/" + path.strip("/") + "/" if path.strip("/") else "/"
    if title:
        assert page["title"] == title


def test_paths_resolve_only_in_their_locale_tree(gql, tree):
    assert gql(PAGE_BY_PATH, {"path": "/sr/lajme/"})["page"] is None
    assert gql(PAGE_BY_PATH, {"path": "/vesti/"})["page"] is None
    assert gql(PAGE_BY_PATH, {"path": "/en/news/lajm-1/"})["page"] is None
    assert gql(PAGE_BY_PATH, {"path": "/nowhere/"})["page"] is None


def test_breadcrumbs_parent_and_translations(gql, tree):
    page = gql(PAGE_BY_PATH, {"path": "/sr/vesti/vest-1/"})["page"]
    assert page["__typename"] == "GenericPage"
    assert page["parent"] == {"title": "Вести", "url": "/sr/vesti/"}
    assert [crumb["url"] for crumb in page["breadcrumbs"]] == ["/sr/", "/sr/vesti/"]
    assert page["translations"] == [
        {"locale": "SQ", "url": "/lajme/lajm-1/", "title": "Lajm 1"},
        {"locale": "SR_LATN", "url": "/sr-latn/vesti/vest-1/", "title": "Vest 1"},
    ]


def test_page_by_url_uses_the_host_to_pick_the_site(gql, tree):
    assert gql(PAGE_BY_URL, {"url": "http://localhost/en/news/"})["page"]["title"] == "News"
    assert gql(PAGE_BY_URL, {"url": "/sr/vesti/"})["page"]["title"] == "Вести"
    assert gql(PAGE_BY_URL, {"url": "https://elsewhere.example/en/news/"})["page"] is None


def test_page_by_id_and_its_translation(gql, tree):
    assert gql(PAGE_BY_ID, {"id": tree["news"].pk})["page"]["url"] == "/lajme/"
    assert gql(PAGE_BY_ID, {"id": tree["news"].pk, "locale": "EN"})["page"]["url"] == "/en/news/"
    assert gql(PAGE_BY_ID, {"id": tree["item"].pk, "locale": "EN"})["page"] is None


def test_children_leave_untranslated_pages_out_unless_fallback(gql, tree):
    children = gql(CHILDREN, {"path": "/en/news/"})["page"]["children"]
    assert children["totalCount"] == 0
    children = gql(CHILDREN, {"path": "/en/news/", "fallback": True})["page"]["children"]
    assert children["totalCount"] == 1
    assert children["edges"][0]["node"] == {
        "title": "Lajm 1",
        "url": "/lajme/lajm-1/",
        "locale": "SQ",
        "isFallback": True,
    }
    children = gql(CHILDREN, {"path": "/sr/vesti/", "fallback": True})["page"]["children"]
    assert [edge["node"]["isFallback"] for edge in children["edges"]] == [False]


def test_page_needs_exactly_one_selector(client, tree):
    errors = graphql_errors(post(client, TWO_SELECTORS))
    assert "exactly one" in errors[0]["message"]
