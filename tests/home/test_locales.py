import pytest
from wagtail.models import Locale

from home.localization import translate_with
from home.models import HomePage

pytestmark = pytest.mark.django_db

TITLES = {"sq": "Komuna", "sr": "Општина", "en": "Municipality"}


def test_locales_created_by_migration():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"sq", "sr", "en"}
    assert Locale.get_default().language_code == "sq"


def test_a_home_page_per_locale_as_translations(home_pages):
    assert set(home_pages) == {"sq", "sr", "en"}
    keys = {page.translation_key for page in home_pages.values()}
    assert len(keys) == 1
    assert all(page.live for page in home_pages.values())
    assert {page.slug for page in home_pages.values()} == {"home", "home-sr", "home-en"}


@pytest.mark.parametrize(("path", "language"), [("/", "sq"), ("/sr/", "sr"), ("/en/", "en")])
def test_each_locale_is_served_under_its_prefix(
    client, home_pages, django_capture_on_commit_callbacks, path, language
):
    source = home_pages["sq"]
    for code, title in TITLES.items():
        if code == "sq":
            source.title = title
            source.save_revision().publish()
        else:
            with django_capture_on_commit_callbacks(execute=True):
                translate_with(
                    source, code, lambda text, field, title=title: title if field == "title" else None
                )

    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{TITLES[language]}</h1>" in html
    assert response.context["page"].locale.language_code == language


def test_unknown_locale_prefix_is_404(client, home_pages):
    assert client.get("/de/").status_code == 404


def test_home_page_is_in_the_page_tree_root_only(home_page):
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert home_page.depth == 2
