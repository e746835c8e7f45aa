"""Retention: closed messages are anonymised once they are older than ``CITIZENS_RETENTION_DAYS``.

A message answered, forwarded, rejected or closed whose last change of status
is older than the period loses everything that could name or describe its
sender: name, contact, subject, text, place, reply, the officials' notes and
the attachments (their files deleted from storage). What the office reports on
is kept: kind, status, departments, dates and the history's steps, so the
monthly figures (``citizens.reports``) do not change. Run by
``manage.py anonymise_citizen_messages`` (daily).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import OPEN_STATUSES, Message

logger = logging.getLogger(__name__)

CLEARED = {
    "name": "",
    "email": "",
    "phone": "",
    "subject": "",
    "text": "",
    "location": "",
    "latitude": None,
    "longitude": None,
    "reply": "",
    "reply_is_public": False,
    "acknowledgement_error": "",
    "reply_error": "",
}


def due_for_anonymising(days=None, now=None):
    """Closed messages not anonymised yet whose last status change is more than ``days`` old."""
    days = settings.CITIZENS_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return (
        Message.objects.exclude(status__in=OPEN_STATUSES)
        .filter(anonymised_at__isnull=True)
        .annotate(closed_at=Coalesce(Max("status_changes__changed_at"), "received_at"))
        .filter(closed_at__lt=cutoff)
    )


def anonymise(message):
    """Clear one message's personal data and delete its attachments' files."""
    with transaction.atomic():
        for attachment in message.attachments.all():
            # The row goes after its file; a file left behind by a failed delete is named nowhere.
            attachment.file.delete(save=False)
            attachment.delete()
        message.internal_notes.all().delete()
        message.status_changes.update(note="")
        Message.objects.filter(pk=message.pk).update(**CLEARED, anonymised_at=timezone.now())


def anonymise_due(days=None, dry_run=False):
    """Anonymise every message due; the number of them."""
    messages = list(due_for_anonymising(days))
    if not dry_run:
        for message in messages:
            anonymise(message)
        logger.info("Anonymised %d closed citizens' messages", len(messages))
    return len(messages)
