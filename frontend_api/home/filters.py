"""Filters and orders of the content listings (news, announcements, decisions...)."""

import graphene
from django.utils import timezone
from graphene.utils.str_converters import to_camel_case

from home.models import AnnouncementPage, DecisionPage, PublicationPage, VacancyPage

from ..core.errors import ApiError
from ..core.locale import choices_enum

AnnouncementKind = choices_enum("AnnouncementKind", AnnouncementPage.Kind, "What an announcement is.")
DecisionStatus = choices_enum("DecisionStatus", DecisionPage.Status, "Whether a decision is in force.")
VacancyKind = choices_enum("VacancyKind", VacancyPage.Kind, "What a competition is.")
PublicationKind = choices_enum("PublicationKind", PublicationPage.Kind, "What a publication is.")
VacancyStatus = graphene.Enum(
    "VacancyStatus",
    [("UPCOMING", "upcoming"), ("OPEN", "open"), ("CLOSED", "closed")],
    description=lambda member: {
        None: "Where a competition stands now (derived from its opening and deadline).",
        "UPCOMING": "Not open yet.",
        "OPEN": "Accepting applications.",
        "CLOSED": "The deadline has passed.",
    }[member.name if member else None],
)


def order_enum(name, what, date_field):
    """NEWEST/OLDEST by ``date_field`` and TITLE, for a listing of ``what``."""
    descriptions = {
        None: f"Order of a listing of {what}.",
        "NEWEST": "Most recent first (the default).",
        "OLDEST": "Earliest first.",
        "TITLE": "Alphabetically by title.",
    }
    return graphene.Enum(
        name,
        [("NEWEST", f"-{date_field}"), ("OLDEST", date_field), ("TITLE", "title")],
        description=lambda member: descriptions[member.name if member else None],
    )


NewsOrder = order_enum("NewsOrder", "news", "date")
AnnouncementOrder = order_enum("AnnouncementOrder", "announcements", "date")
DecisionOrder = order_enum("DecisionOrder", "decisions", "date_adopted")
RegulationOrder = order_enum("RegulationOrder", "regulations", "date_adopted")
VacancyOrder = order_enum("VacancyOrder", "competitions", "opens_at")
PublicationOrder = order_enum("PublicationOrder", "publications", "date")
CampaignOrder = order_enum("CampaignOrder", "campaigns", "starts_on")


def ordered(queryset, order):
    order = getattr(order, "value", order)
    return queryset.order_by(order, "-pk")


class NewsFilter(graphene.InputObjectType):
    """Which news to list; every condition given must hold."""

    date_from = graphene.Date(description="Dated on or after this day.")
    date_to = graphene.Date(description="Dated on or before this day.")
    topic = graphene.ID(description="Id of a topic the news is tagged with.")


class AnnouncementFilter(graphene.InputObjectType):
    """Which announcements to list; every condition given must hold."""

    date_from = graphene.Date(description="Dated on or after this day.")
    date_to = graphene.Date(description="Dated on or before this day.")
    kind = graphene.Argument(AnnouncementKind, description="Kind of announcement.")
    current = graphene.Boolean(
        description="True: only those still valid today; false: only expired ones; omitted: both."
    )


class DecisionFilter(graphene.InputObjectType):
    """Which decisions to list; every condition given must hold."""

    adopted_from = graphene.Date(description="Adopted on or after this day.")
    adopted_to = graphene.Date(description="Adopted on or before this day.")
    issuing_body = graphene.ID(description="Id of the issuing body.")
    status = graphene.Argument(DecisionStatus, description="In force or repealed.")
    number = graphene.String(description="Decision number, exactly (case-insensitive).")


class RegulationFilter(graphene.InputObjectType):
    """Which regulations to list; every condition given must hold."""

    adopted_from = graphene.Date(description="Adopted on or after this day.")
    adopted_to = graphene.Date(description="Adopted on or before this day.")
    issuing_body = graphene.ID(description="Id of the issuing body.")
    in_force = graphene.Boolean(
        description="True: only regulations in force today; false: only those not (yet or any more) in force."
    )


