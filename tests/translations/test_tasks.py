import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from translations import services
from translations.models import TranslationTask

State = TranslationTask.State


def prefer_language(user, language):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(pk=UserProfile.get_for_user(user).pk).update(preferred_language=language)


@pytest.fixture
def sr_task(news_page, translator_groups):
    return TranslationTask.objects.get(target_locale__language_code="sr")


def test_publishing_a_source_creates_one_task_per_target_locale(translator_groups, news_page, publish):
    tasks = TranslationTask.objects.order_by("target_locale__language_code")
    assert [task.target_locale.language_code for task in tasks] == ["en", "sr"]
    sr = tasks.get(target_locale__language_code="sr")
    assert sr.assignee_group == translator_groups["sr"]
    assert sr.object_repr == "Lajme"
    assert sr.state == State.UNASSIGNED
    # Publishing again without a change creates nothing and changes nothing.
    publish(news_page)
    assert TranslationTask.objects.count() == 2
    assert TranslationTask.objects.get(pk=sr.pk).state == sr.state


def test_source_change_outdates_translations_made_before_tasks_existed(home_pages, publish):
    publish(home_pages["sq"], title="Komuna e Graçanicës")
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    assert task.state == State.UPDATE_NEEDED
    assert task.changed_segments == [{"path": "title", "before": "Komuna", "after": "Komuna e Graçanicës"}]


def test_publishing_a_translation_creates_no_task(home_pages, publish):
    publish(home_pages["sr"], title="Општина")
    assert not TranslationTask.objects.exists()


@override_settings(TRANSLATION_TASK_EXCLUDE=["home.HomePage"])
def test_excluded_types_get_no_tasks(home_pages, publish):
    publish(home_pages["sq"], title="Komuna")
    assert not TranslationTask.objects.exists()


def test_full_cycle_start_submit_approve_publishes_and_completes(
    home_pages,
    sr_task,
    serbian_translator,
    head_of_office,
    fill_translation,
    django_capture_on_commit_callbacks,
):
    prefer_language(serbian_translator, "sr")
    services.assign(sr_task, head_of_office, user=serbian_translator)
    assert sr_task.state == State.ASSIGNED
    assert mail.outbox[-1].to == ["milica@komuna.example"]
    # In the translator's admin language, whatever language the code runs in.
    with translation.override("sr"):
        subject = gettext("New translation task: %(title)s") % {"title": "Lajme"}
    assert mail.outbox[-1].subject == subject

    services.start(sr_task, serbian_translator)
    assert sr_task.state == State.IN_PROGRESS
    assert services.editor_url(sr_task) == f"/admin/pages/{sr_task.get_target_instance().pk}/edit/"

    with translation.override("en"), pytest.raises(services.TransitionError, match="untranslated"):
        services.submit(sr_task, serbian_translator)
    fill_translation(sr_task, lambda text, path: {"title": "Вести", "slug": "vesti"}.get(path, text))
    services.submit(sr_task, serbian_translator)
    assert sr_task.state == State.IN_REVIEW

    with translation.override("en"), pytest.raises(services.TransitionError, match="Only a reviewer"):
        services.approve(sr_task, serbian_translator)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(sr_task, head_of_office)
    sr_task.refresh_from_db()
    assert sr_task.state == State.DONE
    assert sr_task.reviewed_by == head_of_office
    page = Page.objects.get(translation_key=sr_task.translation_key, locale__language_code="sr")
    assert page.live and page.title == "Вести" and page.slug == "vesti"
    assert page.get_parent().specific == home_pages["sr"]


def test_source_change_after_translation_reopens_with_changed_segments(
    sr_task,
    serbian_translator,
    head_of_office,
    fill_translation,
    publish,
    news_page,
    django_capture_on_commit_callbacks,
):
    services.start(sr_task, serbian_translator)
    fill_translation(sr_task)
    services.submit(sr_task, serbian_translator)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(sr_task, head_of_office)

    publish(Page.objects.get(pk=news_page.pk), title="Lajme dhe njoftime")
    sr_task.refresh_from_db()
    assert sr_task.state == State.UPDATE_NEEDED
    assert sr_task.changed_segments == [{"path": "title", "before": "Lajme", "after": "Lajme dhe njoftime"}]
    # The translator's editor now shows the new string as untranslated.
    total, translated, _machine = services.progress(sr_task)
    assert translated == total - 1


