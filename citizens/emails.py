"""E-mails to citizens, each sent exactly once: the acknowledgement and the reply.

Like the media notices (events/notices.py), a message is claimed with a
conditional UPDATE before its e-mail goes to the SMTP server
(``<kind>_attempted_at``) and recorded sent just after (``<kind>_sent_at``):
two workers never both send it, and a worker that stops in between leaves an
attempt of unknown outcome that is not repeated. A refusal or an unreachable
server clears the attempt and records the error, so ``send_pending`` (the
``send_acknowledgements`` command, run every few minutes) sends it later.
Both are written in the citizen's language through ``cms.mail``.
"""

import logging
import smtplib

from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.mail import compose, in_language, public_url, recipient_language

from .models import Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
ACKNOWLEDGEMENT = "acknowledgement"
REPLY = "reply"
KINDS = (ACKNOWLEDGEMENT, REPLY)


def pending(kind):
    """Messages whose ``kind`` e-mail is owed and not being sent by anyone."""
    owed = Message.objects.exclude(email="").filter(
        **{
            f"{kind}_sent_at__isnull": True,
            f"{kind}_attempted_at__isnull": True,
            f"{kind}_attempts__lt": MAX_ATTEMPTS,
        }
    )
    if kind == REPLY:
        owed = owed.filter(replied_at__isnull=False).exclude(Q(reply="") | Q(reply__isnull=True))
    return owed


def send(kind, message_pk):
    """Send one message's ``kind`` e-mail unless it was sent or is being sent; True when sent now."""
    claimed = (
        pending(kind)
        .filter(pk=message_pk)
        .update(**{f"{kind}_attempted_at": timezone.now(), f"{kind}_attempts": F(f"{kind}_attempts") + 1})
    )
    if not claimed:
        return False
    message = Message.objects.select_related("kind").get(pk=message_pk)
    claim = Message.objects.filter(pk=message_pk, **{f"{kind}_sent_at__isnull": True})
    try:
        build_email(kind, message).send()
    except (smtplib.SMTPException, OSError) as error:
        # Not delivered: tried again later. The log names the message, never the address.
        claim.update(**{f"{kind}_attempted_at": None, f"{kind}_error": f"{type(error).__name__}: {error}"})
        logger.warning(
            "Citizen's message %s: %s not sent (%s)", message.tracking_code, kind, type(error).__name__
        )
        return False
    claim.update(**{f"{kind}_sent_at": timezone.now(), f"{kind}_error": ""})
    return True


def send_pending():
    """Send every e-mail still owed (after an SMTP outage); the number sent."""
    return sum(send(kind, pk) for kind in KINDS for pk in list(pending(kind).values_list("pk", flat=True)))


def status_url(message):
    """The status page of the message, in the citizen's language (/sr-latn/… for Latin script)."""
    return public_url(f"{reverse('citizens:status')}?code={message.tracking_code}")


def build_email(kind, message):
    language = recipient_language(message)
    with in_language(language):
        context = {
            "message": message,
            "kind": message.kind.name,
            "received_at": timezone.localtime(message.received_at),
            "due_at": timezone.localtime(message.due_at) if message.due_at else None,
            "status_url": status_url(message),
        }
        subject = render_to_string(f"citizens/email/{kind}_subject.txt", context)
        body = render_to_string(f"citizens/email/{kind}_body.txt", context)
    return compose(subject, body, [message.email], language)
