"""Retention: old closed messages lose their personal data and attachments; open or recent ones keep them."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from citizens.export import person_data
from citizens.models import Attachment, InternalNote, Message, StatusChange
from citizens.submission import submit
from tests.documents.files import pdf

pytestmark = pytest.mark.django_db

EMAIL = "drita@example.org"


def message(status, closed_days_ago, attach=False):
    data = {
        "kind": "complaint",
        "subject": "Ndriçimi te Drita",
        "text": "Drita Berisha, Rruga C 5, tel. 044 111 222.",
        "name": "Drita Berisha",
        "email": EMAIL,
        "phone": "044 111 222",
        "location": "Rruga C 5",
        "latitude": "42.1",
        "longitude": "21.1",
    }
    files = {"attachments": [SimpleUploadedFile("foto.pdf", pdf("Foto"), content_type="application/pdf")]}
    submission = submit(data, files if attach else None, language="sq")
    assert submission.ok, submission.errors
    stored = submission.message
    when = timezone.now() - datetime.timedelta(days=closed_days_ago)
    Message.objects.filter(pk=stored.pk).update(
        status=status, received_at=when - datetime.timedelta(days=3), reply="E dashur Drita…"
    )
    StatusChange.objects.filter(message=stored).update(changed_at=when - datetime.timedelta(days=3))
    StatusChange.objects.create(
        message=stored, from_status="assigned", to_status=status, changed_at=when, note="Drita"
    )
    InternalNote.objects.create(message=stored, text="Drita called again.")
    return stored


def test_old_closed_messages_are_anonymised_and_counted_the_same(kinds, settings):
    settings.CITIZENS_RETENTION_DAYS = 365
    old = [message(status, 400, attach=True) for status in ("answered", "rejected", "closed", "forwarded")]
    recent = message("answered", 100)
    still_open = message("in_progress", 900)
    files = [attachment.file.name for attachment in Attachment.objects.filter(message__in=old)]
    storage = Attachment.objects.first().file.storage
    assert all(storage.exists(name) for name in files)
    counts_before = sorted(Message.objects.values_list("kind__code", "status", "received_at"))

    out = io.StringIO()
    call_command("anonymise_citizen_messages", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "4 message(s) would be anonymised."
    assert Message.objects.filter(anonymised_at__isnull=False).count() == 0
    call_command("anonymise_citizen_messages", stdout=out)
    assert "4 message(s) anonymised." in out.getvalue()

    for stored in Message.objects.filter(pk__in=[m.pk for m in old]):
        assert stored.anonymised_at is not None
        personal = (stored.name, stored.email, stored.phone, stored.subject, stored.text, stored.location)
        assert personal == ("", "", "", "", "", "") and stored.latitude is None and stored.reply == ""
        assert not stored.attachments.exists() and not stored.internal_notes.exists()
        notes = [change.note for change in stored.status_changes.all()]
        assert len(notes) >= 2 and set(notes) == {""}  # the steps stay, their words go
    assert not any(storage.exists(name) for name in files)
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert (
            kept.name == "Drita Berisha"
            and kept.attachments.count() == 0
            and kept.internal_notes.count() == 1
        )
    assert sorted(Message.objects.values_list("kind__code", "status", "received_at")) == counts_before
    assert len(person_data(EMAIL)) == 2  # only the two kept still name her
    call_command("anonymise_citizen_messages", stdout=out)
    assert out.getvalue().strip().endswith("0 message(s) anonymised.")


def test_the_period_is_a_setting_or_an_option(kinds, settings):
    message("closed", 40)
    settings.CITIZENS_RETENTION_DAYS = 60
    out = io.StringIO()
    call_command("anonymise_citizen_messages", stdout=out)
    assert out.getvalue().strip() == "0 message(s) anonymised."
    call_command("anonymise_citizen_messages", "--days", "30", stdout=out)
    assert out.getvalue().strip().endswith("1 message(s) anonymised.")
