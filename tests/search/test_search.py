"""Site search: a Serbian query finds Serbian content in either script."""

import pytest

from search.service import spellings
from tests.frontend_api.conftest import add_page

pytestmark = pytest.mark.django_db


def test_serbian_query_words_are_tried_in_both_scripts():
    assert spellings("Skupština", "sr") == ["skupština", "скупштина"]
    assert spellings("Скупштина", "sr-latn") == ["скупштина", "skupština"]
    assert spellings("Kuvendi", "sq") == ["kuvendi"]


@pytest.fixture
def serbian_pages(home_pages):
    return {
        "cyrillic": add_page(home_pages["sr"], "Седница Скупштине општине", "sednica"),
        "latin": add_page(home_pages["sr"], "Budžet za 2026", "budzet"),
        "albanian": add_page(home_pages["sq"], "Seanca e Kuvendit", "seanca"),
    }


def results(client, url, query):
    response = client.get(url, {"query": query})
    assert response.status_code == 200
    return [page.title for page in response.context["search_results"]]


def test_a_latin_query_finds_cyrillic_content(client, serbian_pages):
    assert results(client, "/sr/search/", "Skupštine") == ["Седница Скупштине општине"]
    assert results(client, "/sr/search/", "Скупштине") == ["Седница Скупштине општине"]


def test_a_cyrillic_query_finds_content_typed_in_latin(client, serbian_pages):
    assert results(client, "/sr/search/", "Буџет") == ["Budžet za 2026"]


def test_other_languages_search_as_typed(client, serbian_pages):
    assert results(client, "/search/", "Kuvendit") == ["Seanca e Kuvendit"]
    assert results(client, "/search/", "Skupštine") == []


@pytest.mark.parametrize(
    "query", ['"Kuvendit', 'Kuvendit"', 'a"b""', '"', "OR", "AND (", "-", "*", "NOT", "Kuvendit)"]
)
def test_stray_quotes_and_operators_are_no_error(client, serbian_pages, query):
    """What people type never gives a server error; the words still find what they name."""
    found = results(client, "/search/", query)
    if "Kuvendit" in query:
        assert found == ["Seanca e Kuvendit"]


@pytest.mark.parametrize("query", ["skupstine", "Скупштине", "Skupštine", "skupstina"])
def test_the_serbian_latin_site_searches_the_serbian_pages_and_answers_in_latin(client, home_pages, query):
    from home import factories

    factories.StandardPageFactory(parent=home_pages["sr"], title="Седница Скупштине општине", slug="sednica")
    response = client.get("/sr-latn/search/", {"query": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sednica Skupštine opštine" in html
    assert "Седница" not in html
    # The result links to the page's Latin address.
    assert 'href="/sr-latn/sednica/"' in html