def test_a_reviewer_sends_a_translation_back_with_a_comment(
    sr_task, serbian_translator, head_of_office, fill_translation
):
    services.start(sr_task, serbian_translator)
    fill_translation(sr_task)
    services.submit(sr_task, serbian_translator)
    services.request_changes(sr_task, head_of_office, "Користите термин из речника.")
    assert sr_task.state == State.IN_PROGRESS
    assert sr_task.comments.get().text == "Користите термин из речника."
    with translation.override("en"), pytest.raises(services.TransitionError, match="needs some text"):
        services.comment(sr_task, serbian_translator, "   ")


def test_machine_translation_must_be_reviewed_before_approval(
    sr_task, serbian_translator, head_of_office, fill_translation
):
    services.start(sr_task, serbian_translator)
    fill_translation(sr_task, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    services.submit(sr_task, serbian_translator)
    assert services.progress(sr_task)[2] > 0
    with translation.override("en"), pytest.raises(services.TransitionError, match="machine-translated"):
        services.approve(sr_task, head_of_office)
    services.mark_machine_reviewed(sr_task, head_of_office)
    assert services.progress(sr_task)[2] == 0
    services.approve(sr_task, head_of_office)
    assert sr_task.state == State.DONE


def test_translators_cannot_work_on_other_locales_tasks(news_page, serbian_translator):
    en_task = TranslationTask.objects.get(target_locale__language_code="en")
    with pytest.raises(services.TransitionError):
        services.start(en_task, serbian_translator)
    with pytest.raises(services.TransitionError):
        services.assign(en_task, serbian_translator, user=serbian_translator)


def test_cancel_and_reopen(sr_task, head_of_office, serbian_translator):
    with pytest.raises(services.TransitionError):
        services.cancel(sr_task, serbian_translator)
    services.cancel(sr_task, head_of_office)
    assert sr_task.state == State.CANCELLED
    services.reopen(sr_task, head_of_office)
    assert sr_task.state == State.UNASSIGNED


def test_deadline_reminders_are_sent_once(sr_task, serbian_translator, head_of_office):
    prefer_language(serbian_translator, "sr")
    prefer_language(head_of_office, "sq")
    services.assign(sr_task, head_of_office, user=serbian_translator)
    en_task = TranslationTask.objects.get(target_locale__language_code="en")
    now = timezone.now()
    TranslationTask.objects.filter(pk=sr_task.pk).update(due_at=now + datetime.timedelta(hours=3))
    TranslationTask.objects.filter(pk=en_task.pk).update(due_at=now - datetime.timedelta(hours=1))
    mail.outbox.clear()
    out = io.StringIO()
    call_command("notify_translation_deadlines", stdout=out)
    # The command runs in the site's language, Albanian; its report too.
    with translation.override("sq"):
        assert out.getvalue().splitlines() == [
            ngettext(
                "%(count)s reminder sent about a task due soon.",
                "%(count)s reminders sent about tasks due soon.",
                1,
            )
            % {"count": 1},
            ngettext(
                "%(count)s reminder sent about an overdue task.",
                "%(count)s reminders sent about overdue tasks.",
                1,
            )
            % {"count": 1},
        ]
    # Each in the recipient's admin language: the Serbian translator, the Albanian reviewer.
    with translation.override("sr"):
        due_soon = gettext("Translation due soon: %(title)s") % {"title": "Lajme"}
    with translation.override("sq"):
        overdue_subject = gettext("Translation overdue: %(title)s") % {"title": "Lajme"}
    assert sorted(message.subject for message in mail.outbox) == sorted([due_soon, overdue_subject])
    overdue = next(message for message in mail.outbox if message.subject == overdue_subject)
    assert "drita@komuna.example" in overdue.to  # reviewers hear about overdue work
    mail.outbox.clear()
    call_command("notify_translation_deadlines", stdout=io.StringIO())
    assert mail.outbox == []
