from .notices import MediaContact, MediaNotice, NoticeDelivery, NoticeRule
from .pages import AgendaItem, BaseEventPage, EventIndexPage, EventPage, MeetingMaterial, MeetingPage

__all__ = [
    "AgendaItem",
    "BaseEventPage",
    "EventIndexPage",
    "EventPage",
    "MediaContact",
    "MediaNotice",
    "MeetingMaterial",
    "MeetingPage",
    "NoticeDelivery",
    "NoticeRule",
]
