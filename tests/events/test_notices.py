import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from events import notices
from events.factories import EventPageFactory, MeetingPageFactory
from events.models import EventPage, MediaNotice, MeetingMaterial, NoticeRule
from tests.events.conftest import local

pytestmark = pytest.mark.django_db

NOW = local(2026, 12, 1, 9, 0)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def publish(page, captured):
    with captured(execute=True):
        page.save_revision().publish()
    return page


def schedule(page):
    return list(
        MediaNotice.objects.filter(page=page)
        .exclude(status=MediaNotice.Status.CANCELLED)
        .order_by("due_at")
        .values_list("kind", "due_at", "status", "is_late")
    )


def test_public_meeting_20_days_ahead_gets_advisory_and_reminder(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    start = NOW + dt.timedelta(days=20)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )

    assert schedule(page) == [
        ("advisory", start - dt.timedelta(days=14), "scheduled", False),
        ("reminder", start - dt.timedelta(days=1), "scheduled", False),
    ]
    assert mail.outbox == []


def test_published_too_late_is_flagged_and_sent_at_once(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    start = NOW + dt.timedelta(days=5)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )

    assert schedule(page) == [
        ("advisory", NOW, "sent", True),
        ("reminder", start - dt.timedelta(days=1), "scheduled", False),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "arta@rtk.example",
        "jane@bi.example",
        "marko@rg.example",
    ]


def test_only_one_late_notice_when_both_are_overdue(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    page = publish(
        EventPageFactory(parent=calendar_index, start=NOW + dt.timedelta(hours=10), live=False),
        django_capture_on_commit_callbacks,
    )

    assert schedule(page) == [("advisory", NOW, "sent", True)]
    assert len(mail.outbox) == 3


def test_private_events_and_past_events_get_no_notice(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    private = publish(
        EventPageFactory(parent=calendar_index, is_public=False, live=False),
        django_capture_on_commit_callbacks,
    )
    past = publish(
        EventPageFactory(parent=calendar_index, start=NOW - dt.timedelta(days=2), live=False),
        django_capture_on_commit_callbacks,
    )
    assert schedule(private) == schedule(past) == []


def test_meeting_notice_on_materials_day_links_the_materials(
    calendar_index, assembly, contacts, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Projektbuxheti 2027", file=ContentFile(b"%PDF-1.4 budget", name="buxheti.pdf")
    )
    start = NOW + dt.timedelta(days=10)
    page = MeetingPageFactory(parent=calendar_index, organiser=assembly, start=start, live=False)
    page.materials.add(MeetingMaterial(document=document))
    page.save()
    publish(page, django_capture_on_commit_callbacks)
    assert schedule(page) == []  # no materials day yet

    page.materials_distributed_at = NOW + dt.timedelta(days=3)
    publish(page, django_capture_on_commit_callbacks)
    assert schedule(page) == [("materials", NOW + dt.timedelta(days=3), "scheduled", False)]

    notice = MediaNotice.objects.get(page=page, status="scheduled")
    assert notices.deliver_notice(notice.pk, now=NOW) is None  # not due yet
    assert notices.deliver_notice(notice.pk, now=notice.due_at) == "sent"
    albanian = next(message for message in mail.outbox if message.to == ["arta@rtk.example"])
    assert "Projektbuxheti 2027" in albanian.body
    assert f"/documents/{document.pk}/buxheti" in albanian.body


def test_tender_opening_notice(calendar_index, contacts, django_capture_on_commit_callbacks):
    start = NOW + dt.timedelta(days=30, hours=2)
    page = publish(
        EventPageFactory(
            parent=calendar_index,
            kind=EventPage.Kind.TENDER_OPENING,
            start=start,
            is_public=False,
            live=False,
        ),
        django_capture_on_commit_callbacks,
    )

    assert schedule(page) == [("tender", start - dt.timedelta(days=7), "scheduled", False)]
    notice = MediaNotice.objects.get(page=page)
    notices.deliver_notice(notice.pk, now=notice.due_at)
    english = next(message for message in mail.outbox if message.to == ["jane@bi.example"])
    assert english.subject.startswith("[Tender opening]")
    # In the contact's language: English dates, 12-hour clock.
    with translation.override("en"):
        assert date_format(timezone.localtime(start), "DATETIME_FORMAT") in english.body


def test_rules_are_editable(calendar_index, contacts, django_capture_on_commit_callbacks):
    NoticeRule.objects.filter(notice_kind="reminder").update(is_active=False)
    NoticeRule.objects.filter(notice_kind="advisory").update(days_before=21)
    start = NOW + dt.timedelta(days=30)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )

    assert schedule(page) == [("advisory", start - dt.timedelta(days=21), "scheduled", False)]


def test_date_change_recomputes_the_schedule(calendar_index, contacts, django_capture_on_commit_callbacks):
    start = NOW + dt.timedelta(days=20)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )
    old = list(MediaNotice.objects.filter(page=page).values_list("pk", flat=True))

    new_start = NOW + dt.timedelta(days=40)
    page.start, page.end = new_start, new_start + dt.timedelta(hours=2)
    page.status, page.original_start = EventPage.Status.POSTPONED, start
    publish(page, django_capture_on_commit_callbacks)

    assert schedule(page) == [
        ("advisory", new_start - dt.timedelta(days=14), "scheduled", False),
        ("reminder", new_start - dt.timedelta(days=1), "scheduled", False),
    ]
    assert set(MediaNotice.objects.filter(pk__in=old).values_list("status", flat=True)) == {"cancelled"}
    # A stale queued task for an old notice does nothing.
    assert notices.deliver_notice(old[0], now=new_start) is None


