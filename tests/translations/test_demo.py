import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry

from home.models import HomePage
from home.setup import default_home_page
from translations import coverage, gate
from translations.conf import official_act_types
from translations.models import TranslationTask

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_site(locales, request):
    """The default site, rebuilt after an earlier transactional test flushed the database."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sq"]))
    return request.getfixturevalue("site")


def test_demo_translation_work_is_loaded_once(fresh_site, capsys, client, django_user_model):
    call_command("load_demo_data")
    # Every official act the demo publishes goes live with its Serbian translation, no override.
    acts = [
        page
        for page in Page.objects.filter(locale__language_code="sq", live=True).specific()
        if page._meta.label_lower in official_act_types()
    ]
    assert len(acts) >= 20
    for act in acts:
        assert act.get_translations().filter(locale__language_code="sr", live=True).exists(), act.title
    assert not PageLogEntry.objects.filter(action=gate.OVERRIDE_ACTION).exists()
    home_tasks = TranslationTask.objects.for_instance(default_home_page())
    states = dict(home_tasks.values_list("target_locale__language_code", "state"))
    # The home page: Serbian up to date, English outdated by a real change.
    assert states["sr"] == "done"
    assert states["en"] == "update_needed"
    en = home_tasks.get(target_locale__language_code="en")
    assert [change["path"] for change in en.changed_segments] == ["search_description"]
    sr_home = HomePage.objects.get(locale__language_code="sr")
    assert sr_home.title == "Општина" and sr_home.search_description.startswith("Вести, обавештења")
    # The other pages' tasks are spread over every state.
    assert set(TranslationTask.objects.values_list("state", flat=True)) >= {
        "unassigned",
        "assigned",
        "in_progress",
        "in_review",
        "done",
        "cancelled",
        "update_needed",
    }

    # The coverage dashboard counts every live Albanian page once per locale, as the demo made it.
    report = coverage.compute()
    sources = Page.objects.filter(locale__language_code="sq", live=True, depth__gt=1)
    for code in ("sr", "en"):
        cell = report["totals"][code]
        assert cell.total == sources.count()
        live = Page.objects.filter(locale__language_code=code, live=True)
        tasks = TranslationTask.objects.filter(
            target_locale__language_code=code, translation_key__in=sources.values("translation_key")
        )
        assert cell.counts["outdated"] == tasks.filter(state="update_needed").count()
        # In progress: a task is being worked on and no translation is live yet (a live one counts as translated).
        assert (
            cell.counts["in_progress"]
            == tasks.filter(state__in=["assigned", "in_progress", "in_review"])
            .exclude(translation_key__in=live.values("translation_key"))
            .count()
        )
        assert (
            cell.counts["translated"]
            == live.filter(translation_key__in=sources.values("translation_key"))
            .exclude(translation_key__in=tasks.filter(state="update_needed").values("translation_key"))
            .count()
        )
        assert (
            cell.counts["translated"]
            + cell.counts["outdated"]
            + cell.counts["in_progress"]
            + cell.counts["missing"]
            == sources.count()
        )
        assert cell.counts["missing"] == sources.exclude(
            translation_key__in=live.values("translation_key")
        ).count() - (
            tasks.filter(state__in=["assigned", "in_progress", "in_review", "update_needed"])
            .exclude(translation_key__in=live.values("translation_key"))
            .count()
        )
    head = django_user_model.objects.create_superuser("shefja", password="sekret-123")
    client.force_login(head)
    page = client.get("/admin/translations/coverage/").content.decode()
    for code in ("sr", "en"):
        percent = str(report["totals"][code].percent("translated"))
        assert f"{percent}%" in page or f"{percent.replace('.', ',')}%" in page

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
