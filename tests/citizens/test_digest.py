"""The weekly digest: to the head of office, in their language, naming messages without personal data."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.users.models import UserProfile

from citizens.models import Message
from citizens.submission import submit

pytestmark = pytest.mark.django_db


def test_the_digest_lists_overdue_and_due_soon_messages(django_user_model, kinds, departments):
    head = django_user_model.objects.create_user(username="shefi", email="shefi@komuna.example")
    head.groups.add(Group.objects.get(name="Head of office"))
    UserProfile.objects.update_or_create(user=head, defaults={"preferred_language": "en"})
    django_user_model.objects.create_user(username="other", email="other@komuna.example")
    now = timezone.now()
    late = submit(
        {
            "kind": "access_to_documents",
            "subject": "Kontrata",
            "text": "...",
            "name": "Agim Berisha",
            "department": departments["urbanism"].pk,
        },
        language="sq",
    ).message
    soon = submit({"kind": "access_to_documents", "subject": "Buxheti", "text": "..."}, language="sq").message
    Message.objects.filter(pk=late.pk).update(due_at=now - datetime.timedelta(days=1))
    Message.objects.filter(pk=soon.pk).update(due_at=now + datetime.timedelta(days=1))

    output = io.StringIO()
    call_command("send_citizens_digest", stdout=output)
    assert output.getvalue() == "Digest sent to 1 address(es).\n"

    [digest] = mail.outbox
    assert digest.to == ["shefi@komuna.example"]
    assert digest.extra_headers["Content-Language"] == "en"
    assert "1 overdue" in digest.subject
    overdue, due_soon = digest.body.split("Due within two days")
    assert late.tracking_code in overdue and "Drejtoria për Urbanizëm" in overdue
    assert soon.tracking_code in due_soon
    for personal in ("Agim Berisha", "Kontrata", "Buxheti"):
        assert personal not in digest.body
    assert "/admin/citizen_messages/" in digest.body
