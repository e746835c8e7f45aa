"""Conditions on calendar entries, for occurrences, month views and the events listing."""

import graphene

from events.models import MeetingPage

from ..core.errors import ApiError
from .types import CalendarKind, EventStatus


class CalendarFilterFields:
    kinds = graphene.List(
        graphene.NonNull(CalendarKind), description="Any of these kinds (MEETING: sessions)."
    )
    bodies = graphene.List(
        graphene.NonNull(graphene.ID), description="Organised by any of these bodies (ids)."
    )
    topics = graphene.List(
        graphene.NonNull(graphene.ID), description="Tagged with any of these topics (ids)."
    )
    places = graphene.List(graphene.NonNull(graphene.ID), description="At any of these places (ids).")
    statuses = graphene.List(graphene.NonNull(EventStatus), description="With any of these statuses.")


class CalendarFilter(CalendarFilterFields, graphene.InputObjectType):
    """Which calendar entries to include; every condition given must hold."""


class EventFilter(CalendarFilterFields, graphene.InputObjectType):
    """Which events and sessions to list; every condition given must hold."""

    starts_from = graphene.DateTime(description="Starting at or after this time (a series: its first start).")
    starts_before = graphene.DateTime(description="Starting before this time.")


EventOrder = graphene.Enum(
    "EventOrder",
    [("START", "start"), ("START_DESC", "-start"), ("TITLE", "title")],
    description=lambda member: {
        None: "Order of an events listing.",
        "START": "Earliest start first (the default).",
        "START_DESC": "Latest start first.",
        "TITLE": "Alphabetically by title.",
    }[member.name if member else None],
)


def _values(items):
    return [getattr(item, "value", item) for item in items] if items is not None else None


def _ids(items, name):
    if items is None:
        return None
    ids = []
    for item in items:
        if not str(item).isdigit():
            raise ApiError(f"`where.{name}` takes ids, got {item!r}.")
        ids.append(int(item))
    return ids


def calendar_filters(where):
    """Keyword arguments for ``events.calendar`` from a ``CalendarFilter``."""
    if not where:
        return {}
    filters = {
        "kinds": _values(where.get("kinds")),
        "statuses": _values(where.get("statuses")),
        "bodies": _ids(where.get("bodies"), "bodies"),
        "topics": _ids(where.get("topics"), "topics"),
        "places": _ids(where.get("places"), "places"),
    }
    return {name: value for name, value in filters.items() if value is not None}


def apply_event_filter(queryset, model, where, meeting_kind=MeetingPage.MEETING_KIND):
    """``queryset`` of ``model`` (EventPage or MeetingPage) narrowed by an ``EventFilter``; None if excluded."""
    filters = calendar_filters(where)
    kinds = filters.get("kinds")
    if kinds is not None:
        if model is MeetingPage:
            if meeting_kind not in kinds:
                return None
        else:
            event_kinds = [kind for kind in kinds if kind != meeting_kind]
            if not event_kinds:
                return None
            queryset = queryset.filter(kind__in=event_kinds)
    if "statuses" in filters:
        queryset = queryset.filter(status__in=filters["statuses"])
    if "bodies" in filters:
        queryset = queryset.filter(organiser_id__in=filters["bodies"])
    if "places" in filters:
        queryset = queryset.filter(place_id__in=filters["places"])
    if "topics" in filters:
        through = model.topics.through.objects.filter(topic_id__in=filters["topics"])
        queryset = queryset.filter(pk__in=through.values(f"{model._meta.model_name}_id"))
    if where and where.get("starts_from") is not None:
        queryset = queryset.filter(start__gte=where["starts_from"])
    if where and where.get("starts_before") is not None:
        queryset = queryset.filter(start__lt=where["starts_before"])
    return queryset
