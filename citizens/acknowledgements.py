"""The acknowledgement e-mail: the citizen's tracking code and deadline, in their language, sent once.

Like the media notices (events/notices.py), the message is claimed with a
conditional UPDATE before the e-mail goes to the SMTP server
(``acknowledgement_attempted_at``) and recorded sent just after: two workers
never both send it, and a worker that stops in between leaves an attempt of
unknown outcome that is not repeated. A refusal or an unreachable server clears
the attempt and records the error, so ``send_pending_acknowledgements`` (the
``send_acknowledgements`` command, run every few minutes) sends it later.
"""

import logging
import smtplib

from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.mail import compose, in_language, public_url, recipient_language

from .models import Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10


def pending():
    """Messages whose acknowledgement is owed and not being sent by anyone."""
    return Message.objects.exclude(email="").filter(
        acknowledgement_sent_at__isnull=True,
        acknowledgement_attempted_at__isnull=True,
        acknowledgement_attempts__lt=MAX_ATTEMPTS,
    )


def send_acknowledgement(message_pk):
    """Send one message's acknowledgement unless it was sent or is being sent; True when sent now."""
    claimed = (
        pending()
        .filter(pk=message_pk)
        .update(
            acknowledgement_attempted_at=timezone.now(),
            acknowledgement_attempts=F("acknowledgement_attempts") + 1,
        )
    )
    if not claimed:
        return False
    message = Message.objects.select_related("kind").get(pk=message_pk)
    claim = Message.objects.filter(pk=message_pk, acknowledgement_sent_at__isnull=True)
    try:
        build_email(message).send()
    except (smtplib.SMTPException, OSError) as error:
        # Not delivered: the next run of `send_acknowledgements` tries again. No address in the log.
        claim.update(
            acknowledgement_attempted_at=None, acknowledgement_error=f"{type(error).__name__}: {error}"
        )
        logger.warning(
            "Acknowledgement of citizen's message %s not sent: %s",
            message.tracking_code,
            type(error).__name__,
        )
        return False
    claim.update(acknowledgement_sent_at=timezone.now(), acknowledgement_error="")
    return True


def send_pending_acknowledgements():
    """Send every acknowledgement still owed (after an SMTP outage); the number sent."""
    return sum(send_acknowledgement(pk) for pk in list(pending().values_list("pk", flat=True)))


def status_url(message):
    """The status page of the message, in the citizen's language (/sr-latn/… for Latin script)."""
    return public_url(f"{reverse('citizens:status')}?code={message.tracking_code}")


def build_email(message):
    language = recipient_language(message)
    with in_language(language):
        context = {
            "message": message,
            "kind": message.kind.name,
            "received_at": timezone.localtime(message.received_at),
            "due_at": timezone.localtime(message.due_at) if message.due_at else None,
            "status_url": status_url(message),
        }
        subject = render_to_string("citizens/email/acknowledgement_subject.txt", context)
        body = render_to_string("citizens/email/acknowledgement_body.txt", context)
    return compose(subject, body, [message.email], language)
