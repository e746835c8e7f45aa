"""A media notice left in `sending` by a worker that stopped is reclaimed and sent once to each contact."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from events import notices
from events.factories import EventPageFactory
from events.models import EventPage, MediaNotice, NoticeDelivery
from tests.events.smtp import Recorder, smtp_server
from tests.events.test_delivery import concurrent

LEASE = dt.timedelta(minutes=15)


@pytest.fixture
def advisory(calendar_index, contacts, django_capture_on_commit_callbacks):
    """An advisory due in six days, with the three contacts as its recipients."""
    page = EventPageFactory(parent=calendar_index, start=timezone.now() + dt.timedelta(days=20), live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return MediaNotice.objects.get(page=page, kind="advisory")


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


def stopped_worker(notice, *, sent_to=(), sending_to=None):
    """The state a worker killed while sending leaves: claimed, some e-mails out, one under way."""
    claimed = notices.claim(notice.pk, notice.due_at)
    assert claimed is not None
    for contact in sent_to:
        NoticeDelivery.objects.create(
            notice=notice,
            contact=contact,
            email=contact.email,
            language=contact.language,
            attempted_at=notice.due_at,
            sent_at=notice.due_at,
        )
    if sending_to is not None:
        NoticeDelivery.objects.create(
            notice=notice,
            contact=sending_to,
            email=sending_to.email,
            language=sending_to.language,
            attempted_at=notice.due_at,
        )
    return claimed


def test_the_lease_is_the_setting():
    assert notices.sending_lease() == LEASE


def test_a_notice_stuck_past_the_lease_is_reclaimed_and_sent_to_each_contact_once(advisory, contacts):
    stopped_worker(advisory)
    later = advisory.due_at + LEASE + dt.timedelta(minutes=1)

    assert notices.send_due_notices(now=later) == {advisory.pk: "sent"}

    assert recipients() == ["arta@rtk.example", "jane@bi.example", "marko@rg.example"]
    advisory.refresh_from_db()
    assert (advisory.status, advisory.attempts) == ("sent", 2)
    assert advisory.last_error.startswith("Reclaimed ")
    assert "stopped before finishing" in advisory.last_error

    mail.outbox.clear()
    assert notices.send_due_notices(now=later + LEASE * 2) == {}
    assert mail.outbox == []


def test_contacts_who_had_it_are_not_written_to_again(advisory, contacts):
    stopped_worker(advisory, sent_to=[contacts["sq"]], sending_to=contacts["en"])

    assert notices.send_due_notices(now=advisory.due_at + LEASE + dt.timedelta(seconds=1)) == {
        advisory.pk: "sent"
    }

    # Arta had it; Jane's e-mail was under way when the worker stopped: it may have gone out.
    assert recipients() == ["marko@rg.example"]
    advisory.refresh_from_db()
    assert advisory.status == "sent"
    assert "Not resent to jane@bi.example" in advisory.last_error
    jane = NoticeDelivery.objects.get(notice=advisory, contact=contacts["en"])
    assert (jane.sent_at, jane.error) == (None, notices.UNKNOWN_OUTCOME)


def test_a_worker_killed_after_the_smtp_server_took_an_email_does_not_cause_a_second_one(
    advisory, contacts, monkeypatch
):
    build_message = notices.build_message

    def killed_after_first_send(notice, page, contact, connection):
        message = build_message(notice, page, contact, connection)
        send = message.send

        def send_then_die():
            send()
            raise SystemExit("killed")  # before the delivery is recorded

        message.send = send_then_die
        return message

    monkeypatch.setattr(notices, "build_message", killed_after_first_send)
    with pytest.raises(SystemExit):
        notices.deliver_notice(advisory.pk, now=advisory.due_at)
    monkeypatch.setattr(notices, "build_message", build_message)
    assert recipients() == ["arta@rtk.example"]
    assert MediaNotice.objects.get(pk=advisory.pk).status == "sending"

    notices.send_due_notices(now=advisory.due_at + LEASE + dt.timedelta(minutes=1))

    assert recipients() == ["arta@rtk.example", "jane@bi.example", "marko@rg.example"]


def test_a_notice_within_its_lease_is_left_to_its_worker(advisory, contacts):
    stopped_worker(advisory)

    assert notices.send_due_notices(now=advisory.due_at + LEASE - dt.timedelta(seconds=1)) == {}

    assert mail.outbox == []
    advisory.refresh_from_db()
    assert (advisory.status, advisory.attempts, advisory.claimed_at) == ("sending", 1, advisory.due_at)


def test_of_two_reclaimers_with_the_same_stale_state_only_one_wins(advisory, contacts):
    stopped_worker(advisory)
    later = advisory.due_at + LEASE + dt.timedelta(minutes=1)
    [(pk, claimed_at)] = notices.stale_notices(later)

    first = notices.redeliver_notice(pk, claimed_at, now=later)
    second = notices.redeliver_notice(pk, claimed_at, now=later)

    assert (first, second) == ("sent", None)
    assert recipients() == ["arta@rtk.example", "jane@bi.example", "marko@rg.example"]
    assert notices.reclaim(pk, claimed_at, later) is None
    advisory.refresh_from_db()
    assert advisory.attempts == 2


def test_a_worker_whose_notice_was_reclaimed_stops_and_the_new_one_finishes(advisory, contacts, monkeypatch):
    """A worker stalled past its lease finds the notice taken over at its next e-mail and stops."""
    later = advisory.due_at + LEASE + dt.timedelta(minutes=1)
    build_message = notices.build_message
    takeovers = []

    def stalled_after_first_send(notice, page, contact, connection):
        message = build_message(notice, page, contact, connection)
        if not takeovers:
            send = message.send

            def send_then_stall():
                send()
                claimed_at = MediaNotice.objects.get(pk=notice.pk).claimed_at
                takeovers.append(notices.reclaim(notice.pk, claimed_at, later))

            message.send = send_then_stall
        return message

    monkeypatch.setattr(notices, "build_message", stalled_after_first_send)
    assert notices.deliver_notice(advisory.pk, now=advisory.due_at) is None
    assert recipients() == ["arta@rtk.example"]

    [reclaimed] = takeovers
    assert notices._deliver(reclaimed, later) == "sent"
    assert recipients() == ["arta@rtk.example", "jane@bi.example", "marko@rg.example"]
    advisory.refresh_from_db()
    assert (advisory.status, advisory.attempts) == ("sent", 2)


def test_a_notice_that_keeps_stopping_its_worker_fails_after_the_last_attempt(advisory, contacts):
    stopped_worker(advisory)
    MediaNotice.objects.filter(pk=advisory.pk).update(attempts=notices.MAX_ATTEMPTS)

    later = advisory.due_at + LEASE + dt.timedelta(minutes=1)
    assert notices.send_due_notices(now=later) == {advisory.pk: "failed"}

    assert mail.outbox == []
    advisory.refresh_from_db()
    assert (advisory.status, advisory.attempts) == ("failed", notices.MAX_ATTEMPTS)
    assert advisory.last_error.startswith("Reclaimed")


@override_settings(MEDIA_NOTICE_SENDING_LEASE=60)
def test_the_lease_follows_the_setting(advisory, contacts):
    stopped_worker(advisory)

    assert notices.send_due_notices(now=advisory.due_at + dt.timedelta(seconds=59)) == {}
    assert notices.send_due_notices(now=advisory.due_at + dt.timedelta(seconds=61)) == {advisory.pk: "sent"}


def test_the_command_reclaims(advisory, contacts):
    stopped_worker(advisory)
    later = timezone.localtime(advisory.due_at + LEASE + dt.timedelta(minutes=1))

    call_command("send_due_notices", "--now", later.isoformat())

    assert len(mail.outbox) == 3


def test_a_cancellation_reaches_contacts_whose_email_may_have_gone_out(
    advisory, contacts, django_capture_on_commit_callbacks
):
    stopped_worker(advisory, sending_to=contacts["en"])
    contacts["sq"].is_active = contacts["sr"].is_active = False
    contacts["sq"].save()
    contacts["sr"].save()
    notices.send_due_notices(now=advisory.due_at + LEASE + dt.timedelta(minutes=1))
    assert mail.outbox == []

    page = advisory.page.specific
    page.status = EventPage.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert recipients() == ["jane@bi.example"]
    assert MediaNotice.objects.get(page=page, kind="cancellation").status == "sent"


@concurrent
def test_two_concurrent_reclaimers_send_each_email_once(data_after_flush, calendar_index, contacts):
    page = EventPageFactory(parent=calendar_index, start=timezone.now() + dt.timedelta(days=20))
    notice = notices.schedule_notices(page)[0]
    notices.claim(notice.pk, notice.due_at)
    later = notice.due_at + LEASE + dt.timedelta(minutes=1)
    [(pk, claimed_at)] = notices.stale_notices(later)
    barrier = threading.Barrier(2)
    results = []

    def reclaimer():
        try:
            barrier.wait()
            results.append(notices.redeliver_notice(pk, claimed_at, now=later))
        finally:
            connection.close()

    with smtp_server(Recorder()) as server:
        threads = [threading.Thread(target=reclaimer) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert sorted(results, key=str) == [None, "sent"]
    assert sorted(envelope.rcpt_tos[0] for envelope in server.messages) == [
        "arta@rtk.example",
        "jane@bi.example",
        "marko@rg.example",
    ]
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (MediaNotice.Status.SENT, 2)
