"""Calendar queries: occurrences in a range, upcoming, a month grid, and the events listing.

Occurrences come from ``events.calendar`` (which expands series only inside the
range asked for); this module adds the API's rules: the request's site, public
pages only, the requested language, a bounded range.
"""

import datetime as dt

import graphene
from django.utils import timezone

from events import calendar
from events.models import EventPage, MeetingPage
from events.recurrence import local_zone

from ..core.connections import connection_field, connection_for, resolve_connection
from ..core.errors import ApiError
from ..core.loads import image, load_selected, prefetched, related
from ..core.locale import language_code, locale_argument
from ..core.pages import Page, localized, prepare_pages, public_pages
from ..core.site import site_context
from .filters import CalendarFilter, EventFilter, EventOrder, apply_event_filter, calendar_filters
from .types import CalendarMonth, Occurrence

MAX_RANGE_DAYS = 400
MAX_UPCOMING = 100
UPCOMING_DAYS = 365

EventConnection = connection_for(
    Page, "EventConnection", "A page of events and sessions (EventPage, MeetingPage)."
)


def _aware(value, name):
    if value is None:
        raise ApiError(f"`{name}` is required.")
    if timezone.is_naive(value):
        # A time without an offset is the office's local time.
        value = value.replace(tzinfo=local_zone())
    return value


def _public_occurrences(info, found, language):
    """Occurrences of public pages of the request's site, their pages batch-loaded together."""
    context = site_context(info)
    kept = [occurrence for occurrence in found if context.is_public(occurrence.page)]
    pages = list({occurrence.page.pk: occurrence.page for occurrence in kept}.values())
    prepare_pages(info, pages, language)
    return kept


def _calendar_locale(info, locale):
    language = language_code(locale)
    return language, site_context(info).locales.get(language)


class EventQueries(graphene.ObjectType):
    event_occurrences = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(Occurrence))),
        description=(
            f"Occurrences of events and sessions in [from, to), by start; series are expanded. "
            f"The range may span at most {MAX_RANGE_DAYS} days."
        ),
        locale=locale_argument(),
        from_=graphene.Argument(
            graphene.NonNull(graphene.DateTime),
            name="from",
            description="Start of the range (inclusive); without an offset, Europe/Belgrade time.",
        ),
        to=graphene.Argument(
            graphene.NonNull(graphene.DateTime),
            description="End of the range (exclusive); without an offset, Europe/Belgrade time.",
        ),
        where=graphene.Argument(CalendarFilter, description="Conditions the entries must meet."),
    )
    upcoming_events = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(Occurrence))),
        description=f"The next occurrences from now, within {UPCOMING_DAYS} days, by start.",
        locale=locale_argument(),
        first=graphene.Int(default_value=10, description=f"Number of occurrences, 1 to {MAX_UPCOMING}."),
        where=graphene.Argument(CalendarFilter, description="Conditions the entries must meet."),
    )
    calendar_month = graphene.Field(
        graphene.NonNull(CalendarMonth),
        description="A month grid (whole weeks, Monday first) with each day's occurrences.",
        locale=locale_argument(),
        year=graphene.Int(required=True, description="Year, 1900 to 2200."),
        month=graphene.Int(required=True, description="Month, 1 to 12."),
        where=graphene.Argument(CalendarFilter, description="Conditions the entries must meet."),
    )
    events = connection_field(
        EventConnection,
        "Published events and sessions (one item per entry; a series once), earliest start first by default.",
        locale=locale_argument(),
        where=graphene.Argument(EventFilter, description="Conditions the entries must meet."),
        order=graphene.Argument(EventOrder, default_value="start", description="Sort order."),
        fallback=graphene.Boolean(
            default_value=False,
            description="Include entries not yet translated into `locale`, in the source language.",
        ),
    )

    @staticmethod
    def resolve_event_occurrences(root, info, to, from_=None, locale=None, where=None):
        start, end = _aware(from_, "from"), _aware(to, "to")
        if end <= start:
            raise ApiError("`to` must be after `from`.")
        if end - start > dt.timedelta(days=MAX_RANGE_DAYS):
            raise ApiError(f"The range from `from` to `to` may span at most {MAX_RANGE_DAYS} days.")
        language, wagtail_locale = _calendar_locale(info, locale)
        if wagtail_locale is None:
            return []
        found = calendar.occurrences(start, end, locale=wagtail_locale, **calendar_filters(where))
        return _public_occurrences(info, found, language)

    @staticmethod
    def resolve_upcoming_events(root, info, first=10, locale=None, where=None):
        if first is None:  # an explicit `first: null` means the default
            first = 10
        if first < 1 or first > MAX_UPCOMING:
            raise ApiError(f"`first` must be between 1 and {MAX_UPCOMING}, got {first}.")
        language, wagtail_locale = _calendar_locale(info, locale)
        if wagtail_locale is None:
            return []
        found = calendar.upcoming(
            limit=None, days=UPCOMING_DAYS, locale=wagtail_locale, **calendar_filters(where)
        )
        return _public_occurrences(info, found, language)[:first]

    @staticmethod
    def resolve_calendar_month(root, info, year, month, locale=None, where=None):
        language, wagtail_locale = _calendar_locale(info, locale)
        if wagtail_locale is None:
            raise ApiError("No content in that language.")
        try:
            view = calendar.month_view(year, month, locale=wagtail_locale, **calendar_filters(where))
        except ValueError as error:
            raise ApiError(f"{error} Give a year from 1900 to 2200 and a month from 1 to 12.") from None
        context = site_context(info)
        pages = {}
        for week in view.weeks:
            for day in week:
                day.occurrences = [o for o in day.occurrences if context.is_public(o.page)]
                pages.update({o.page.pk: o.page for o in day.occurrences})
        prepare_pages(info, list(pages.values()), language)
        return view

    @staticmethod
    def resolve_events(
        root, info, locale=None, where=None, order="start", fallback=False, first=None, after=None
    ):
        order = getattr(order, "value", order) or "start"  # `order: null` means the default
        language = language_code(locale)
        field = order.lstrip("-")
        keys = []
        for model in (EventPage, MeetingPage):
            queryset = localized(info, public_pages(info, model.objects.all()), language, fallback)
            queryset = apply_event_filter(queryset, model, where)
            if queryset is not None:
                keys += [(value, pk, model) for pk, value in queryset.values_list("pk", field)]
        keys.sort(key=lambda key: (key[0], key[1]), reverse=order.startswith("-"))
        return resolve_connection(
            EventConnection,
            _Entries(keys, lambda queryset: load_selected(queryset, info, EVENT_LOADS)),
            first,
            after,
            prepare=lambda items: prepare_pages(info, items, language),
        )


# What the nodes of an events listing read, loaded for the whole page of results.
EVENT_LOADS = {
    "listingImage": image("listing_image"),
    "place": related("place"),
    "organiser": related("organiser"),
    "topics": prefetched("topics"),
}


class _Entries:
    """Sorted (value, pk, model) keys of a listing; a slice loads its pages, a few queries per model."""

    def __init__(self, keys, load):
        self.keys = keys
        self.load = load

    def count(self):
        return len(self.keys)

    def __getitem__(self, window):
        keys = self.keys[window]
        loaded = {}
        for model in {model for _value, _pk, model in keys}:
            pks = [pk for _value, pk, key_model in keys if key_model is model]
            pages = self.load(model.objects.filter(pk__in=pks))
            loaded.update({page.pk: page for page in pages})
        return [loaded[pk] for _value, pk, _model in keys if pk in loaded]
