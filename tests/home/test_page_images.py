"""Page images described per language: translatable segments, the editor's panels, the HTML in sq, sr, en."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail_factories import ImageFactory
from wagtail_localize.models import TranslationSource

from home import models
from home.factories import NewsPageFactory
from home.models.images import ALT_HELP, CAPTION_HELP, LISTING_CAPTION_HELP
from translations.latin_site import latin_url
from translations.transliteration import to_latin

from .page_images import (
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

pytestmark = pytest.mark.django_db

PAGE_IMAGES = [
    (models.NewsPage, "lead_image"),
    (models.NewsPage, "listing_image"),
    (models.PublicationPage, "cover_image"),
    (models.PublicationPage, "listing_image"),
    (models.StandardPage, "listing_image"),
    (models.NewsIndexPage, "listing_image"),
]


@pytest.fixture
def pages(indexes, django_capture_on_commit_callbacks):
    return described_pages(indexes, django_capture_on_commit_callbacks)


def segment_paths(page):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    return {segment.context.path: segment.string.data for segment in source.stringsegment_set.all()}


def images_in(content):
    """{src: alt} of every <img> in ``content``."""
    return {
        html.unescape(re.search(r'src="([^"]*)"', tag).group(1)): html.unescape(
            re.search(r'alt="([^"]*)"', tag).group(1)
        )
        for tag in re.findall(r"<img\b[^>]*>", content)
    }


def figcaptions(content):
    return [html.unescape(text) for text in re.findall(r"<figcaption>(.*?)</figcaption>", content)]


# --- Model and translation ---------------------------------------------------------------


@pytest.mark.parametrize(("model", "name"), PAGE_IMAGES)
def test_every_page_image_has_translatable_alt_text_and_caption(model, name):
    fields = {field.field_name: field for field in model.translatable_fields}
    assert not fields[name].is_translated(None) and not fields[name].is_overridable(None)
    assert fields[f"{name}_alt"].is_translated(None)
    assert fields[f"{name}_caption"].is_translated(None)
    assert model._meta.get_field(f"{name}_alt").help_text == ALT_HELP
    caption_help = LISTING_CAPTION_HELP if name == "listing_image" else CAPTION_HELP
    assert model._meta.get_field(f"{name}_caption").help_text == caption_help


@pytest.mark.parametrize(("model", "name"), PAGE_IMAGES)
def test_the_editor_sees_alt_text_and_caption_right_under_the_image_chooser(model, name):
    def field_names(panels):
        for panel in panels:
            if isinstance(panel, FieldPanel):
                yield panel.field_name
            yield from field_names(getattr(panel, "children", []))

    names = list(field_names(model.content_panels))
    position = names.index(name)
    assert names[position : position + 3] == [name, f"{name}_alt", f"{name}_caption"]


def test_the_texts_are_segments_of_the_page_and_each_language_has_its_own(pages):
    news = pages["news"]
    block_id = news["sq"].body[0].id
    assert segment_paths(news["sq"]) == {
        "title": news["sq"].title,
        "slug": news["sq"].slug,
        "summary": news["sq"].summary,
        "lead_image_alt": LEAD_ALT["sq"],
        "lead_image_caption": LEAD_CAPTION["sq"],
        "listing_image_alt": LISTING_ALT["sq"],
        f"body.{block_id}.alt_text": BLOCK_ALT["sq"],
        f"body.{block_id}.caption": BLOCK_CAPTION["sq"],
    }
    for code in ("sr", "en"):
        page = news[code]
        assert (page.lead_image_alt, page.lead_image_caption) == (LEAD_ALT[code], LEAD_CAPTION[code])
        assert (page.listing_image_alt, page.listing_image_caption) == (LISTING_ALT[code], "")
        assert page.body[0].value["alt_text"] == BLOCK_ALT[code]
        assert page.body[0].value["caption"] == BLOCK_CAPTION[code]
        # One image for every language: synchronised from the source.
        assert page.lead_image_id == news["sq"].lead_image_id
        assert page.body[0].value["image"].pk == news["sq"].body[0].value["image"].pk
        publication = pages["publication"][code]
        assert (publication.cover_image_alt, publication.cover_image_caption) == (
            COVER_ALT[code],
            COVER_CAPTION[code],
        )


def test_placed_image_is_none_without_an_image_and_decorative_without_alt(indexes):
    page = NewsPageFactory(parent=indexes["news"], lead_image_alt="Tekst pa foto")
    assert page.placed_lead_image is None
    page.lead_image = ImageFactory(title="DSC_9999")
    page.lead_image_alt = "   "
    placed = page.placed_lead_image
    assert placed.alt == "" and placed.is_decorative
    assert placed.image.title == "DSC_9999"


# --- The HTML site -----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["sq", "sr", "en"])
def test_news_item_shows_its_images_described_in_its_language(client, pages, code):
    page = pages["news"][code]
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    lead = page.lead_image.get_rendition("width-1200").url
    block = page.body[0].value["image"].get_rendition("width-1200").url
    assert images_in(content) == {lead: LEAD_ALT[code], block: BLOCK_ALT[code]}
    assert figcaptions(content) == [LEAD_CAPTION[code], BLOCK_CAPTION[code]]
    assert not any(title in content for title in FILE_TITLES)


@pytest.mark.parametrize("code", ["sq", "sr", "en"])
def test_listing_and_cover_images_in_their_language(client, pages, code):
    news = pages["news"][code]
    content = client.get(news.get_parent().url).content.decode()
    assert images_in(content) == {news.listing_image.get_rendition("fill-320x180").url: LISTING_ALT[code]}
    assert "<figure" not in content  # a card: the image, no caption

    publication = pages["publication"][code]
    content = client.get(publication.url).content.decode()
    assert images_in(content) == {publication.cover_image.get_rendition("width-600").url: COVER_ALT[code]}
    assert figcaptions(content) == [COVER_CAPTION[code]]


def test_serbian_latin_site_transliterates_alt_text_and_caption(client, pages):
    page = pages["news"]["sr"]
    response = client.get(latin_url(page.url))
    assert response.status_code == 200
    content = response.content.decode()
    assert set(images_in(content).values()) == {to_latin(LEAD_ALT["sr"]), to_latin(BLOCK_ALT["sr"])}
    assert figcaptions(content) == [to_latin(LEAD_CAPTION["sr"]), to_latin(BLOCK_CAPTION["sr"])]


def test_an_image_without_alt_text_is_decorative_never_its_file_title(client, indexes):
    page = NewsPageFactory(
        parent=indexes["news"],
        slug="pa-pershkrim",
        lead_image=ImageFactory(title="DSC_0412"),
        listing_image=ImageFactory(title="IMG_2041"),
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {"image": ImageFactory(title="IMG_3310").pk, "alt_text": "", "caption": ""},
                }
            ]
        ),
    )
    for url in (page.url, indexes["news"].url):
        content = client.get(url).content.decode()
        assert images_in(content) and set(images_in(content).values()) == {""}
        assert "<figcaption" not in content
        assert not any(title in content for title in FILE_TITLES)


def test_the_page_editor_offers_alt_text_and_caption_next_to_the_chooser(admin_client, pages):
    page = pages["news"]["sq"]
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    positions = [
        content.index(f'name="{name}"') for name in ("lead_image", "lead_image_alt", "lead_image_caption")
    ]
    assert positions == sorted(positions)
    assert f'value="{LEAD_ALT["sq"]}"' in content
    assert 'name="topics"' in content[positions[-1] :]
