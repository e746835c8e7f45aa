"""Only live, public content, whatever the path to it."""

import pytest

from .conftest import make_document

PAGE_BY_PATH = "query Page($path: String!) { page(path: $path) { id title } }"
PAGE_BY_ID = "query Page($id: ID!) { page(id: $id) { id title parent { id } } }"
HOME_CHILDREN = """
query Home($locale: Locale) {
  homePage(locale: $locale) { children(first: 100) { totalCount edges { node { title } } } }
}
"""
HOME_INTRO = "query Home($locale: Locale) { homePage(locale: $locale) { intro } }"
DOCUMENTS = "{ documents(first: 100) { totalCount edges { node { id title languageVersions { title } } } } }"
DOCUMENT = "query Document($id: ID!) { document(id: $id) { title } }"
TRANSLATIONS = "query Page($path: String!) { page(path: $path) { translations { locale } } }"

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/draft/", "/private/", "/private/brenda/"])
def test_draft_and_private_pages_are_not_found_by_path(gql, tree, path):
    assert gql(PAGE_BY_PATH, {"path": path})["page"] is None


@pytest.mark.parametrize("name", ["draft", "private", "inside"])
def test_draft_and_private_pages_are_not_found_by_id(gql, tree, name):
    assert gql(PAGE_BY_ID, {"id": tree[name].pk})["page"] is None


def test_children_leave_out_drafts_and_private_pages(gql, tree):
    children = gql(HOME_CHILDREN)["homePage"]["children"]
    assert [edge["node"]["title"] for edge in children["edges"]] == ["Lajme"]


def test_unpublished_page_disappears_everywhere(gql, tree):
    tree["news_en"].unpublish()
    assert gql(PAGE_BY_PATH, {"path": "/en/news/"})["page"] is None
    assert gql(HOME_CHILDREN, {"locale": "EN"})["homePage"]["children"]["totalCount"] == 0
    assert {t["locale"] for t in gql(TRANSLATIONS, {"path": "/lajme/"})["page"]["translations"]} == {
        "SR",
        "SR_LATN",
    }


def test_parent_of_a_page_under_an_unpublished_page_is_null(gql, tree):
    tree["news"].unpublish()
    assert gql(PAGE_BY_ID, {"id": tree["item"].pk})["page"]["parent"] is None


def test_rich_text_links_only_to_public_content_in_the_same_locale(gql, tree, home_pages, private_collection):
    public = make_document("Public")
    secret = make_document("Secret", collection=private_collection)
    intro = (
        f'<p><a linktype="page" id="{tree["news"].pk}">news</a> '
        f'<a linktype="page" id="{tree["item"].pk}">item</a> '
        f'<a linktype="page" id="{tree["draft"].pk}">draft</a> '
        f'<a linktype="page" id="{tree["inside"].pk}">inside</a> '
        f'<a linktype="document" id="{public.pk}">public</a> '
        f'<a linktype="document" id="{secret.pk}">secret</a> '
        '<a href="https://example.org/">external</a></p>'
    )
    for home in home_pages.values():
        home.intro = intro
        home.save_revision().publish()

    sq = gql(HOME_INTRO, {"locale": "SQ"})["homePage"]["intro"]
    assert '<a href="/lajme/">news</a>' in sq
    assert '<a href="/lajme/lajm-1/">item</a>' in sq
    assert f'<a href="http://testserver{public.url}">public</a>' in sq
    assert '<a href="https://example.org/">external</a>' in sq
    for hidden in ("draft", "inside", "secret"):
        assert f">{hidden}</a>" not in sq and hidden in sq
    assert "linktype" not in sq

    en = gql(HOME_INTRO, {"locale": "EN"})["homePage"]["intro"]
    assert '<a href="/en/news/">news</a>' in en
    assert ">item</a>" not in en  # no English translation: the text stays, the link goes
    sr = gql(HOME_INTRO, {"locale": "SR"})["homePage"]["intro"]
    assert '<a href="/sr/vesti/vest-1/">item</a>' in sr


def test_documents_in_private_collections_are_never_listed(gql, private_collection):
    original = make_document("Vendimi")
    make_document("Odluka", original=original, language="sr")
    secret = make_document("Secret", original=original, language="en", collection=private_collection)
    documents = gql(DOCUMENTS)["documents"]
    assert documents["totalCount"] == 2
    titles = {edge["node"]["title"]: edge["node"]["languageVersions"] for edge in documents["edges"]}
    assert titles == {"Vendimi": [{"title": "Odluka"}], "Odluka": [{"title": "Vendimi"}]}
    assert gql(DOCUMENT, {"id": secret.pk})["document"] is None
    assert gql(DOCUMENT, {"id": original.pk})["document"] == {"title": "Vendimi"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('{ decisions(where: {issuingBody: "abc"}) { edges { node { title } } } }', "issuingBody: expected"),
        ('{ page(url: "http://[::1") { title } }', "`url` is not a valid URL"),
    ],
)
def test_bad_arguments_are_the_clients_error(client, site, query, message):
    import json

    body = client.post("/graphql/", json.dumps({"query": query}), content_type="application/json").json()
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith(message)


def test_changes_since_the_year_one_lists_from_the_start(client, site):
    import json

    query = '{ changes(since: "0001-01-01T00:00:00") { edges { node { __typename } } } }'
    body = client.post("/graphql/", json.dumps({"query": query}), content_type="application/json").json()
    assert "errors" not in body, body


def test_a_percent_encoded_path_finds_its_page(gql, home_pages):
    """Wagtail's own URL of a page with a non-ASCII slug is percent-encoded; the API reads it back."""
    from .conftest import add_page

    page = add_page(home_pages["sq"], "Njoftim për ujë", "njoftim-për-ujë")
    assert "%C3%AB" in page.url
    query = '{ page(path: "%s") { title } }'
    assert gql(query % page.url)["page"] == {"title": "Njoftim për ujë"}
    assert gql(query % "/njoftim-për-ujë/")["page"] == {"title": "Njoftim për ujë"}
