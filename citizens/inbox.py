"""What officials do with a message in the admin, each step kept in its history.

``apply(message, before, user, ...)`` runs after the inbox form saved the
message: a new status is recorded with who, when and the note; a first
assignment moves a new message to "assigned"; an internal note is kept apart
from anything the citizen sees; a reply is marked answered and its e-mail queued
(in the citizen's language, once: ``emails``) after the transaction commits.
"""

from django.db import transaction
from django.utils import timezone

from . import emails
from .models import InternalNote, Message, StatusChange
from .tasks import queue_email


def record_status(message, from_status, to_status, user, note=""):
    if from_status != to_status:
        StatusChange.objects.create(
            message=message, from_status=from_status, to_status=to_status, changed_by=user, note=note
        )


@transaction.atomic
def apply(message, before, user, *, note="", internal_note="", send_reply=False):
    """``before``: the message's (status, assigned_department_id, assigned_official_id) before the edit."""
    status, department_id, official_id = before
    reassigned = (message.assigned_department_id, message.assigned_official_id) != (
        department_id,
        official_id,
    )
    if (
        reassigned
        and message.status == Message.Status.NEW
        and (message.assigned_department_id or message.assigned_official_id)
    ):
        message.status = Message.Status.ASSIGNED
    if send_reply:
        message.replied_at = timezone.now()
        if message.is_open:
            message.status = Message.Status.ANSWERED
    message.save()
    if note and status == message.status:
        # No change of status to keep it with: kept as an internal note rather than lost.
        internal_note = "\n\n".join(text for text in (note, internal_note) if text)
    record_status(message, status, message.status, user, note)
    if internal_note:
        InternalNote.objects.create(message=message, author=user, text=internal_note)
    if send_reply and message.email:
        transaction.on_commit(lambda: queue_email(emails.REPLY, message.pk))
    return message
