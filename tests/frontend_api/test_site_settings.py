"""siteSettings: menu, footer, contact and social links per locale, without dead or private links."""

import json

import pytest

from home.models import Footer, MainMenu, OfficeContact, SocialLinks

SITE_SETTINGS = """
query Settings($locale: Locale) {
  siteSettings(locale: $locale) {
    locale
    mainMenu { label url page { id title } }
    footer { text links { label url } }
    contact { officeName address phone email openingHours }
    socialLinks { title links { network url } }
  }
}
"""

pytestmark = pytest.mark.django_db


def link(page=None, url="", label=""):
    return {
        "type": "item",
        "value": {"label": label, "link": {"page": page.pk if page else None, "url": url}},
    }


@pytest.fixture
def settings_snippets(tree, locales):
    menu = MainMenu.objects.create(
        locale=locales["sq"],
        items=json.dumps(
            [
                link(tree["news"]),
                link(tree["item"], label="Lajmi i parë"),
                link(tree["draft"], url="https://example.org/"),
                link(tree["private"]),
                link(tree["inside"]),
                link(url="https://rks-gov.net/", label="Portali"),
            ]
        ),
    )
    menu_sr = menu.copy_for_translation(locales["sr"])
    menu_sr.save()
    Footer.objects.create(
        locale=locales["sq"],
        text=f'<p>Zyra. <a linktype="page" id="{tree["draft"].pk}">Skicë</a></p>',
        links=json.dumps([link(tree["news"], label="Të gjitha lajmet"), link(tree["private"])]),
    )
    contact = OfficeContact.objects.create(
        locale=locales["sq"],
        office_name="Zyra për Komunikim",
        address="Sheshi 1",
        phone="038 000",
        email="zyra@example.org",
        opening_hours="08–16",
    )
    contact_sr = contact.copy_for_translation(locales["sr"])
    contact_sr.office_name = "Канцеларија за комуникацију"
    contact_sr.save()
    SocialLinks.objects.create(
        locale=locales["sq"],
        title="Na ndiqni",
        links=json.dumps(
            [{"type": "link", "value": {"network": "facebook", "url": "https://facebook.com/komuna"}}]
        ),
    )
    return menu


def test_site_settings_in_albanian(gql, settings_snippets, tree):
    data = gql(SITE_SETTINGS, {"locale": "SQ"})["siteSettings"]
    assert data["locale"] == "SQ"
    assert [(item["label"], item["url"]) for item in data["mainMenu"]] == [
        ("Lajme", "/lajme/"),
        ("Lajmi i parë", "/lajme/lajm-1/"),
        ("Portali", "https://rks-gov.net/"),
    ]
    assert data["mainMenu"][0]["page"] == {"id": str(tree["news"].pk), "title": "Lajme"}
    assert data["mainMenu"][2]["page"] is None
    assert data["footer"] == {
        "text": "<p>Zyra. Skicë</p>",
        "links": [{"label": "Të gjitha lajmet", "url": "/lajme/"}],
    }
    assert data["contact"]["officeName"] == "Zyra për Komunikim"
    assert data["socialLinks"] == {
        "title": "Na ndiqni",
        "links": [{"network": "facebook", "url": "https://facebook.com/komuna"}],
    }


def test_site_settings_in_serbian_use_serbian_urls(gql, settings_snippets):
    data = gql(SITE_SETTINGS, {"locale": "SR"})["siteSettings"]
    assert [(item["label"], item["url"]) for item in data["mainMenu"]] == [
        ("Вести", "/sr/vesti/"),
        ("Lajmi i parë", "/sr/vesti/vest-1/"),
        ("Portali", "https://rks-gov.net/"),
    ]
    assert data["contact"]["officeName"] == "Канцеларија за комуникацију"
    # No Serbian footer yet: the Albanian one, with links in Serbian.
    assert data["footer"]["links"] == [{"label": "Të gjitha lajmet", "url": "/sr/vesti/"}]


def test_site_settings_in_english_fall_back_to_albanian(gql, settings_snippets):
    data = gql(SITE_SETTINGS, {"locale": "EN"})["siteSettings"]
    # The Albanian menu, linking the English pages; the untranslated item is left out.
    assert [(item["label"], item["url"]) for item in data["mainMenu"]] == [
        ("News", "/en/news/"),
        ("Portali", "https://rks-gov.net/"),
    ]
    assert data["contact"]["officeName"] == "Zyra për Komunikim"


def test_unpublished_menu_page_disappears(gql, settings_snippets, tree):
    tree["news_sr"].unpublish()
    data = gql(SITE_SETTINGS, {"locale": "SR"})["siteSettings"]
    assert [item["url"] for item in data["mainMenu"]] == ["/sr/vesti/vest-1/", "https://rks-gov.net/"]


def test_site_settings_without_snippets(gql, home_pages):
    data = gql(SITE_SETTINGS, {"locale": "EN"})["siteSettings"]
    assert data == {"locale": "EN", "mainMenu": [], "footer": None, "contact": None, "socialLinks": None}
