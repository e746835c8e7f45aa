"""RFC 5545 feeds of the calendar (one VEVENT per entry; series keep their RRULE/EXDATE)."""

import datetime as dt
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from events import calendar, recurrence
from events.models import BaseEventPage

STATUS = {
    BaseEventPage.Status.SCHEDULED: "CONFIRMED",
    BaseEventPage.Status.POSTPONED: "CONFIRMED",
    BaseEventPage.Status.HELD: "CONFIRMED",
    BaseEventPage.Status.CANCELLED: "CANCELLED",
}
# Past entries stay in a feed for a year; series are always included.
HISTORY = dt.timedelta(days=365)
HORIZON = dt.timedelta(days=730)


def feed_entries(now=None, **filters):
    now = now or timezone.now()
    return calendar.entries(now - HISTORY, now + HORIZON, **filters)


def _same(text):
    return text


def build_calendar(pages, *, name, language, text=_same):
    """The feed; ``text`` converts every text property (``to_latin`` for Serbian in Latin script)."""
    cal = Calendar()
    cal.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//{language}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text(str(name)))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(build_timezone())
    for page in sorted(pages, key=lambda page: (page.start, page.pk)):
        cal.add_component(build_event(page, text=text))
    return cal


def build_timezone():
    """Europe/Belgrade as yearly rules (the EU rule, in force there since 1996).

    The rule form is what desktop clients expect; icalendar's generated
    VTIMEZONE lists every transition as an RDATE, which some parsers ignore.
    """
    tz = Timezone()
    tz.add("tzid", settings.TIME_ZONE)
    tz.add("x-lic-location", settings.TIME_ZONE)
    for kind, name, month, offset_from, offset_to in (
        (TimezoneDaylight, "CEST", 3, dt.timedelta(hours=1), dt.timedelta(hours=2)),
        (TimezoneStandard, "CET", 10, dt.timedelta(hours=2), dt.timedelta(hours=1)),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("dtstart", dt.datetime(1996, 3, 31, 2) if month == 3 else dt.datetime(1996, 10, 27, 3))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def _local(value):
    return value.astimezone(recurrence.local_zone())


def plain_text(html):
    return unescape(strip_tags(html or "")).strip()


# The body's blocks that hold running text, and where (raw data: no queries for chooser blocks).
TEXT_BLOCKS = {
    "paragraph": lambda value: value,
    "heading": lambda value: value.get("text"),
    "quote": lambda value: value.get("text"),
}


def description_of(page):
    """The summary, then the body's running text, as plain text (a repeated text once)."""
    parts = [page.summary]
    for block in page.body.raw_data:
        text_of = TEXT_BLOCKS.get(block["type"])
        if text_of is not None:
            parts.append(text_of(block["value"]))
    parts = [plain_text(part) for part in parts]
    return "\n\n".join(part for part in dict.fromkeys(parts) if part)


def status_note(page):
    """ "Postponed (originally 1 dhjetor 2026, 10:00)": the date in the feed's language, as on the page."""
    if page.status != page.Status.POSTPONED or not page.original_start:
        return ""
    original = _local(page.original_start)
    when = (
        date_format(original.date(), "DATE_FORMAT")
        if page.all_day
        else date_format(original, "DATETIME_FORMAT")
    )
    return f"{page.get_status_display()} ({_('originally')} {when})"


def build_event(page, text=_same):
    event = Event()
    # The translation key is shared by an entry's translations: one event, whichever feed it came from.
    event.add("uid", f"{page.translation_key}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}")
    event.add("summary", text(page.title))
    event.add("dtstamp", timezone.now())
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    if page.all_day:
        event.add("dtstart", _local(page.start).date())
        event.add("dtend", _local(page.effective_end).date())
    else:
        event.add("dtstart", _local(page.start))
        if page.end:
            event.add("dtend", _local(page.end))
    if page.recurrence_rule:
        event.add("rrule", vRecur.from_ical(page.recurrence_rule))
        local_time = _local(page.start).time().replace(tzinfo=None)
        exdates = [
            day if page.all_day else _local(recurrence.from_local_naive(dt.datetime.combine(day, local_time)))
            for day in page.exception_date_list
        ]
        if exdates:
            event.add("exdate", exdates)
    event.add("status", STATUS[page.status])
    description = "\n\n".join(filter(None, [status_note(page), description_of(page)]))
    if description:
        event.add("description", text(description))
    location = ", ".join(filter(None, [page.place.name, page.place.address])) if page.place else ""
    if page.online_url:
        location = f"{location} ({page.online_url})" if location else page.online_url
    if location:
        event.add("location", text(location))
    url = page.full_url
    if url:
        event.add("url", url)
    event.add("categories", [page.calendar_kind])
    if page.calendar_body:
        event.add(
            "organizer",
            f"mailto:{settings.DEFAULT_FROM_EMAIL}",
            parameters={"CN": text(str(page.calendar_body))},
        )
    return event
