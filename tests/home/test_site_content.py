import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from home.localization import translate_with
from home.models import MainMenu, OfficeContact

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
