"""Receiving a citizen's message: the one function every surface calls (GraphQL, the site's form).

``submit(data, files, language=…)`` validates with ``MessageForm`` in the
citizen's language, then stores the message, its attachments and the first
steps of its history in one transaction, with its route (``routing``) and its
legal deadlines (``clocks``). Only once that transaction has committed is the
acknowledgement queued (``emails``): an SMTP server or a task queue
that is down loses nothing, the e-mail just goes later.
"""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.mail import in_language, supported_language

from . import clocks, emails, limits, proof, routing, tracking
from .forms import MessageForm
from .models import Attachment, Message, StatusChange
from .tasks import queue_email

logger = logging.getLogger(__name__)

TRACKING_CODE_TRIES = 5


@dataclass
class Submission:
    """The stored message, or the reasons it was refused: {field: [messages]} ("__all__" for the form)."""

    message: Message | None = None
    errors: dict = field(default_factory=dict)
    form: MessageForm | None = None

    @property
    def ok(self):
        return self.message is not None


def submit(data, files=None, *, language, request=None, keyed_client=False):
    """Validate and store a message; queue its acknowledgement once stored. Returns a ``Submission``.

    With the ``request`` it came in, the honeypot and the rate limits (``limits``) apply first,
    then the proof-of-work (``proof``: ``data["proof_of_work"]``), unless the caller vouches for
    the sender another way: an Open311 client with its key (``keyed_client``) posts for many
    people from one address, so its own rate replaces the proof and the limit per address; the
    limit per e-mail address still applies.
    """
    language = supported_language(language)
    if request is not None:
        refusal = limits.check_submission(request, data, language, per_address=not keyed_client)
        if refusal is None and not keyed_client:
            with in_language(language):
                refusal = proof.refusal(data.get("proof_of_work"))
        if refusal is not None:
            return Submission(errors={"__all__": [refusal]})
    with in_language(language):
        form = MessageForm(data, files, default_language=language)
        if not form.is_valid():
            errors = {name: [str(text) for text in texts] for name, texts in form.errors.items()}
            return Submission(errors=errors, form=form)
    message = form.save(commit=False)
    _store(message, form.checked_attachments)
    # The message is its own record of what is owed: the task only reads it (citizens/tasks.py).
    transaction.on_commit(lambda: queue_email(emails.ACKNOWLEDGEMENT, message.pk))
    logger.info("Citizen's message %s received (kind %s)", message.tracking_code, message.kind.code)
    return Submission(message=message, form=form)


@transaction.atomic
def _store(message, attachments):
    now = timezone.now()
    message.received_at = now
    message.due_at = clocks.due_at(message.kind, now, urgent=message.is_urgent)
    message.forward_due_at = clocks.forward_due_at(message.kind, now)
    route = routing.route(
        message.kind,
        subject=message.subject,
        text=message.text,
        topic=message.topic,
        department=message.department,
    )
    message.assigned_department = route.department
    message.assigned_official = route.official
    if route.department or route.official:
        message.status = Message.Status.ASSIGNED
    _save_with_unique_code(message)
    StatusChange.objects.create(message=message, to_status=Message.Status.NEW, changed_at=now)
    if message.status == Message.Status.ASSIGNED:
        StatusChange.objects.create(
            message=message,
            from_status=Message.Status.NEW,
            to_status=Message.Status.ASSIGNED,
            changed_at=now,
            note="Routed on receipt.",
        )
    for upload, checked in attachments:
        upload.seek(0)
        attachment = Attachment(
            message=message, name=checked.name, mime_type=checked.mime_type, size=upload.size
        )
        attachment.file.save(checked.name, upload, save=False)
        attachment.save()


def _save_with_unique_code(message):
    """Save with a fresh tracking code; 40 random bits rarely collide, and a collision just draws again."""
    for attempt in range(TRACKING_CODE_TRIES):
        try:
            with transaction.atomic():
                message.save()
            return
        except IntegrityError:
            taken = Message.objects.filter(tracking_code=message.tracking_code).exists()
            if attempt == TRACKING_CODE_TRIES - 1 or not taken:
                raise
            message.tracking_code = tracking.new_code()
