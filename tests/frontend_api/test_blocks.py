"""The body as a typed union: every block type, and nothing the public may not see."""

import pytest
from wagtail_factories import ImageFactory

from frontend_api.home.blocks import BLOCK_TYPES
from home.blocks import BodyBlock
from home.factories import StandardPageFactory

from .body import as_body, every_block
from .conftest import add_page, make_document, translate_page

BODY = """
fragment Body on BodyBlock {
  __typename
  ... on ParagraphBlock { id html }
  ... on HeadingBlock { id text level }
  ... on ImageBlock { id alt caption image { id rendition(preset: CONTENT) { url } } }
  ... on DocumentBlock { id title document { id title url } }
  ... on DocumentListBlock { id heading documents { title document { id } } }
  ... on VideoBlock { id url embedHtml caption }
  ... on QuoteBlock { id text attribution }
  ... on TableBlock { id caption columns { heading type } rows { cells } }
  ... on CallToActionBlock { id text description url page { id title } }
  ... on AccordionBlock { id heading items { question answer } }
  ... on ContactCardBlock { id name role email phone address }
}
"""
PAGE = (
    BODY
    + """
query Page($path: String!) {
  page(path: $path) {
    __typename title
    ... on StandardPage { summary body { ...Body } }
  }
}
"""
)

pytestmark = pytest.mark.django_db


def test_every_block_of_the_body_has_a_graphql_type():
    assert set(BLOCK_TYPES) == set(BodyBlock.base_blocks)


@pytest.fixture
def body_page(home_pages, locales, private_collection):
    home = home_pages["sq"]
    target = add_page(home, "Shërbimet", "sherbimet")
    translate_page(target, locales["sr"], "Услуге", "usluge")
    draft = add_page(home, "Skicë", "skice", live=False)
    document = make_document("Vendimi")
    secret = make_document("Sekret", collection=private_collection)
    image = ImageFactory(title="Sheshi")
    blocks = every_block(page=target, document=document, image=image, draft=draft, private_document=secret)
    page = StandardPageFactory(parent=home, title="Rreth nesh", slug="rreth-nesh", body=as_body(blocks))
    page.save_revision().publish()
    return {"page": page, "target": target, "document": document, "secret": secret, "draft": draft}


def by_id(body):
    return {block["id"]: block for block in body}


def test_page_body_with_every_block(gql, body_page):
    body = gql(PAGE, {"path": "/rreth-nesh/"})["page"]["body"]
    blocks = by_id(body)
    target, document = body_page["target"], body_page["document"]
    assert {block["__typename"] for block in body} == {t._meta.name for t in BLOCK_TYPES.values()}
    assert blocks["p"]["html"] == (
        f'<p>Shih <a href="/sherbimet/">faqen</a> dhe <a href="http://testserver{document.url}">vendimin</a>.</p>'
    )
    assert blocks["h"] == {"__typename": "HeadingBlock", "id": "h", "text": "Kreu", "level": "H3"}
    assert blocks["i"]["alt"] == "Sheshi" and blocks["i"]["caption"] == "Foto"
    assert blocks["i"]["image"]["rendition"]["url"].startswith("http://testserver/")
    assert blocks["d"]["title"] == "Vendimi" and blocks["d"]["document"]["id"] == str(document.pk)
    assert blocks["dl"]["documents"] == [{"title": "A", "document": {"id": str(document.pk)}}]
    assert blocks["v"]["url"] == "https://www.youtube.com/watch?v=abc"
    assert blocks["v"]["embedHtml"] is None  # never fetched from the provider during a request
    assert blocks["q"]["attribution"] == "Kryetari"
    assert blocks["t"]["columns"] == [
        {"heading": "Emri", "type": "TEXT"},
        {"heading": "Shuma", "type": "NUMBER"},
    ]
    assert blocks["t"]["rows"] == [{"cells": ["Arsimi", "1200"]}]
    assert blocks["cta"]["url"] == "/sherbimet/"
    assert blocks["cta"]["page"] == {"id": str(target.pk), "title": "Shërbimet"}
    assert blocks["ext"]["url"] == "https://rks-gov.net/" and blocks["ext"]["page"] is None
    assert blocks["acc"]["items"] == [
        {"question": "Si?", "answer": '<p><a href="/sherbimet/">Kështu</a></p>'}
    ]
    assert blocks["cc"]["email"] == "zyra@example.org"


def test_body_never_leaks_drafts_or_private_documents(gql, body_page):
    blocks = by_id(gql(PAGE, {"path": "/rreth-nesh/"})["page"]["body"])
    assert blocks["pd"]["html"] == "<p>Një skicë.</p>"  # link removed, text kept
    assert "ctad" not in blocks  # a call to action to a draft is left out, even with an address
    assert "dp" not in blocks  # a private-collection document block is left out
    assert blocks["pp"]["html"] == "<p>I fshehtë.</p>"


def test_body_links_follow_the_page_language(gql, body_page, locales):
    page = body_page["page"]
    translate_page(page, locales["sr"], "О нама", "o-nama")
    blocks = by_id(gql(PAGE, {"path": "/sr/o-nama/"})["page"]["body"])
    assert blocks["cta"]["url"] == "/sr/usluge/"
    assert blocks["cta"]["page"]["title"] == "Услуге"
    assert '<a href="/sr/usluge/">' in blocks["p"]["html"]


def test_body_links_to_untranslated_pages_are_dropped(gql, body_page, locales):
    page = body_page["page"]
    translate_page(page, locales["en"], "About us", "about-us")
    blocks = by_id(gql(PAGE, {"path": "/en/about-us/"})["page"]["body"])
    assert "cta" not in blocks  # the target has no English translation
    assert "ext" in blocks
    assert "<a " not in blocks["p"]["html"].split("dhe")[0]
