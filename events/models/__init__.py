from .notices import MediaNotice, NoticeDelivery, NoticeRule
from .pages import AgendaItem, BaseEventPage, EventIndexPage, EventPage, MeetingMaterial, MeetingPage

__all__ = [
    "AgendaItem",
    "BaseEventPage",
    "EventIndexPage",
    "EventPage",
    "MediaNotice",
    "MeetingMaterial",
    "MeetingPage",
    "NoticeDelivery",
    "NoticeRule",
]
