import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from home.localization import translate_with
from home.models import MainMenu, OfficeContact, SocialLinks
from home.templatetags.site_content_tags import SITE_DESCRIPTION, page_description

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(locales):
    return OfficeContact.objects.create(
        locale=locales["sq"],
        office_name="Zyra për Komunikim dhe Informim",
        address="Sheshi i Lirisë 1",
        phone="+383 38 000 000",
        email="zkki@komuna.example",
    )


def test_snippets_are_translated_with_wagtail_localize(contact):
    serbian = translate_with(
        contact,
        "sr",
        lambda text, path: {"office_name": "Канцеларија за комуникацију и информисање"}.get(path),
    )
    assert serbian.locale.language_code == "sr"
    assert serbian.office_name == "Канцеларија за комуникацију и информисање"
    assert serbian.phone == contact.phone
    assert OfficeContact.for_locale(Locale.objects.get(language_code="sr")) == serbian


def test_for_locale_falls_back_to_the_default_locale(contact):
    assert OfficeContact.for_locale(Locale.objects.get(language_code="en")) == contact
    assert MainMenu.for_locale(Locale.objects.get(language_code="en")) is None


def test_pages_render_the_menu_and_footer_of_their_locale(client, indexes, contact):
    MainMenu.objects.create(
        locale=contact.locale, items=[("item", {"label": "", "link": {"page": indexes["news"], "url": ""}})]
    )
    html = client.get(indexes["decisions"].url).content.decode()
    with translation.override("sq"):
        label = gettext("Main menu")
    assert f'<nav aria-label="{label}">' in html
    assert f'<a href="{indexes["news"].url}">Lajme</a>' in html
    assert "Zyra për Komunikim dhe Informim" in html


def test_the_meta_description_falls_back_from_the_editors_to_the_summary_to_the_site(
    client, home_page, indexes
):
    news = indexes["news"]
    cases = [
        (
            {"search_description": "Për motorët e kërkimit", "summary": "Përmbledhje"},
            "Për motorët e kërkimit",
        ),
        (
            {"search_description": "", "summary": "Lajmet e <komunës> &  drejtorive"},
            "Lajmet e <komunës> & drejtorive",
        ),
        ({"search_description": "", "summary": ""}, str(SITE_DESCRIPTION)),
    ]
    for fields, expected in cases:
        for name, value in fields.items():
            setattr(news, name, value)
        news.save_revision().publish()
        assert page_description(news) == expected
        assert (
            f'<meta name="description" content="{escape(expected)}">' in client.get(news.url).content.decode()
        )

    home_page.intro = "<p>Komuna <b>informon</b> qytetarët.</p>"
    assert page_description(home_page) == "Komuna informon qytetarët."
    assert page_description(None) == str(SITE_DESCRIPTION)
    with translation.override("en"):
        assert page_description(None) == (
            "News, announcements, decisions, regulations, vacancies and the calendar of the municipality, "
            "from the Office for Communication and Information."
        )


def test_the_footer_spells_social_networks_as_they_do(client, indexes, contact):
    SocialLinks.objects.create(
        locale=contact.locale,
        title="Na ndiqni",
        links=[
            ("link", {"network": "youtube", "url": "https://www.youtube.com/@komuna.example"}),
            ("link", {"network": "linkedin", "url": "https://www.linkedin.com/company/komuna"}),
        ],
    )
    html = client.get(indexes["decisions"].url).content.decode()
    assert 'rel="me">YouTube</a>' in html
    assert 'rel="me">LinkedIn</a>' in html
    assert "Youtube" not in html
