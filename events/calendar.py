"""The calendar service: occurrences of events and sessions in a range.

Pages, iCal feeds and the API all read the calendar through this module.
Filters take model instances, primary keys or slugs; ranges are half-open
[start, end) with aware datetimes.
"""

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from cms.public import Visibility
from events import recurrence
from events.models import BaseEventPage, EventPage, MeetingPage
from home.models import Body, Place, Topic

MEETING = MeetingPage.MEETING_KIND
KINDS = [*EventPage.Kind.values, MEETING]
MAX_RANGE = dt.timedelta(days=800)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an entry (a single event is its own only occurrence)."""

    page: BaseEventPage
    start: dt.datetime
    end: dt.datetime | None

    @property
    def kind(self):
        return self.page.calendar_kind

    @property
    def status(self):
        return self.page.status

    @property
    def all_day(self):
        return self.page.all_day

    @property
    def body(self):
        return self.page.calendar_body

    @property
    def is_recurring(self):
        return self.page.is_recurring

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def local_date(self):
        return self.local_start.date()


@dataclass
class Day:
    date: dt.date
    in_month: bool
    occurrences: list = field(default_factory=list)


@dataclass
class MonthView:
    year: int
    month: int
    weeks: list  # of lists of seven Days, Monday first

    @property
    def first_day(self):
        return dt.date(self.year, self.month, 1)

    @property
    def previous(self):
        first = self.first_day - dt.timedelta(days=1)
        return first.year, first.month

    @property
    def next(self):
        last = dt.date(self.year, self.month, stdlib_calendar.monthrange(self.year, self.month)[1])
        following = last + dt.timedelta(days=1)
        return following.year, following.month


def _ids(values, model):
    """Primary keys for a mix of instances, ids and slugs."""
    if values is None:
        return None
    if isinstance(values, str | int | model):
        values = [values]
    ids, slugs = set(), set()
    for value in values:
        if isinstance(value, model):
            ids.add(value.pk)
        elif isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            ids.add(int(value))
        else:
            slugs.add(value)
    if slugs:
        ids |= set(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    return ids


def _locale(value):
    if value is None or isinstance(value, Locale):
        return value
    return Locale.objects.get(language_code=value)


def entries(
    start,
    end,
    *,
    locale=None,
    kinds=None,
    bodies=None,
    topics=None,
    places=None,
    statuses=None,
    live=True,
    visibility=None,
):
    """The pages with at least one possible occurrence in [start, end).

    With ``live`` (the default) only public pages (``cms.public``): ``visibility`` passes the
    request's, read once per request, else one is made here.
    """
    if isinstance(kinds, str):
        kinds = [kinds]
    if isinstance(statuses, str):
        statuses = [statuses]
    body_ids, topic_ids, place_ids = _ids(bodies, Body), _ids(topics, Topic), _ids(places, Place)
    locale = _locale(locale)
    # A coarse database filter (a day of slack covers all-day entries); the
    # exact overlap is decided when each entry is expanded.
    slack = start - dt.timedelta(days=1)
    timing = Q(start__lt=end) & (~Q(recurrence_rule="") | Q(end__gt=slack) | Q(start__gte=slack))
    pages = []
    public = None
    for model in (EventPage, MeetingPage):
        if kinds is not None:
            model_kinds = [kind for kind in kinds if kind != MEETING]
            if model is MeetingPage and MEETING not in kinds:
                continue
            if model is EventPage and not model_kinds:
                continue
        queryset = model.objects.filter(timing)
        if live:
            if public is None:
                # What an anonymous visitor may see (cms.public), read once for both page types.
                public = (visibility or Visibility()).page_q()
            queryset = queryset.filter(public)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        if model is EventPage and kinds is not None:
            queryset = queryset.filter(kind__in=model_kinds)
        if body_ids is not None:
            queryset = queryset.filter(organiser__in=body_ids)
        if topic_ids is not None:
            queryset = queryset.filter(topics__in=topic_ids).distinct()
        if place_ids is not None:
            queryset = queryset.filter(place__in=place_ids)
        if statuses is not None:
            queryset = queryset.filter(status__in=statuses)
        queryset = queryset.select_related("place", "organiser", "locale").prefetch_related("topics")
        pages.extend(queryset)
    return pages


def occurrences(start, end, **filters):
    """Occurrences in [start, end), sorted by start; see ``entries`` for the filters.

    Raises ValueError for a reversed or too long range (series are expanded only
    inside the range asked for, so the range itself is bounded).
    """
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValueError("The calendar range needs aware datetimes.")
    if end <= start:
        raise ValueError("The calendar range must end after it starts.")
    if end - start > MAX_RANGE:
        raise ValueError(f"The calendar range is limited to {MAX_RANGE.days} days.")
    found = [
        Occurrence(page=page, start=occurrence_start, end=occurrence_end)
        for page in entries(start, end, **filters)
        for occurrence_start, occurrence_end in page.occurrences(start, end)
    ]
    return sorted(found, key=lambda occurrence: (occurrence.start, occurrence.page.pk))


def upcoming(*, limit=10, now=None, days=365, **filters):
    """The next ``limit`` occurrences from ``now`` (within ``days``)."""
    now = now or timezone.now()
    return occurrences(now, now + dt.timedelta(days=days), **filters)[:limit]


def local_day_bounds(first_day, last_day):
    """[start, end) UTC bounds of local days first_day..last_day inclusive."""
    start = recurrence.from_local_naive(dt.datetime.combine(first_day, dt.time()))
    end = recurrence.from_local_naive(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()))
    return start, end


def month_view(year, month, **filters):
    """Weeks (Monday first) of the month, each day with the occurrences it holds."""
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueError("No such month.")
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    start, end = local_day_bounds(weeks[0][0], weeks[-1][-1])
    days = {day: Day(date=day, in_month=day.month == month) for week in weeks for day in week}
    for occurrence in occurrences(start, end, **filters):
        last = (occurrence.local_end - dt.timedelta(microseconds=1)).date() if occurrence.end else None
        day = occurrence.local_date
        while True:
            if day in days:
                days[day].occurrences.append(occurrence)
            day += dt.timedelta(days=1)
            if last is None or day > last:
                break
    return MonthView(year=year, month=month, weeks=[[days[day] for day in week] for week in weeks])