def test_republishing_unchanged_keeps_the_schedule(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    page = publish(EventPageFactory(parent=calendar_index, live=False), django_capture_on_commit_callbacks)
    before = list(MediaNotice.objects.values_list("pk", "status"))
    publish(page, django_capture_on_commit_callbacks)
    assert list(MediaNotice.objects.values_list("pk", "status")) == before


def test_cancellation_goes_to_contacts_already_notified(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    start = NOW + dt.timedelta(days=20)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )
    advisory = MediaNotice.objects.get(page=page, kind="advisory")
    contacts["en"].is_active = False
    contacts["en"].save()
    assert notices.deliver_notice(advisory.pk, now=advisory.due_at) == "sent"
    contacts["en"].is_active = True
    contacts["en"].save()
    mail.outbox.clear()

    page.status = EventPage.Status.CANCELLED
    publish(page, django_capture_on_commit_callbacks)

    assert MediaNotice.objects.get(page=page, kind="reminder").status == "cancelled"
    cancellation = MediaNotice.objects.get(page=page, kind="cancellation")
    assert cancellation.status == "sent"
    assert sorted(message.to[0] for message in mail.outbox) == ["arta@rtk.example", "marko@rg.example"]
    serbian = next(message for message in mail.outbox if message.to == ["marko@rg.example"])
    assert "Отказивање" in serbian.subject

    mail.outbox.clear()
    publish(page, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # cancelled once only


def test_cancelling_before_any_notice_sends_nothing(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    page = publish(EventPageFactory(parent=calendar_index, live=False), django_capture_on_commit_callbacks)
    page.status = EventPage.Status.CANCELLED
    publish(page, django_capture_on_commit_callbacks)

    assert schedule(page) == []
    assert mail.outbox == []


def test_contacts_get_the_event_in_their_language(
    calendar_index, contacts, django_capture_on_commit_callbacks, locales
):
    from home.localization import translate_with

    page = publish(
        EventPageFactory(
            parent=calendar_index,
            title="Takim publik me qytetarë",
            start=NOW + dt.timedelta(days=3),
            live=False,
        ),
        django_capture_on_commit_callbacks,
    )
    mail.outbox.clear()
    titles = {"sr": "Јавни састанак са грађанима", "en": "Public meeting with citizens"}
    with django_capture_on_commit_callbacks(execute=True):
        for code in titles:
            if not calendar_index.get_translations().filter(locale__language_code=code).exists():
                translate_with(
                    calendar_index,
                    code,
                    lambda text, path, code=code: f"calendar-{code}" if path == "slug" else None,
                )
    with django_capture_on_commit_callbacks(execute=True):
        for code, title in titles.items():
            translate_with(page, code, lambda text, path, title=title: title if path == "title" else None)
    reminder = MediaNotice.objects.get(page=page, kind="reminder")
    notices.deliver_notice(reminder.pk, now=reminder.due_at)

    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert by_language["sq"].subject.startswith("[Kujtesë] Takim publik me qytetarë")
    assert by_language["sr"].subject.startswith("[Подсетник] Јавни састанак са грађанима")
    assert by_language["en"].subject.startswith("[Reminder] Public meeting with citizens")
    assert "/sr/" in by_language["sr"].body


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_notices_are_queued_for_their_due_time(calendar_index, contacts, django_capture_on_commit_callbacks):
    start = NOW + dt.timedelta(days=20)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )

    queued = sorted(
        DBTaskResult.objects.filter(task_path="events.tasks.deliver_media_notice").values_list(
            "run_after", "args_kwargs"
        )
    )
    notice_pks = {notice.kind: notice.pk for notice in MediaNotice.objects.filter(page=page)}
    assert queued == [
        (start - dt.timedelta(days=14), {"args": [notice_pks["advisory"]], "kwargs": {}}),
        (start - dt.timedelta(days=1), {"args": [notice_pks["reminder"]], "kwargs": {}}),
    ]


def test_send_due_notices_command(calendar_index, contacts, django_capture_on_commit_callbacks, frozen_clock):
    from django.core.management import call_command

    start = NOW + dt.timedelta(days=20)
    page = publish(
        EventPageFactory(parent=calendar_index, start=start, live=False), django_capture_on_commit_callbacks
    )
    out = io.StringIO()
    with translation.override("en"):
        call_command("send_due_notices", "--now", (start - dt.timedelta(days=14)).isoformat(), stdout=out)

    assert dict(MediaNotice.objects.filter(page=page).values_list("kind", "status")) == {
        "advisory": "sent",
        "reminder": "scheduled",
    }
    assert len(mail.outbox) == 3
    advisory = MediaNotice.objects.get(page=page, kind="advisory")
    assert out.getvalue().splitlines()[0] == f"Notice {advisory.pk}: Sent"
    assert out.getvalue().splitlines()[-1].startswith("1 notice due at ")


def test_a_yearly_series_gets_next_years_notices_once_this_years_are_out(
    calendar_index, contacts, django_capture_on_commit_callbacks
):
    page = publish(
        EventPageFactory(
            parent=calendar_index,
            kind=EventPage.Kind.ANNIVERSARY,
            start=local(2010, 12, 20),
            end=None,
            all_day=True,
            recurrence_rule="FREQ=YEARLY",
            live=False,
        ),
        django_capture_on_commit_callbacks,
    )
    assert schedule(page) == [
        ("advisory", local(2026, 12, 6), "scheduled", False),
        ("reminder", local(2026, 12, 19), "scheduled", False),
    ]
    for notice in MediaNotice.objects.filter(page=page).order_by("due_at"):
        notices.deliver_notice(notice.pk, now=notice.due_at)

    assert schedule(page) == [
        ("advisory", local(2026, 12, 6), "sent", False),
        ("reminder", local(2026, 12, 19), "sent", False),
        ("advisory", local(2027, 12, 6), "scheduled", False),
        ("reminder", local(2027, 12, 19), "scheduled", False),
    ]


def test_translation_is_due_before_the_first_media_notice(calendar_index, django_capture_on_commit_callbacks):
    from translations.due import due_date_for
    from translations.models import TranslationTask

    start = NOW + dt.timedelta(days=20)
    page = EventPageFactory(
        parent=calendar_index, start=start, kind=EventPage.Kind.PUBLIC_MEETING, live=False
    )
    # The advisory goes out 14 days before, the reminder 1 day before: translations must be ready first.
    assert page.translation_due_at() == start - dt.timedelta(days=14)
    assert due_date_for(page) == start - dt.timedelta(days=14)

    # Only notices still to come count; with none left the default rule applies.
    soon = EventPageFactory(
        parent=calendar_index,
        start=NOW + dt.timedelta(days=3),
        kind=EventPage.Kind.PUBLIC_MEETING,
        live=False,
    )
    assert soon.translation_due_at() == soon.start - dt.timedelta(days=1)
    private = EventPageFactory(
        parent=calendar_index, start=start, kind=EventPage.Kind.PUBLIC_MEETING, is_public=False, live=False
    )
    assert private.translation_due_at() is None

    publish(page, django_capture_on_commit_callbacks)
    task = TranslationTask.objects.for_instance(page).first()
    assert task is not None and task.due_at == start - dt.timedelta(days=14)
