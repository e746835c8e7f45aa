"""The calendar in the API: event and session pages, occurrences, month grid, listing."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import get_named_type
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from events import calendar
from events.factories import EventIndexPageFactory, EventPageFactory, MediaContactFactory, MeetingPageFactory
from events.models import AgendaItem, EventPage, MeetingMaterial
from frontend_api.core.errors import ApiError
from frontend_api.events.types import CalendarDay
from frontend_api.http.cache import bump_generation
from frontend_api.schema import schema
from home.factories import BodyFactory, PlaceFactory, TopicFactory

from .conftest import add_page, graphql_data, graphql_errors, make_document, post, translate_page

pytestmark = pytest.mark.django_db
BELGRADE = ZoneInfo("Europe/Belgrade")
UTC = dt.UTC


def local(*args):
    return dt.datetime(*args, tzinfo=BELGRADE)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def calendar_pages(home_pages, locales):
    index = publish(EventIndexPageFactory(parent=home_pages["sq"], title="Kalendari", slug="kalendari"))
    index_sr = translate_page(index, locales["sr"], "Календар", "kalendar")
    return {"sq": index, "sr": index_sr}


@pytest.fixture
def assembly(db):
    return BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", name_sr="Скупштина општине")


@pytest.fixture
def hall(db):
    return PlaceFactory(slug="salla", name="Salla e Kuvendit", name_sr="Сала Скупштине", address="Sheshi 1")


def make_event(index, title, start, **fields):
    fields.setdefault("end", start + dt.timedelta(hours=2))
    topics = fields.pop("topics", [])
    page = EventPageFactory(parent=index, title=title, start=start, **fields)
    if topics:
        page.topics.set(topics)
        page.save()
    return publish(page)


OCCURRENCES = """
query Occ($from: DateTime!, $to: DateTime!, $locale: Locale, $where: CalendarFilter) {
  eventOccurrences(from: $from, to: $to, locale: $locale, where: $where) {
    start end localStart localEnd allDay kind status isRecurring
    page {
      __typename id title url locale isFallback
      translations { locale url title }
      ... on EventPage {
        kind start end localStart timezone status recurrenceRule exceptionDates
        place { name } organiser { name } topics { name } onlineUrl summary body { __typename } isPublic outsideMunicipality
      }
      ... on MeetingPage {
        sessionNumber materialsDistributedAt livestreamUrl recordingUrl
        organiser { name abbreviation }
        agendaItems { number title rapporteur documents { title url } decision { title url } }
        materials { title url } minutes { title url }
      }
    }
  }
}
"""


def occurrences(gql, start, end, **variables):
    return gql(OCCURRENCES, {"from": start.isoformat(), "to": end.isoformat(), **variables})[
        "eventOccurrences"
    ]


def test_occurrences_expand_series_across_daylight_saving(gql, calendar_pages, hall, assembly):
    topic = TopicFactory(slug="kultura", name="Kultura")
    make_event(
        calendar_pages["sq"],
        "Orari i zyrës",
        local(2026, 3, 19, 10),
        kind=EventPage.Kind.OTHER,
        recurrence_rule="FREQ=WEEKLY;BYDAY=TH",
        exception_dates="2026-04-02",
        place=hall,
        organiser=assembly,
        topics=[topic],
    )
    found = occurrences(gql, local(2026, 3, 16), local(2026, 4, 13))
    # 19 and 26 March, (2 April skipped), 9 April; 10:00 local on both sides of the change on 29 March.
    assert [item["localStart"] for item in found] == [
        "2026-03-19T10:00",
        "2026-03-26T10:00",
        "2026-04-09T10:00",
    ]
    assert found[0]["start"] == "2026-03-19T09:00:00+00:00"
    assert found[2]["start"] == "2026-04-09T08:00:00+00:00"
    page = found[0]["page"]
    assert page["__typename"] == "EventPage"
    assert page["kind"] == "OTHER" and found[0]["kind"] == "OTHER"
    assert page["recurrenceRule"] == "FREQ=WEEKLY;BYDAY=TH"
    assert page["exceptionDates"] == ["2026-04-02"]
    assert page["timezone"] == "Europe/Belgrade"
    assert page["place"] == {"name": "Salla e Kuvendit"}
    assert page["organiser"] == {"name": "Kuvendi i Komunës"}
    assert page["topics"] == [{"name": "Kultura"}]
    assert page["url"] == f"/kalendari/{EventPage.objects.get().slug}/"
    assert found[0]["isRecurring"] is True


def test_occurrences_filters_and_locale(gql, calendar_pages, assembly, locales):
    festival = make_event(
        calendar_pages["sq"], "Festivali", local(2026, 6, 1, 18), kind=EventPage.Kind.FESTIVAL
    )
    make_event(
        calendar_pages["sq"],
        "Takim publik",
        local(2026, 6, 2, 18),
        kind=EventPage.Kind.PUBLIC_MEETING,
        organiser=assembly,
        status=EventPage.Status.CANCELLED,
    )
    translate_page(festival, locales["sr"], "Фестивал", "festival")
    june = (local(2026, 6, 1), local(2026, 7, 1))
    assert [o["page"]["title"] for o in occurrences(gql, *june)] == ["Festivali", "Takim publik"]
    assert [o["page"]["title"] for o in occurrences(gql, *june, where={"kinds": ["FESTIVAL"]})] == [
        "Festivali"
    ]
    by_body = occurrences(gql, *june, where={"bodies": [str(assembly.pk)]})
    assert [o["page"]["title"] for o in by_body] == ["Takim publik"]
    assert [o["status"] for o in occurrences(gql, *june, where={"statuses": ["CANCELLED"]})] == ["CANCELLED"]
    serbian = occurrences(gql, *june, locale="SR")
    assert [(o["page"]["title"], o["page"]["url"], o["page"]["locale"]) for o in serbian] == [
        ("Фестивал", "/sr/kalendar/festival/", "SR")
    ]


def test_drafts_and_private_entries_are_left_out(gql, calendar_pages):
    make_event(calendar_pages["sq"], "Publike", local(2026, 6, 1, 18))
    draft = EventPageFactory(parent=calendar_pages["sq"], title="Draft", start=local(2026, 6, 2, 18))
    draft.live = False
    draft.save()
    private = make_event(calendar_pages["sq"], "Private", local(2026, 6, 3, 18))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    found = occurrences(gql, local(2026, 6, 1), local(2026, 7, 1))
    assert [o["page"]["title"] for o in found] == ["Publike"]
    listing = gql("{ events(first: 100) { totalCount edges { node { title } } } }")["events"]
    assert [edge["node"]["title"] for edge in listing["edges"]] == ["Publike"]


def test_range_is_capped_with_a_clear_error(client, calendar_pages):
    query = "query($f: DateTime!, $t: DateTime!) { eventOccurrences(from: $f, to: $t) { start } }"
    errors = graphql_errors(
        post(client, query, {"f": "2026-01-01T00:00:00+01:00", "t": "2027-03-01T00:00:00+01:00"})
    )
    assert "at most 400 days" in errors[0]["message"]
    errors = graphql_errors(
        post(client, query, {"f": "2026-02-01T00:00:00+01:00", "t": "2026-01-01T00:00:00+01:00"})
    )
    assert "`to` must be after `from`" in errors[0]["message"]


def test_upcoming_events(gql, calendar_pages):
    now = dt.datetime.now(UTC).replace(microsecond=0)
    make_event(calendar_pages["sq"], "Dikur", now - dt.timedelta(days=3))
    for days in (3, 1, 2):
        make_event(calendar_pages["sq"], f"Pas {days}", now + dt.timedelta(days=days))
    found = gql("{ upcomingEvents(first: 2) { page { title } } }")["upcomingEvents"]
    assert [o["page"]["title"] for o in found] == ["Pas 1", "Pas 2"]


def test_upcoming_first_is_bounded(client, calendar_pages):
    errors = graphql_errors(post(client, "{ upcomingEvents(first: 500) { start } }"))
    assert "`first` must be between 1 and 100" in errors[0]["message"]


def test_calendar_month(gql, client, calendar_pages):
    make_event(calendar_pages["sq"], "Festivali", local(2026, 12, 30, 10), end=local(2027, 1, 1, 18))
    month = gql(
        "{ calendarMonth(year: 2026, month: 12) { year month previous { year month } next { year month }"
        " weeks { days { date inMonth occurrences { page { title } } } } } }"
    )["calendarMonth"]
    assert month["previous"] == {"year": 2026, "month": 11} and month["next"] == {"year": 2027, "month": 1}
    days = [day for week in month["weeks"] for day in week["days"]]
    assert days[0]["date"] == "2026-11-30" and len(days) % 7 == 0
    with_event = [day["date"] for day in days if day["occurrences"]]
    assert with_event == ["2026-12-30", "2026-12-31", "2027-01-01"]
    assert [day["inMonth"] for day in days if day["date"] == "2027-01-01"] == [False]
    errors = graphql_errors(post(client, "{ calendarMonth(year: 2026, month: 13) { year } }"))
    assert "month from 1 to 12" in errors[0]["message"]


def test_a_calendar_day_lists_a_bounded_number_with_its_count(gql, client, calendar_pages):
    for hour in range(12):
        make_event(calendar_pages["sq"], f"Ngjarja {hour:02}", local(2026, 6, 12, 8 + hour))
    query = "{ calendarMonth(year: 2026, month: 6) { weeks { days { date occurrenceCount %s } } } }"
    days = {
        day["date"]: day
        for week in gql(query % "occurrences { page { title } }")["calendarMonth"]["weeks"]
        for day in week["days"]
    }
    busy = days["2026-06-12"]
    assert busy["occurrenceCount"] == 12
    assert [o["page"]["title"] for o in busy["occurrences"]] == [f"Ngjarja {hour:02}" for hour in range(10)]
    assert days["2026-06-13"] == {"date": "2026-06-13", "occurrenceCount": 0, "occurrences": []}
    everything = gql(query % "occurrences(first: 20) { page { title } }")["calendarMonth"]["weeks"]
    assert max(len(day["occurrences"]) for week in everything for day in week["days"]) == 12
    errors = graphql_errors(post(client, query % "occurrences(first: 0) { start }"))
    assert "`first` must be between 1 and 100, got 0." in errors[0]["message"]
    with pytest.raises(ApiError, match="between 1 and 100, got 101"):
        CalendarDay.resolve_occurrences(
            calendar.Day(date=dt.date(2026, 6, 12), in_month=True), None, first=101
        )


def test_events_listing_order_filter_and_fallback(gql, calendar_pages, locales, assembly):
    first = make_event(calendar_pages["sq"], "A", local(2026, 5, 2, 10), kind=EventPage.Kind.FESTIVAL)
    make_event(calendar_pages["sq"], "B", local(2026, 5, 1, 10), kind=EventPage.Kind.CONFERENCE)
    meeting = publish(
        MeetingPageFactory(
            parent=calendar_pages["sq"], title="Seanca", start=local(2026, 5, 3, 10), organiser=assembly
        )
    )
    translate_page(first, locales["sr"], "А", "a")
    query = """query($where: EventFilter, $order: EventOrder, $locale: Locale, $fallback: Boolean) {
      events(first: 10, where: $where, order: $order, locale: $locale, fallback: $fallback) {
        totalCount edges { node { __typename title isFallback ... on MeetingPage { organiser { name } } } } } }"""

    def titles(**variables):
        return [edge["node"]["title"] for edge in gql(query, variables)["events"]["edges"]]

    assert titles() == ["B", "A", "Seanca"]
    assert titles(order="START_DESC") == ["Seanca", "A", "B"]
    assert titles(where={"kinds": ["MEETING"]}) == ["Seanca"]
    assert titles(where={"kinds": ["FESTIVAL", "MEETING"]}) == ["A", "Seanca"]
    assert titles(where={"bodies": [str(assembly.pk)]}) == ["Seanca"]
    assert titles(where={"startsFrom": "2026-05-02T00:00:00+02:00"}) == ["A", "Seanca"]
    assert titles(locale="SR") == ["А"]
    nodes = gql(query, {"locale": "SR", "fallback": True})["events"]["edges"]
    assert [(e["node"]["title"], e["node"]["isFallback"]) for e in nodes] == [
        ("B", True),
        ("А", False),
        ("Seanca", True),
    ]
    assert meeting.pk


@pytest.fixture
def session(calendar_pages, assembly, private_collection, home_pages):
    public_doc = make_document("Rendi i ditës")
    private_doc = make_document("E brendshme", collection=private_collection)
    minutes = make_document("Procesverbali")
    decision = add_page(home_pages["sq"], "Vendimi 1", "vendimi-1")
    draft_decision = add_page(home_pages["sq"], "Vendimi 2", "vendimi-2", live=False)
    meeting = MeetingPageFactory(
        parent=calendar_pages["sq"],
        title="Seanca e 5-të",
        start=local(2026, 6, 10, 10),
        organiser=assembly,
        session_number=5,
        materials_distributed_at=local(2026, 6, 3, 9),
        minutes=minutes,
        livestream_url="https://live.example/kuvendi",
    )
    AgendaItem.objects.create(
        page=meeting,
        locale=meeting.locale,
        number="1",
        title="Buxheti",
        rapporteur="Drejtori",
        documents=[("document", public_doc), ("document", private_doc)],
        decision=decision,
        sort_order=0,
    )
    AgendaItem.objects.create(
        page=meeting,
        locale=meeting.locale,
        number="2",
        title="Të ndryshme",
        decision=draft_decision,
        sort_order=1,
    )
    MeetingMaterial.objects.create(page=meeting, document=public_doc, sort_order=0)
    MeetingMaterial.objects.create(page=meeting, document=private_doc, sort_order=1)
    return publish(meeting)


def test_meeting_fields_show_only_public_documents_and_live_decisions(gql, session):
    found = occurrences(gql, local(2026, 6, 1), local(2026, 7, 1))
    page = found[0]["page"]
    assert page["__typename"] == "MeetingPage"
    assert found[0]["kind"] == "MEETING"
    assert page["sessionNumber"] == 5
    assert page["materialsDistributedAt"] == "2026-06-03T07:00:00+00:00"
    assert page["livestreamUrl"] == "https://live.example/kuvendi" and page["recordingUrl"] is None
    assert page["organiser"]["name"] == "Kuvendi i Komunës"
    first, second = page["agendaItems"]
    assert (first["number"], first["title"], first["rapporteur"]) == ("1", "Buxheti", "Drejtori")
    assert [d["title"] for d in first["documents"]] == ["Rendi i ditës"]
    assert first["decision"] == {"title": "Vendimi 1", "url": "/vendimi-1/"}
    assert second["decision"] is None and second["documents"] == []
    assert [d["title"] for d in page["materials"]] == ["Rendi i ditës"]
    assert page["minutes"]["title"] == "Procesverbali"


def test_media_contacts_notices_and_rules_are_not_in_the_schema():
    names = set(schema.graphql_schema.type_map)
    for hidden in ("MediaContact", "MediaNotice", "NoticeRule", "NoticeDelivery"):
        assert not any(hidden.lower() in name.lower() for name in names), hidden
    for type_ in schema.graphql_schema.type_map.values():
        for name, field in (getattr(type_, "fields", None) or {}).items():
            reached = get_named_type(field.type).name
            assert "notice" not in name.lower() and "media" not in name.lower(), (type_, name)
            assert "Notice" not in reached and "Media" not in reached, (type_, name)


def test_no_response_contains_a_media_contacts_address(client, session, calendar_pages):
    contact = MediaContactFactory(email="novinar@media.example", person="Novinar")
    make_event(calendar_pages["sq"], "Takim", local(2026, 6, 12, 10), kind=EventPage.Kind.PUBLIC_MEETING)
    bodies = [
        post(client, OCCURRENCES, {"from": "2026-06-01T00:00:00+02:00", "to": "2026-07-01T00:00:00+02:00"}),
        post(
            client,
            "{ events(first: 100) { edges { node { title ... on EventPage { summary body { __typename } organiser { name } } } } } }",
        ),
        post(
            client,
            "{ calendarMonth(year: 2026, month: 6) { weeks { days { occurrences { page { title } } } } } }",
        ),
        post(client, "{ upcomingEvents(first: 100) { page { title } } }"),
    ]
    for response in bodies:
        graphql_data(response)
        content = response.content.decode()
        assert contact.email not in content and contact.name not in content


def _count(client, query, variables=None):
    bump_generation()
    with CaptureQueriesContext(connection) as captured:
        data = graphql_data(post(client, query, variables))
    return len(captured), data


LISTING = """{ events(first: 100) { totalCount edges { node {
  __typename id title url translations { locale url } parent { url }
  ... on EventPage { kind start localStart place { name } organiser { name } topics { name } summary body { __typename }
                     listingImage { alt rendition(preset: CARD) { url srcset } } }
  ... on MeetingPage { sessionNumber agendaItems { title documents { title } decision { url } }
                       listingImage { rendition(preset: THUMBNAIL) { url } }
                       materials { title } minutes { title } }
} } } }"""


def _add_entries(index, count, offset, place, body, topic):
    for n in range(offset, offset + count):
        make_event(
            index,
            f"Ngjarja {n}",
            local(2026, 6, 1, 10) + dt.timedelta(hours=n),
            place=place,
            organiser=body,
            topics=[topic],
            listing_image=ImageFactory(title=f"Foto {n}"),
        )
        meeting = MeetingPageFactory(
            parent=index,
            title=f"Seanca {n}",
            start=local(2026, 6, 1, 11) + dt.timedelta(hours=n),
            organiser=body,
            listing_image=ImageFactory(title=f"Salla {n}"),
        )
        AgendaItem.objects.create(page=meeting, locale=meeting.locale, number="1", title="Pika", sort_order=0)
        publish(meeting)


def test_query_counts_do_not_grow_with_the_number_of_events(client, calendar_pages, hall, assembly, settings):
    # 100 sessions with their agendas could be 5,101 nodes: over the default budget.
    settings.FRONTEND_API = {**settings.FRONTEND_API, "MAX_NODES": 6000}
    topic = TopicFactory(slug="t", name="T")
    _add_entries(calendar_pages["sq"], 5, 0, hall, assembly, topic)
    variables = {"from": "2026-06-01T00:00:00+02:00", "to": "2026-07-01T00:00:00+02:00"}
    _count(client, OCCURRENCES, variables)  # warm-up
    ten_occurrences, data = _count(client, OCCURRENCES, variables)
    assert len(data["eventOccurrences"]) == 10
    _count(client, LISTING)  # renditions are created once
    ten_listing, data = _count(client, LISTING)
    assert data["events"]["totalCount"] == 10
    _add_entries(calendar_pages["sq"], 20, 5, hall, assembly, topic)
    fifty_occurrences, data = _count(client, OCCURRENCES, variables)
    assert len(data["eventOccurrences"]) == 50
    _count(client, LISTING)
    fifty_listing, data = _count(client, LISTING)
    assert data["events"]["totalCount"] == 50
    assert all(edge["node"]["listingImage"]["rendition"]["url"] for edge in data["events"]["edges"])
    assert fifty_occurrences == ten_occurrences
    assert fifty_listing == ten_listing
