"""A generic GraphQL client (gql) over real HTTP, with the queries of docs/api.md and its schema file.

This is what a frontend team does first: take the committed schema and the
documented queries, point a client at the server, and read the home page, a
news listing and a page by path in every language.
"""

import datetime
import re
from pathlib import Path

import pytest
from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

from home.factories import NewsPageFactory
from tests.frontend_api.conftest import translate_page
from tests.frontend_api.content import sections_fixture  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "api.md").read_text()
SCHEMA = (ROOT / "frontend_api" / "schema.graphql").read_text()


def documented(name):
    """The example operation ``name`` of docs/api.md, as written there."""
    for example in re.findall(r"```graphql\n(.*?)```", DOCS, re.DOTALL):
        if re.match(rf"\s*query {name}\b", example):
            return gql(example)
    raise AssertionError(f"docs/api.md has no example query {name}")


@pytest.fixture
def news(sections, locales):
    source = NewsPageFactory(
        parent=sections["news"]["sq"],
        title="Buxheti 2026",
        slug="buxheti-2026",
        date=datetime.date(2026, 3, 2),
    )
    source.save_revision().publish()
    translate_page(source, locales["sr"], "Буџет 2026", "budzet-2026")
    translate_page(source, locales["en"], "The 2026 budget", "budget-2026")
    return source


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_a_generic_client_reads_home_news_and_pages_in_every_language(live_server, news, home_pages):
    transport = RequestsHTTPTransport(url=f"{live_server.url}/graphql/", timeout=30)
    client = Client(transport=transport, schema=SCHEMA)  # queries are checked against the schema file
    expected = {
        "SQ": (home_pages["sq"].title, "/", "Buxheti 2026", "/lajme/buxheti-2026/"),
        "SR": (home_pages["sr"].title, "/sr/", "Буџет 2026", "/sr/vesti/budzet-2026/"),
        "EN": (home_pages["en"].title, "/en/", "The 2026 budget", "/en/news/budget-2026/"),
    }
    with client as session:
        for locale, (home_title, home_url, news_title, news_url) in expected.items():
            home = session.execute(documented("Home"), variable_values={"locale": locale})["homePage"]
            assert (home["title"], home["url"]) == (home_title, home_url)
            assert home["children"]["edges"]

            listing = session.execute(documented("News"), variable_values={"locale": locale})["newsPages"]
            assert [edge["node"]["title"] for edge in listing["edges"]] == [news_title]
            assert listing["edges"][0]["node"]["url"] == news_url

            for path, title in [(home_url, home_title), (news_url, news_title)]:
                page = session.execute(documented("PageByPath"), variable_values={"path": path})["page"]
                assert (page["title"], page["url"], page["locale"]) == (title, path, locale)
            assert session.execute(
                documented("PageByPath"), variable_values={"path": home_url + "nowhere/"}
            ) == {"page": None}
