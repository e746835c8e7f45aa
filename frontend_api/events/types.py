"""The calendar's page types (events, sessions of bodies, the calendar index) and occurrences.

Times are given twice: in UTC (``start``, ``end``: DateTime) and as local
Europe/Belgrade wall-clock strings (``localStart``, ``localEnd``), with the zone
in ``timezone``, so that a frontend needs no time-zone library to print them.

Everything a list of entries reads (agenda items, materials, minutes, their
documents, decision pages) is batch-loaded for the whole list: a page that came
in a list carries it as ``_api_batch`` (see ``core/pages.py``).
"""

import datetime as dt

import graphene
from django.conf import settings
from django.utils import translation

from events import calendar
from events.models import AgendaItem as AgendaItemModel
from events.models import BaseEventPage, EventIndexPage, EventPage, MeetingMaterial, MeetingPage
from events.recurrence import to_local_naive

from ..core.errors import ApiError
from ..core.locale import choices_enum
from ..core.pages import Page, public_pages, specific_pages
from ..core.registry import register_page_type
from ..core.richtext import render_rich_text
from ..core.site import site_context
from ..documents.resolvers import public_documents
from ..documents.types import Document
from ..home.types import BasePageFields
from ..reference.types import Body, Place, Topic, with_language

EventStatus = choices_enum("EventStatus", BaseEventPage.Status, "Status of an event or session.")


def _english_kind_labels():
    with translation.override("en"):
        return {value: str(label) for value, label in EventPage.Kind.choices} | {
            calendar.MEETING: "Session of a municipal body"
        }


_KIND_LABELS = _english_kind_labels()
CalendarKind = graphene.Enum(
    "CalendarKind",
    [(value.upper(), value) for value in calendar.KINDS],
    description=lambda member: (
        _KIND_LABELS[member.value]
        if member
        else "What kind of calendar entry: an event's kind, or MEETING for every session of a body."
    ),
)


def utc(value):
    return value.astimezone(dt.UTC) if value is not None else None


def local_string(value, all_day=False):
    """ISO 8601 wall-clock time in Europe/Belgrade (a date for all-day entries), or None."""
    if value is None:
        return None
    local = to_local_naive(value)
    return local.date().isoformat() if all_day else local.isoformat(timespec="minutes")


def _language(page, info):
    return site_context(info).language_of(page)


# --- Batch loaders ---------------------------------------------------------------


def _batch(page, model):
    batch = getattr(page, "_api_batch", None) or [page]
    return [item for item in batch if isinstance(item, model)]


def _load_meeting_extras(info, page):
    """Agenda items, materials, minutes, their public documents and decision pages, for the whole batch."""
    if hasattr(page, "_api_agenda"):
        return
    meetings = _batch(page, MeetingPage)
    if page not in meetings:
        meetings.append(page)
    ids = [meeting.pk for meeting in meetings]
    items = list(AgendaItemModel.objects.filter(page_id__in=ids).order_by("page_id", "sort_order", "pk"))
    materials = list(MeetingMaterial.objects.filter(page_id__in=ids).order_by("page_id", "sort_order", "pk"))
    document_ids = {material.document_id for material in materials}
    document_ids |= {meeting.minutes_id for meeting in meetings if meeting.minutes_id}
    for item in items:
        item._api_document_ids = [
            block.get("value") for block in item.documents.raw_data if block.get("type") == "document"
        ]
        document_ids |= {pk for pk in item._api_document_ids if isinstance(pk, int)}
    documents = {document.pk: document for document in public_documents(info).filter(pk__in=document_ids)}
    decision_ids = {item.decision_id for item in items if item.decision_id}
    decisions = (
        {page.pk: page for page in specific_pages(public_pages(info).filter(pk__in=decision_ids))}
        if decision_ids
        else {}
    )
    for meeting in meetings:
        language = _language(meeting, info)
        meeting._api_agenda = []
        meeting._api_materials = with_language(
            [
                documents[material.document_id]
                for material in materials
                if material.page_id == meeting.pk and material.document_id in documents
            ],
            language,
        )
        minutes = documents.get(meeting.minutes_id)
        meeting._api_minutes = with_language([minutes], language)[0] if minutes else None
    by_pk = {meeting.pk: meeting for meeting in meetings}
    for item in items:
        meeting = by_pk[item.page_id]
        language = _language(meeting, info)
        item._api_documents = with_language(
            [documents[pk] for pk in item._api_document_ids if pk in documents], language
        )
        item._api_decision = decisions.get(item.decision_id)
        meeting._api_agenda.append(item)


# --- Types -----------------------------------------------------------------------------


class AgendaItem(graphene.ObjectType):
    """An item on a session's agenda."""

    number = graphene.String(required=True, description="Item number as printed, e.g. 1 or 2a.")
    title = graphene.String(required=True, description="Title in the page's language.")
    rapporteur = graphene.String(required=True, description="Who presents the item.")
    documents = graphene.List(
        graphene.NonNull(Document), required=True, description="Documents of the item (public ones only)."
    )
    decision = graphene.Field(Page, description="The decision page that resulted, once published.")

    @staticmethod
    def resolve_documents(item, info):
        return item._api_documents

    @staticmethod
    def resolve_decision(item, info):
        return item._api_decision


