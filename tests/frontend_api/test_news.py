"""News, the news listing and its filters."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from home.factories import NewsPageFactory, TopicFactory

from .content import make_private, sections_fixture, translations  # noqa: F401  (fixture)

NEWS = """
query News($locale: Locale, $where: NewsFilter, $order: NewsOrder, $fallback: Boolean, $first: Int, $after: String) {
  newsPages(locale: $locale, first: $first, after: $after, where: $where, order: $order, fallback: $fallback) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        title date summary url isFallback locale
        leadImage { rendition(preset: CARD) { url width height } }
        topics { id name }
      }
    }
  }
}
"""
NEWS_PAGE = """
query NewsPage($path: String!) {
  page(path: $path) {
    __typename
    ... on NewsPage {
      title date summary
      listingImage { alt }
      leadImage { id }
      topics { name locale }
      body { __typename }
    }
  }
}
"""

pytestmark = pytest.mark.django_db


def titles(data):
    return [edge["node"]["title"] for edge in data["newsPages"]["edges"]]


@pytest.fixture
def news(sections, locales):
    topic = TopicFactory(name_sq="Arsimi", name_sr="Образовање", name_en="Education", slug="arsimi")
    image = ImageFactory(title="Sheshi", width=1600, height=900)
    item = NewsPageFactory(
        parent=sections["news"]["sq"],
        title="Lajm",
        slug="lajm",
        date=datetime.date(2026, 3, 2),
        lead_image=image,
    )
    item.topics.set([topic])
    item.save_revision().publish()
    item.refresh_from_db()
    return translations(item, locales, sr="Вест", en="News item")


@pytest.mark.parametrize(
    ("locale", "title", "url", "topic"),
    [
        ("SQ", "Lajm", "/lajme/lajm/", "Arsimi"),
        ("SR", "Вест", "/sr/vesti/lajm-sr/", "Образовање"),
        ("EN", "News item", "/en/news/lajm-en/", "Education"),
    ],
)
def test_news_listing_in_every_locale(gql, news, locale, title, url, topic):
    data = gql(NEWS, {"locale": locale})
    assert data["newsPages"]["totalCount"] == 1
    node = data["newsPages"]["edges"][0]["node"]
    assert node["title"] == title
    assert node["url"] == url
    assert node["locale"] == locale
    assert node["date"] == "2026-03-02"
    assert node["isFallback"] is False
    assert node["topics"][0]["name"] == topic
    rendition = node["leadImage"]["rendition"]
    assert rendition["width"] > rendition["height"] > 0  # 16:9 crop
    assert rendition["url"].startswith("http://testserver/")


def test_news_page_by_path_in_serbian(gql, news):
    page = gql(NEWS_PAGE, {"path": "/sr/vesti/lajm-sr/"})["page"]
    assert page["__typename"] == "NewsPage"
    assert page["title"] == "Вест"
    assert page["topics"] == [{"name": "Образовање", "locale": "SR"}]
    assert page["body"] == []


def test_untranslated_news_only_with_fallback(gql, sections):
    NewsPageFactory(parent=sections["news"]["sq"], title="Vetëm shqip", slug="vetem-shqip")
    assert gql(NEWS, {"locale": "EN"})["newsPages"]["totalCount"] == 0
    data = gql(NEWS, {"locale": "EN", "fallback": True})
    node = data["newsPages"]["edges"][0]["node"]
    assert (node["title"], node["isFallback"], node["locale"], node["url"]) == (
        "Vetëm shqip",
        True,
        "SQ",
        "/lajme/vetem-shqip/",
    )


def test_drafts_and_private_news_are_left_out(gql, sections):
    index = sections["news"]["sq"]
    NewsPageFactory(parent=index, title="Publik", slug="publik")
    NewsPageFactory(parent=index, title="Draft", slug="draft", live=False)
    private = NewsPageFactory(parent=index, title="Privat", slug="privat")
    make_private(private)
    assert titles(gql(NEWS)) == ["Publik"]
    assert gql(NEWS_PAGE, {"path": "/lajme/privat/"})["page"] is None
    assert gql(NEWS_PAGE, {"path": "/lajme/draft/"})["page"] is None


def test_news_filters_and_order(gql, sections):
    index = sections["news"]["sq"]
    education = TopicFactory(name_sq="Arsimi", slug="arsimi")
    for day in (1, 10, 20):
        page = NewsPageFactory(
            parent=index, title=f"Dita {day}", slug=f"dita-{day}", date=datetime.date(2026, 1, day)
        )
        if day != 10:
            page.topics.set([education])
            page.save()
    assert titles(gql(NEWS)) == ["Dita 20", "Dita 10", "Dita 1"]
    assert titles(gql(NEWS, {"order": "OLDEST"})) == ["Dita 1", "Dita 10", "Dita 20"]
    assert titles(gql(NEWS, {"where": {"dateFrom": "2026-01-05", "dateTo": "2026-01-15"}})) == ["Dita 10"]
    assert titles(gql(NEWS, {"where": {"topic": str(education.pk)}})) == ["Dita 20", "Dita 1"]
    first = gql(NEWS, {"first": 2})["newsPages"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = gql(NEWS, {"first": 2, "after": first["pageInfo"]["endCursor"]})
    assert titles(rest) == ["Dita 1"]
