import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from events.factories import EventPageFactory, MeetingPageFactory
from events.models import EventPage
from tests.events.conftest import local

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")


@pytest.fixture
def feed_entries(calendar_index, assembly, committee, hall):
    session = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e 5-të e Kuvendit",
        slug="mbledhja-5",
        organiser=assembly,
        start=local(2026, 12, 10, 10),
        end=local(2026, 12, 10, 14),
        place=hall,
        summary="Seanca e rregullt e Kuvendit.",
        body=[
            ("heading", {"text": "Rendi i ditës", "level": "h2"}),
            ("paragraph", "<p>Rendi i ditës &amp; materialet</p>"),
        ],
    )
    office_hours = MeetingPageFactory(
        parent=calendar_index,
        title="Orari i pritjes",
        slug="orari",
        organiser=assembly,
        start=local(2026, 3, 5, 10),
        end=local(2026, 3, 5, 12),
        recurrence_rule="FREQ=WEEKLY;BYDAY=TH",
        exception_dates="2026-03-26\n2026-04-02",
        online_url="https://meet.example/pritja",
    )
    cancelled = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e KPF",
        slug="kpf-anuluar",
        organiser=committee,
        status="cancelled",
        start=local(2026, 12, 3, 9),
        end=None,
    )
    anniversary = EventPageFactory(
        parent=calendar_index,
        title="Dita e Pavarësisë",
        slug="pavaresia",
        kind=EventPage.Kind.ANNIVERSARY,
        start=local(2008, 2, 17),
        end=None,
        all_day=True,
        recurrence_rule="FREQ=YEARLY",
    )
    return {
        "session": session,
        "office_hours": office_hours,
        "cancelled": cancelled,
        "anniversary": anniversary,
    }


def events_by_summary(content):
    cal = Calendar.from_ical(content)
    return cal, {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


def test_body_feed_parsed_back_field_by_field(client, feed_entries):
    response = client.get("/ical/body/kuvendi.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal, events = events_by_summary(response.content)
    assert set(events) == {"Mbledhja e 5-të e Kuvendit", "Orari i pritjes"}
    assert str(cal["VERSION"]) == "2.0"
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Belgrade"]
    assert {component.name for component in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}

    session = events["Mbledhja e 5-të e Kuvendit"]
    session_page = feed_entries["session"]
    assert session.decoded("DTSTART") == local(2026, 12, 10, 10)
    assert session["DTSTART"].params["TZID"] == "Europe/Belgrade"
    assert session.decoded("DTEND") == local(2026, 12, 10, 14)
    assert str(session["STATUS"]) == "CONFIRMED"
    assert str(session["URL"]) == session_page.full_url
    assert str(session["UID"]) == f"{session_page.translation_key}@127.0.0.1"
    assert str(session["LOCATION"]) == "Salla e Kuvendit, Sheshi i Lirisë 1"
    # The summary, then the body's text; the heading's level is not text.
    assert str(session["DESCRIPTION"]) == (
        "Seanca e rregullt e Kuvendit.\n\nRendi i ditës\n\nRendi i ditës & materialet"
    )
    assert session["ORGANIZER"].params["CN"] == "Kuvendi i Komunës"
    assert "RRULE" not in session

    office = events["Orari i pritjes"]
    assert office["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TH"
    exdates = [value.dt for exdate in [office["EXDATE"]] for value in exdate.dts]
    assert exdates == [local(2026, 3, 26, 10), local(2026, 4, 2, 10)]
    assert str(office["LOCATION"]) == "https://meet.example/pritja"


def test_cancelled_status_and_all_day_series_in_the_locale_feed(client, feed_entries):
    _cal, events = events_by_summary(client.get("/ical/calendar.ics").content)

    assert set(events) == {
        "Mbledhja e 5-të e Kuvendit",
        "Orari i pritjes",
        "Mbledhja e KPF",
        "Dita e Pavarësisë",
    }
    assert str(events["Mbledhja e KPF"]["STATUS"]) == "CANCELLED"
    anniversary = events["Dita e Pavarësisë"]
    assert anniversary.decoded("DTSTART") == dt.date(2008, 2, 17)
    assert anniversary.decoded("DTEND") == dt.date(2008, 2, 18)
    assert anniversary["RRULE"].to_ical() == b"FREQ=YEARLY"
    assert [str(category) for category in anniversary["CATEGORIES"].cats] == ["anniversary"]


def test_kind_feed_and_unknown_kind(client, feed_entries):
    _cal, events = events_by_summary(client.get("/ical/kind/anniversary.ics").content)
    assert set(events) == {"Dita e Pavarësisë"}
    assert client.get("/ical/kind/picnic.ics").status_code == 404
    assert client.get("/ical/body/nobody.ics").status_code == 404


def test_locale_prefixed_feed_lists_that_locale_only(client, feed_entries):
    response = client.get("/sr/ical/calendar.ics")
    assert response.status_code == 200
    _cal, events = events_by_summary(response.content)
    assert events == {}


def test_assembly_feed_imports_into_vobject(client, feed_entries):
    """Acceptance 3: a second, independent parser reads the Assembly's feed."""
    content = client.get("/ical/body/kuvendi.ics").content.decode()

    parsed = vobject.readOne(content)
    events = {event.summary.value: event for event in parsed.vevent_list}
    assert set(events) == {"Mbledhja e 5-të e Kuvendit", "Orari i pritjes"}
    session = events["Mbledhja e 5-të e Kuvendit"]
    assert session.dtstart.value.astimezone(BELGRADE) == local(2026, 12, 10, 10)
    assert session.dtstart.value.utcoffset() == dt.timedelta(hours=1)
    office = events["Orari i pritjes"]
    occurrences = list(office.getrruleset(addRDate=True).between(local(2026, 3, 1), local(2026, 4, 10)))
    assert [occurrence.astimezone(BELGRADE) for occurrence in occurrences] == [
        local(2026, 3, 5, 10),
        local(2026, 3, 12, 10),
        local(2026, 3, 19, 10),
        local(2026, 4, 9, 10),
    ]