class VacancyFilter(graphene.InputObjectType):
    """Which competitions and vacancies to list; every condition given must hold."""

    kind = graphene.Argument(VacancyKind, description="Kind of competition.")
    department = graphene.ID(description="Id of the department.")
    status = graphene.Argument(VacancyStatus, description="Upcoming, open or closed right now.")
    open = graphene.Boolean(
        description="True: only those accepting applications now; false: only those that are not."
    )
    opens_from = graphene.Date(description="Opening on or after this day.")
    opens_to = graphene.Date(description="Opening on or before this day.")


class PublicationFilter(graphene.InputObjectType):
    """Which publications to list; every condition given must hold."""

    kind = graphene.Argument(PublicationKind, description="Kind of publication.")
    date_from = graphene.Date(description="Published on or after this day.")
    date_to = graphene.Date(description="Published on or before this day.")


class CampaignFilter(graphene.InputObjectType):
    """Which media campaigns to list; every condition given must hold."""

    starts_from = graphene.Date(description="Starting on or after this day.")
    starts_to = graphene.Date(description="Starting on or before this day.")
    running = graphene.Boolean(description="True: only campaigns running today; false: only the others.")


def _id_value(name, value):
    """An id argument as the integer the database expects, or a clear error for the client."""
    try:
        return int(str(value).strip())
    except ValueError:
        raise ApiError(
            f"{to_camel_case(name)}: expected the numeric id of a record, got {str(value)!r}."
        ) from None


def _lookups(queryset, where, lookups):
    for name, lookup in lookups.items():
        value = where.get(name)
        if value is not None:
            value = getattr(value, "value", value)
            if lookup.endswith("_id") or lookup.endswith("__id"):
                value = _id_value(name, value)
            queryset = queryset.filter(**{lookup: value})
    return queryset


def apply_news_filter(queryset, where):
    if not where:
        return queryset
    return _lookups(
        queryset, where, {"date_from": "date__gte", "date_to": "date__lte", "topic": "topics__id"}
    )


def apply_announcement_filter(queryset, where):
    if not where:
        return queryset
    queryset = _lookups(queryset, where, {"date_from": "date__gte", "date_to": "date__lte", "kind": "kind"})
    current = where.get("current")
    if current is True:
        queryset = queryset.current()
    elif current is False:
        queryset = queryset.expired()
    return queryset


def apply_decision_filter(queryset, where):
    if not where:
        return queryset
    return _lookups(
        queryset,
        where,
        {
            "adopted_from": "date_adopted__gte",
            "adopted_to": "date_adopted__lte",
            "issuing_body": "issuing_body_id",
            "status": "status",
            "number": "number__iexact",
        },
    )


def apply_regulation_filter(queryset, where):
    if not where:
        return queryset
    queryset = _lookups(
        queryset,
        where,
        {
            "adopted_from": "date_adopted__gte",
            "adopted_to": "date_adopted__lte",
            "issuing_body": "issuing_body_id",
        },
    )
    in_force = where.get("in_force")
    if in_force is not None:
        matching = type(queryset)(queryset.model).in_force().values("pk")
        queryset = queryset.filter(pk__in=matching) if in_force else queryset.exclude(pk__in=matching)
    return queryset


def apply_vacancy_filter(queryset, where):
    if not where:
        return queryset
    queryset = _lookups(
        queryset,
        where,
        {
            "kind": "kind",
            "department": "department_id",
            "opens_from": "opens_at__date__gte",
            "opens_to": "opens_at__date__lte",
        },
    )
    now = timezone.now()
    status = getattr(where.get("status"), "value", where.get("status"))
    if status is not None:
        queryset = getattr(queryset, status)(now)
    is_open = where.get("open")
    if is_open is True:
        queryset = queryset.open(now)
    elif is_open is False:
        queryset = queryset.exclude(pk__in=type(queryset)(queryset.model).open(now).values("pk"))
    return queryset


def apply_publication_filter(queryset, where):
    if not where:
        return queryset
    return _lookups(queryset, where, {"kind": "kind", "date_from": "date__gte", "date_to": "date__lte"})


def apply_campaign_filter(queryset, where):
    if not where:
        return queryset
    queryset = _lookups(queryset, where, {"starts_from": "starts_on__gte", "starts_to": "starts_on__lte"})
    running = where.get("running")
    if running is not None:
        from django.db.models import Q

        today = timezone.localdate()
        condition = Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        queryset = queryset.filter(condition) if running else queryset.exclude(condition)
    return queryset
