import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage
from translations import coverage
from translations.models import TranslationTask

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_site(locales, request):
    """The default site, rebuilt after an earlier transactional test flushed the database."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sq"]))
    return request.getfixturevalue("site")


def test_demo_translation_work_is_loaded_once(fresh_site, capsys):
    call_command("load_demo_data")
    states = dict(TranslationTask.objects.values_list("target_locale__language_code", "state"))
    # With the home pages alone: Serbian up to date, English outdated by a real change.
    assert states["sr"] == "done"
    assert states["en"] == "update_needed"
    en = TranslationTask.objects.get(target_locale__language_code="en")
    assert [change["path"] for change in en.changed_segments] == ["search_description"]
    sr_home = HomePage.objects.get(locale__language_code="sr")
    assert sr_home.title == "Општина" and sr_home.search_description.startswith("Вести, обавештења")
    report = coverage.compute()
    assert report["totals"]["sr"].percentages["translated"] == 100.0
    assert report["totals"]["en"].percentages["outdated"] == 100.0

    before = list(TranslationTask.objects.order_by("pk").values())
    call_command("load_demo_data")
    assert list(TranslationTask.objects.order_by("pk").values()) == before
    assert "nothing to create" in capsys.readouterr().out


def test_setup_translators_command(fresh_site, capsys, django_capture_on_commit_callbacks):
    from home.setup import ensure_home_translations

    ensure_home_translations()
    call_command("setup_translators")
    out = capsys.readouterr().out
    assert "Translators (sr): Komuna" in out and "Translators (en): Komuna" in out
