"""Page images in the API: `alt` and `caption` the page gives them, in the requested language, at no query."""

import pytest

from home import factories
from tests.home.page_images import (
    BLOCK_ALT,
    BLOCK_CAPTION,
    COVER_ALT,
    COVER_CAPTION,
    FILE_TITLES,
    LEAD_ALT,
    LEAD_CAPTION,
    LISTING_ALT,
    described_pages,
)
from translations.transliteration import to_latin

from .test_content_query_counts import count_queries

IMAGES = """
query Images($locale: Locale) {
  newsPages(locale: $locale, first: 10) {
    edges {
      node {
        leadImage { title alt caption rendition(preset: CARD) { url } }
        listingImage { alt caption }
        body { ... on ImageBlock { alt caption image { alt caption } } }
      }
    }
  }
  publications(locale: $locale, first: 10) { edges { node { coverImage { alt caption } } } }
}
"""
PAGE = """
query Page($path: String!) {
  page(path: $path) {
    ... on NewsPage { leadImage { alt caption } listingImage { alt caption } }
    ... on PublicationPage { coverImage { alt caption } }
  }
}
"""
# The same listings, with and without the texts: they cost no query.
WITH_TEXTS = """
{
  newsPages(first: 100) {
    edges { node { title leadImage { alt caption rendition(preset: CARD) { url } } listingImage { alt caption } } }
  }
}
"""
WITHOUT_TEXTS = """
{
  newsPages(first: 100) {
    edges { node { title leadImage { rendition(preset: CARD) { url } } listingImage { id } } }
  }
}
"""

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_pages, django_capture_on_commit_callbacks):
    indexes = {
        "news": factories.NewsIndexPageFactory(parent=home_pages["sq"]),
        "publications": factories.PublicationIndexPageFactory(parent=home_pages["sq"]),
    }
    return described_pages(indexes, django_capture_on_commit_callbacks)


def expected(code, script=lambda text: text):
    return {
        "lead": {"alt": script(LEAD_ALT[code]), "caption": script(LEAD_CAPTION[code])},
        "listing": {"alt": script(LISTING_ALT[code]), "caption": ""},
        "block": {"alt": script(BLOCK_ALT[code]), "caption": script(BLOCK_CAPTION[code])},
        "cover": {"alt": script(COVER_ALT[code]), "caption": script(COVER_CAPTION[code])},
    }


@pytest.mark.parametrize(
    ("locale", "code", "script"),
    [("SQ", "sq", str), ("SR", "sr", str), ("EN", "en", str), ("SR_LATN", "sr", to_latin)],
)
def test_listings_give_each_image_the_page_texts_in_the_requested_language(gql, pages, locale, code, script):
    data = gql(IMAGES, {"locale": locale})
    [news] = [edge["node"] for edge in data["newsPages"]["edges"]]
    [publication] = [edge["node"] for edge in data["publications"]["edges"]]
    [block] = news["body"]
    lead = news["leadImage"]
    assert lead["title"] == FILE_TITLES[0]  # the library's name, not for display
    assert lead["rendition"]["url"]
    want = expected(code, script)
    assert {"alt": lead["alt"], "caption": lead["caption"]} == want["lead"]
    assert news["listingImage"] == want["listing"]
    assert block["image"] == want["block"]
    assert {"alt": block["alt"], "caption": block["caption"]} == want["block"]
    assert publication["coverImage"] == want["cover"]


@pytest.mark.parametrize("code", ["sq", "sr", "en"])
def test_a_page_by_path_gives_its_own_texts(gql, pages, code):
    news = gql(PAGE, {"path": pages["news"][code].url})["page"]
    publication = gql(PAGE, {"path": pages["publication"][code].url})["page"]
    want = expected(code)
    assert news == {"leadImage": want["lead"], "listingImage": want["listing"]}
    assert publication == {"coverImage": want["cover"]}


def test_an_image_the_page_does_not_describe_is_decorative(gql, pages):
    source = pages["news"]["sq"]
    source.lead_image_alt = source.lead_image_caption = ""
    source.save_revision().publish()
    data = gql(PAGE, {"path": source.url})["page"]
    assert data["leadImage"] == {"alt": "", "caption": ""}


def test_the_texts_cost_no_query(client, pages):
    news_index = pages["news"]["sq"].get_parent()
    for number in range(20):
        factories.NewsPageFactory(
            parent=news_index,
            slug=f"lajm-{number}",
            lead_image=pages["news"]["sq"].lead_image,
            lead_image_alt=f"Përshkrimi {number}",
            listing_image=pages["news"]["sq"].listing_image,
        )
    count_queries(client, WITH_TEXTS)  # warm-up: renditions are created once
    with_texts, data = count_queries(client, WITH_TEXTS)
    without_texts, _data = count_queries(client, WITHOUT_TEXTS)
    assert len(data["newsPages"]["edges"]) == 21
    assert {edge["node"]["leadImage"]["alt"] for edge in data["newsPages"]["edges"]} >= {
        "Përshkrimi 0",
        LEAD_ALT["sq"],
    }
    assert with_texts == without_texts