class EventFields:
    """What every calendar entry has (events and sessions)."""

    kind = graphene.Field(graphene.NonNull(CalendarKind), description="Kind of entry; MEETING for sessions.")
    start = graphene.DateTime(required=True, description="Start (UTC).")
    end = graphene.DateTime(description="End (UTC); for all-day entries, midnight after the last day.")
    local_start = graphene.String(
        required=True,
        description="Start as local wall-clock time in `timezone` (ISO 8601, a date for all-day entries).",
    )
    local_end = graphene.String(description="End as local wall-clock time in `timezone` (ISO 8601).")
    timezone = graphene.String(required=True, description="Time zone of the local times: Europe/Belgrade.")
    all_day = graphene.Boolean(required=True, description="Whether the entry takes whole days.")
    status = graphene.Field(
        graphene.NonNull(EventStatus), description="Scheduled, postponed, cancelled or held."
    )
    original_start = graphene.DateTime(description="For a postponed entry: the start first announced (UTC).")
    recurrence_rule = graphene.String(
        description="RFC 5545 RRULE of a series (e.g. FREQ=YEARLY); null for a single entry."
    )
    exception_dates = graphene.List(
        graphene.NonNull(graphene.Date), required=True, description="Local dates a series skips."
    )
    is_recurring = graphene.Boolean(required=True, description="Whether the entry repeats.")
    next_start = graphene.DateTime(description="Start of the next occurrence from now (UTC), within a year.")
    place = graphene.Field(Place, description="Venue, in the page's language.")
    online_url = graphene.String(description="Link to follow online.")
    organiser = graphene.Field(Body, description="Organising body (for sessions: the body meeting).")
    topics = graphene.List(
        graphene.NonNull(Topic), required=True, description="Topics, in the page's language."
    )
    is_public = graphene.Boolean(required=True, description="False for a closed session or private event.")

    @staticmethod
    def resolve_kind(page, info):
        return page.calendar_kind

    @staticmethod
    def resolve_start(page, info):
        return utc(page.start)

    @staticmethod
    def resolve_end(page, info):
        return utc(page.effective_end)

    @staticmethod
    def resolve_local_start(page, info):
        return local_string(page.start, page.all_day)

    @staticmethod
    def resolve_local_end(page, info):
        if page.all_day:
            return local_string(page.end or page.start, True)
        return local_string(page.end)

    @staticmethod
    def resolve_timezone(page, info):
        return settings.TIME_ZONE

    @staticmethod
    def resolve_original_start(page, info):
        return utc(page.original_start)

    @staticmethod
    def resolve_recurrence_rule(page, info):
        return page.recurrence_rule or None

    @staticmethod
    def resolve_exception_dates(page, info):
        return page.exception_date_list

    @staticmethod
    def resolve_next_start(page, info):
        occurrence = page.next_occurrence()
        return utc(occurrence[0]) if occurrence else None

    @staticmethod
    def resolve_place(page, info):
        return with_language([page.place], _language(page, info))[0] if page.place_id else None

    @staticmethod
    def resolve_online_url(page, info):
        return page.online_url or None

    @staticmethod
    def resolve_organiser(page, info):
        return with_language([page.organiser], _language(page, info))[0] if page.organiser_id else None

    @staticmethod
    def resolve_topics(page, info):
        return with_language(list(page.topics.all()), _language(page, info))


@register_page_type(EventPage)
class EventPageType(BasePageFields, EventFields, graphene.ObjectType):
    """An event of the calendar: cultural, festival, anniversary, public meeting, conference..."""

    outside_municipality = graphene.Boolean(
        required=True, description="For the Mayor's meetings: held outside the municipality."
    )

    class Meta:
        name = "EventPage"
        interfaces = (Page,)


@register_page_type(MeetingPage)
class MeetingPageType(BasePageFields, EventFields, graphene.ObjectType):
    """A session of a municipal body (Assembly, committee, Board of Directors)."""

    session_number = graphene.Int(description="Number of the session.")
    agenda_items = graphene.List(
        graphene.NonNull(AgendaItem), required=True, description="The agenda, in order."
    )
    materials = graphene.List(
        graphene.NonNull(Document), required=True, description="Materials of the session (public documents)."
    )
    materials_distributed_at = graphene.DateTime(description="When the materials went to the members (UTC).")
    minutes = graphene.Field(Document, description="Minutes of the session, once public.")
    livestream_url = graphene.String(description="Link to the live stream.")
    recording_url = graphene.String(description="Link to the recording.")

    class Meta:
        name = "MeetingPage"
        interfaces = (Page,)

    @staticmethod
    def resolve_agenda_items(page, info):
        _load_meeting_extras(info, page)
        return page._api_agenda

    @staticmethod
    def resolve_materials(page, info):
        _load_meeting_extras(info, page)
        return page._api_materials

    @staticmethod
    def resolve_minutes(page, info):
        _load_meeting_extras(info, page)
        return page._api_minutes

    @staticmethod
    def resolve_materials_distributed_at(page, info):
        return utc(page.materials_distributed_at)

    @staticmethod
    def resolve_livestream_url(page, info):
        return page.livestream_url or None

    @staticmethod
    def resolve_recording_url(page, info):
        return page.recording_url or None


