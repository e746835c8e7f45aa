"""What anyone holding a tracking code may learn: never the name, the contact or the text.

The GraphQL query ``citizenMessage`` and the site's status page both read
``public_status``; it copies the few fields that may leave into a plain object,
so a template or a resolver cannot reach the message's personal data.
"""

from dataclasses import dataclass

from . import tracking
from .models import Message


@dataclass(frozen=True)
class PublicStatus:
    tracking_code: str
    kind: object  # the Kind: its name is reference data, translated
    status: str
    status_label: str
    received_at: object
    updated_at: object
    due_at: object
    answered_at: object
    reply: str
    is_overdue: bool


def public_status(code):
    """The public status of the message with tracking code ``code`` (as typed), or None."""
    normalised = tracking.normalise(code)
    if normalised is None:
        return None
    message = Message.objects.select_related("kind").filter(tracking_code=normalised).first()
    if message is None:
        return None
    published = message.reply_is_public and bool(message.reply) and message.replied_at is not None
    return PublicStatus(
        tracking_code=message.tracking_code,
        kind=message.kind,
        status=message.status,
        status_label=str(message.get_status_display()),
        received_at=message.received_at,
        updated_at=message.updated_at,
        due_at=message.due_at,
        answered_at=message.replied_at if published else None,
        reply=message.reply if published else "",
        is_overdue=message.is_overdue,
    )
