"""Everything stored about one person, for their request to see their data: the messages sent with an e-mail address."""

from django.utils import timezone

from .models import Message

FIELDS = [
    "tracking_code",
    "subject",
    "text",
    "name",
    "email",
    "phone",
    "language",
    "location",
    "latitude",
    "longitude",
]


def _value(value):
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).isoformat() if getattr(value, "tzinfo", None) else value.isoformat()
    return str(value) if value is not None and not isinstance(value, str | bool | int) else value


def person_data(email):
    """The messages sent with ``email`` (compared without case), with their history and replies, as plain data."""
    messages = (
        Message.objects.filter(email__iexact=email.strip())
        .select_related("kind")
        .prefetch_related("status_changes", "attachments")
        .order_by("received_at")
    )
    return [
        {
            **{field: _value(getattr(message, field)) for field in FIELDS},
            "kind": message.kind.code,
            "status": message.status,
            "received_at": _value(message.received_at),
            "due_at": _value(message.due_at),
            "reply": message.reply if message.reply_sent_at else "",
            "history": [
                {"from": change.from_status, "to": change.to_status, "at": _value(change.changed_at)}
                for change in message.status_changes.all()
            ],
            "attachments": [attachment.name for attachment in message.attachments.all()],
        }
        for message in messages
    ]