@register_page_type(EventIndexPage)
class EventIndexPageType(BasePageFields, graphene.ObjectType):
    """The events calendar of a language; its entries come from `eventOccurrences` and `calendarMonth`."""

    intro = graphene.String(required=True, description="Introduction as HTML.")

    class Meta:
        name = "EventIndexPage"
        interfaces = (Page,)

    @staticmethod
    def resolve_intro(page, info):
        return render_rich_text(info, page.intro, _language(page, info))


class Occurrence(graphene.ObjectType):
    """One occurrence of a calendar entry (a single event is its own only occurrence)."""

    start = graphene.DateTime(required=True, description="Start of this occurrence (UTC).")
    end = graphene.DateTime(description="End of this occurrence (UTC).")
    local_start = graphene.String(
        required=True, description="Start as local wall-clock time, Europe/Belgrade (a date when all day)."
    )
    local_end = graphene.String(description="End as local wall-clock time, Europe/Belgrade.")
    all_day = graphene.Boolean(required=True, description="Whether it takes whole days.")
    kind = graphene.Field(graphene.NonNull(CalendarKind), description="Kind of entry.")
    status = graphene.Field(graphene.NonNull(EventStatus), description="Status of the entry.")
    is_recurring = graphene.Boolean(required=True, description="Whether it is one of a series.")
    page = graphene.Field(
        graphene.NonNull(Page), description="The entry's page (an EventPage or a MeetingPage)."
    )

    @staticmethod
    def resolve_start(occurrence, info):
        return utc(occurrence.start)

    @staticmethod
    def resolve_end(occurrence, info):
        return utc(occurrence.end)

    @staticmethod
    def resolve_local_start(occurrence, info):
        return local_string(occurrence.start, occurrence.all_day)

    @staticmethod
    def resolve_local_end(occurrence, info):
        if occurrence.end is None:
            return None
        if occurrence.all_day:
            # The stored end is midnight after the last day: the last day is the one before.
            return local_string(occurrence.end - dt.timedelta(microseconds=1), True)
        return local_string(occurrence.end)


# A day of the grid lists at most this many occurrences; `occurrenceCount` says how many there are.
DAY_OCCURRENCES = 10
MAX_DAY_OCCURRENCES = 100


class CalendarDay(graphene.ObjectType):
    """A day of a month grid."""

    date = graphene.Date(required=True, description="The local date.")
    in_month = graphene.Boolean(required=True, description="False for days of the neighbouring months.")
    occurrences = graphene.List(
        graphene.NonNull(Occurrence),
        required=True,
        description=(
            "What happens that day, by start: the first `first` of them "
            "(`occurrenceCount` tells whether there are more; `eventOccurrences` lists a whole day)."
        ),
        first=graphene.Int(
            default_value=DAY_OCCURRENCES,
            description=f"Number of occurrences, 1 to {MAX_DAY_OCCURRENCES}.",
        ),
    )
    occurrence_count = graphene.Int(required=True, description="How many occurrences the day has in all.")

    @staticmethod
    def resolve_occurrences(day, info, first=DAY_OCCURRENCES):
        if first is None:  # an explicit `first: null` means the default
            first = DAY_OCCURRENCES
        if not 1 <= first <= MAX_DAY_OCCURRENCES:
            raise ApiError(f"`first` must be between 1 and {MAX_DAY_OCCURRENCES}, got {first}.")
        return day.occurrences[:first]

    @staticmethod
    def resolve_occurrence_count(day, info):
        return len(day.occurrences)


class CalendarWeek(graphene.ObjectType):
    """A week of a month grid, Monday first."""

    days = graphene.List(
        graphene.NonNull(CalendarDay), required=True, description="Seven days, Monday first."
    )


class YearMonth(graphene.ObjectType):
    """A month of a year."""

    year = graphene.Int(required=True, description="Year.")
    month = graphene.Int(required=True, description="Month, 1 to 12.")


class CalendarMonth(graphene.ObjectType):
    """A month view: whole weeks (Monday first) covering the month."""

    year = graphene.Int(required=True, description="Year.")
    month = graphene.Int(required=True, description="Month, 1 to 12.")
    previous = graphene.Field(graphene.NonNull(YearMonth), description="The month before.")
    next = graphene.Field(graphene.NonNull(YearMonth), description="The month after.")
    weeks = graphene.List(graphene.NonNull(CalendarWeek), required=True, description="The grid's weeks.")

    @staticmethod
    def resolve_previous(view, info):
        year, month = view.previous
        return YearMonth(year=year, month=month)

    @staticmethod
    def resolve_next(view, info):
        year, month = view.next
        return YearMonth(year=year, month=month)

    @staticmethod
    def resolve_weeks(view, info):
        return [CalendarWeek(days=week) for week in view.weeks]
