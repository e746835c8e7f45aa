import datetime as dt
import email
import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events import notices
from events.factories import EventPageFactory
from events.models import MediaNotice, NoticeDelivery
from tests.events.smtp import Recorder, Refuser, closed_port, smtp_server


def scheduled_notice(calendar_index, days=20):
    page = EventPageFactory(parent=calendar_index, start=timezone.now() + dt.timedelta(days=days))
    return page, notices.schedule_notices(page)[0]


def decoded(envelope):
    message = email.message_from_bytes(envelope.content)
    return message, message.get_payload(decode=True).decode()


@pytest.mark.django_db
def test_delivery_through_a_real_smtp_server(calendar_index, contacts, hall):
    page, notice = scheduled_notice(calendar_index)
    page.place = hall
    page.save()

    with smtp_server(Recorder()) as server:
        assert notices.deliver_notice(notice.pk, now=notice.due_at) == "sent"

    assert sorted(envelope.rcpt_tos[0] for envelope in server.messages) == [
        "arta@rtk.example",
        "jane@bi.example",
        "marko@rg.example",
    ]
    by_recipient = {envelope.rcpt_tos[0]: decoded(envelope) for envelope in server.messages}
    message, body = by_recipient["marko@rg.example"]
    assert message["Content-Language"] == "sr"
    assert "Обавештење за медије" in str(
        email.header.make_header(email.header.decode_header(message["Subject"]))
    )
    # The fixture's place has no Serbian name: modeltranslation falls back to Albanian.
    assert "Место: Salla e Kuvendit" in body
    _message, albanian = by_recipient["arta@rtk.example"]
    assert "Vendi: Salla e Kuvendit, Sheshi i Lirisë 1" in albanian
    notice.refresh_from_db()
    assert (notice.status, notice.attempts, notice.last_error) == ("sent", 1, "")
    assert NoticeDelivery.objects.filter(notice=notice, sent_at__isnull=False).count() == 3


@pytest.mark.django_db
def test_smtp_refusals_are_recorded_and_retried_then_failed(calendar_index, contacts):
    _page, notice = scheduled_notice(calendar_index)
    moment = notice.due_at

    with smtp_server(Refuser()) as server:
        assert notices.deliver_notice(notice.pk, now=moment) == "scheduled"
        notice.refresh_from_db()
        assert notice.attempts == 1
        assert notice.due_at == moment + notices.RETRY_DELAY
        assert "451" in notice.last_error and "arta@rtk.example" in notice.last_error
        assert set(NoticeDelivery.objects.filter(notice=notice).values_list("sent_at", flat=True)) == {None}
        assert "SMTPDataError" in NoticeDelivery.objects.filter(notice=notice).first().error

        # Not due again until the retry time.
        assert notices.deliver_notice(notice.pk, now=moment + dt.timedelta(minutes=1)) is None
        for _attempt in range(2, notices.MAX_ATTEMPTS + 1):
            notice.refresh_from_db()
            notices.deliver_notice(notice.pk, now=notice.due_at)
        notice.refresh_from_db()
        assert server.attempts == 3 * notices.MAX_ATTEMPTS
    assert (notice.status, notice.attempts) == ("failed", notices.MAX_ATTEMPTS)


@pytest.mark.django_db
def test_retry_after_a_closed_port_sends_to_each_contact_once(calendar_index, contacts):
    _page, notice = scheduled_notice(calendar_index)
    with (
        closed_port() as closed,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed,
        ),
    ):
        assert notices.deliver_notice(notice.pk, now=notice.due_at) == "scheduled"
    notice.refresh_from_db()
    assert "ConnectionRefusedError" in notice.last_error

    # One contact got it by another route meanwhile: the retry skips them.
    NoticeDelivery.objects.filter(notice=notice, contact=contacts["en"]).update(sent_at=timezone.now())
    with smtp_server(Recorder()) as server:
        assert notices.deliver_notice(notice.pk, now=notice.due_at) == "sent"
    assert sorted(envelope.rcpt_tos[0] for envelope in server.messages) == [
        "arta@rtk.example",
        "marko@rg.example",
    ]


# Concurrent connections need PostgreSQL; CI runs the suite with DATABASE_URL pointing at it.
CONCURRENT = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="Concurrent workers need PostgreSQL (set DATABASE_URL).",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_database,
]


def concurrent(test):
    for mark in CONCURRENT:
        test = mark(test)
    return test


@concurrent
def test_exactly_once_with_two_concurrent_workers(data_after_flush, calendar_index, contacts):
    _page, notice = scheduled_notice(calendar_index)
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(notices.deliver_notice(notice.pk, now=notice.due_at))
        finally:
            connection.close()

    with smtp_server(Recorder()) as server:
        threads = [threading.Thread(target=worker) for _ in range(2)]
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
    assert (notice.status, notice.attempts) == (MediaNotice.Status.SENT, 1)


@concurrent
def test_exactly_once_with_two_db_worker_processes(data_after_flush, calendar_index, contacts):
    """Two `db_worker` processes on the same queue deliver a due notice once."""
    with (
        smtp_server(Recorder()) as server,
        override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}),
    ):
        from events.tasks import deliver_media_notice

        # Published late, so queued at once; queued a second time as a racing retry would be.
        _page, notice = scheduled_notice(calendar_index, days=3)
        deliver_media_notice.enqueue(notice.pk)
        queued = DBTaskResult.objects.filter(task_path="events.tasks.deliver_media_notice")
        assert [task.args_kwargs["args"] for task in queued if task.args_kwargs["args"] == [notice.pk]] == [
            [notice.pk],
            [notice.pk],
        ]
        database = settings.DATABASES["default"]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.events.worker_settings",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "TEST_SMTP_PORT": str(settings.EMAIL_PORT),
        }
        command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"]
        processes = [
            subprocess.Popen(
                command,
                env=env,
                cwd=settings.BASE_DIR,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            for _ in range(2)
        ]
        outputs = [process.communicate(timeout=120)[0].decode() for process in processes]
        assert all(process.returncode == 0 for process in processes), outputs

    assert sorted(envelope.rcpt_tos[0] for envelope in server.messages) == [
        "arta@rtk.example",
        "jane@bi.example",
        "marko@rg.example",
    ]
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (MediaNotice.Status.SENT, 1)
