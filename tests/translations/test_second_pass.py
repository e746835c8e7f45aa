"""What translators and the head of office ran into on a second pass through the task screens."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Page

from translations import coverage, services
from translations.models import TranslationTask

State = TranslationTask.State


@pytest.fixture
def sr_task(news_page, translator_groups):
    return TranslationTask.objects.get(target_locale__language_code="sr")


def test_a_task_never_started_cannot_be_submitted(client, sr_task, serbian_translator):
    with translation.override("en"), pytest.raises(services.TransitionError, match="start it first"):
        services.submit(sr_task, serbian_translator)
    client.force_login(serbian_translator)
    content = client.get(f"/admin/translations/{sr_task.pk}/").content.decode()
    assert 'value="submit"' not in content
    assert "0 of 0 segments" not in content
    assert "Not started" in content
    services.start(sr_task, serbian_translator)
    assert 'value="submit"' in client.get(f"/admin/translations/{sr_task.pk}/").content.decode()


def test_a_task_is_assigned_only_within_its_language(
    client, sr_task, head_of_office, translator_groups, make_user
):
    with translation.override("en"), pytest.raises(services.TransitionError, match="own language"):
        services.assign(sr_task, head_of_office, group=translator_groups["en"])
    english = make_user("arta", translator_groups["en"])
    with translation.override("en"), pytest.raises(services.TransitionError, match="not a translator"):
        services.assign(sr_task, head_of_office, user=english)
    services.assign(sr_task, head_of_office, group=translator_groups["sr"])
    client.force_login(head_of_office)
    content = client.get(f"/admin/translations/{sr_task.pk}/").content.decode()
    assert "Translators (sr)" in content and "Translators (en)" not in content
    assert Group.objects.filter(name="Translators (en)").exists()


def test_the_translation_editor_links_back_to_its_task(client, sr_task, serbian_translator, head_of_office):
    services.start(sr_task, serbian_translator)
    target = sr_task.get_target_instance()
    client.force_login(head_of_office)
    response = client.get(f"/admin/pages/{target.pk}/edit/", follow=True)
    assert f'href="/admin/translations/{sr_task.pk}/"' in response.content.decode()


def test_the_dashboard_lists_translations_waiting_for_review(
    client, sr_task, serbian_translator, head_of_office, fill_translation
):
    services.start(sr_task, serbian_translator)
    fill_translation(sr_task)
    services.submit(sr_task, serbian_translator)
    client.force_login(head_of_office)
    content = client.get("/admin/").content.decode()
    assert "Translations waiting for your review" in content
    assert f'href="/admin/translations/{sr_task.pk}/"' in content
    client.force_login(serbian_translator)
    assert "Translations waiting for your review" not in client.get("/admin/").content.decode()


def test_coverage_counts_a_live_translation_as_translated(
    home_pages, translator_groups, publish, django_capture_on_commit_callbacks
):
    """A live Serbian page is translated in the figures even while a task about it is open."""
    from home.localization import translate_with

    page = home_pages["sq"].add_child(instance=Page(title="Vendime", slug="vendime", live=False))
    publish(page)
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(page, "sr", lambda text, path: {"title": "Одлуке", "slug": "odluke"}.get(path))
    TranslationTask.objects.filter(translation_key=page.translation_key).update(state=State.IN_PROGRESS)
    report = coverage.compute()
    sr = report["totals"]["sr"]
    assert sr.counts["translated"] >= 1
    en = report["totals"]["en"]
    assert en.counts["in_progress"] >= 1  # not translated into English: the open task is in progress


def test_the_translation_editor_offers_translators_no_delete(
    client, home_pages, translator_groups, serbian_translator
):
    """wagtail-localize's editor puts its last available action first: for a translator that was "Delete"."""
    import json
    import re

    from home.factories import NewsPageFactory

    news = NewsPageFactory(parent=home_pages["sq"], title="Lajm", slug="lajm")
    services.sync_tasks_for_source(news)
    task = TranslationTask.objects.get(
        translation_key=news.translation_key, target_locale__language_code="sr"
    )
    services.start(task, serbian_translator)
    target = task.get_target_instance()
    assert not target.live
    perms = target.permissions_for_user(serbian_translator)
    assert not perms.can_delete() and perms.can_lock() and not perms.can_publish()
    client.force_login(serbian_translator)
    content = client.get(f"/admin/pages/{target.pk}/edit/").content.decode()
    props = json.loads(
        re.search(r'data-props="([^"]+)"', content).group(1).replace("&quot;", '"').replace("&amp;", "&")
    )
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canLock"] is True  # the primary action is "Lock", not "Delete"
    assert client.post(f"/admin/pages/{target.pk}/delete/").status_code in (302, 403)
    assert Page.objects.filter(pk=target.pk).exists()
