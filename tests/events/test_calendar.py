import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from events import calendar
from events.factories import EventPageFactory, MeetingPageFactory
from events.models import EventPage
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(calendar_index, assembly, committee, hall, budget_topic):
    concert = EventPageFactory(
        parent=calendar_index,
        title="Koncert",
        kind=EventPage.Kind.FESTIVAL,
        start=local(2026, 6, 5, 20),
        end=None,
        place=hall,
    )
    anniversary = EventPageFactory(
        parent=calendar_index,
        title="Përvjetori",
        kind=EventPage.Kind.ANNIVERSARY,
        start=local(2000, 6, 12, 0),
        end=None,
        all_day=True,
        recurrence_rule="FREQ=YEARLY",
    )
    session = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e 5-të",
        organiser=assembly,
        start=local(2026, 6, 18, 10),
        end=local(2026, 6, 18, 14),
    )
    session.topics.add(budget_topic)
    session.save()
    cancelled = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e KPF",
        organiser=committee,
        status="cancelled",
        start=local(2026, 6, 25, 10),
        end=None,
    )
    outside = EventPageFactory(parent=calendar_index, title="Tjetër", start=local(2026, 7, 2, 9), end=None)
    return {
        "concert": concert,
        "anniversary": anniversary,
        "session": session,
        "cancelled": cancelled,
        "outside": outside,
    }


def titles(found):
    return [occurrence.page.title for occurrence in found]


def test_occurrences_in_range_sorted_with_series_expanded(entries):
    found = calendar.occurrences(local(2026, 6, 1), local(2026, 7, 1))

    assert titles(found) == ["Koncert", "Përvjetori", "Mbledhja e 5-të", "Mbledhja e KPF"]
    anniversary = found[1]
    assert anniversary.all_day and anniversary.local_start == local(2026, 6, 12)
    assert anniversary.end == local(2026, 6, 13)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kinds": ["festival"]}, ["Koncert"]),
        ({"kinds": ["meeting"]}, ["Mbledhja e 5-të", "Mbledhja e KPF"]),
        ({"bodies": ["kuvendi"]}, ["Mbledhja e 5-të"]),
        ({"topics": ["buxheti"]}, ["Mbledhja e 5-të"]),
        ({"statuses": ["cancelled"]}, ["Mbledhja e KPF"]),
        ({"places": ["salla"]}, ["Koncert"]),
        ({"locale": "sr"}, []),
    ],
)
def test_filters(entries, filters, expected):
    assert titles(calendar.occurrences(local(2026, 6, 1), local(2026, 7, 1), **filters)) == expected


def test_filters_accept_instances_and_ids(entries, assembly, committee):
    found = calendar.occurrences(local(2026, 6, 1), local(2026, 7, 1), bodies=[assembly, committee.pk])
    assert titles(found) == ["Mbledhja e 5-të", "Mbledhja e KPF"]


def test_range_is_half_open(entries):
    assert titles(calendar.occurrences(local(2026, 6, 5, 20), local(2026, 6, 5, 21))) == ["Koncert"]
    assert titles(calendar.occurrences(local(2026, 6, 5, 19), local(2026, 6, 5, 20))) == []


def test_upcoming(entries):
    found = calendar.upcoming(now=local(2026, 6, 13), limit=2)
    assert titles(found) == ["Mbledhja e 5-të", "Mbledhja e KPF"]


def test_month_view(entries):
    month = calendar.month_view(2026, 6)

    assert month.weeks[0][0].date == dt.date(2026, 6, 1)  # a Monday
    assert all(len(week) == 7 for week in month.weeks)
    days = {day.date: titles(day.occurrences) for week in month.weeks for day in week}
    assert days[dt.date(2026, 6, 12)] == ["Përvjetori"]
    assert days[dt.date(2026, 6, 13)] == []
    assert days[dt.date(2026, 6, 18)] == ["Mbledhja e 5-të"]
    assert (month.previous, month.next) == ((2026, 5), (2026, 7))


def test_unbounded_or_reversed_ranges_are_refused(entries):
    with pytest.raises(ValueError, match="limited"):
        calendar.occurrences(local(2020, 1, 1), local(2030, 1, 1))
    with pytest.raises(ValueError, match="end after"):
        calendar.occurrences(local(2026, 7, 1), local(2026, 6, 1))


def test_query_count_does_not_grow_with_entries(entries, calendar_index, django_assert_max_num_queries):
    for day in range(1, 20):
        EventPageFactory(parent=calendar_index, start=local(2026, 6, day, 9), end=None)
    with django_assert_max_num_queries(8):
        found = calendar.occurrences(local(2026, 6, 1), local(2026, 7, 1), bodies=["kuvendi", "kpf"])
        [(occurrence.page.place, occurrence.body, list(occurrence.page.topics.all())) for occurrence in found]


def test_page_validation(calendar_index):
    page = EventPage(
        title="X",
        slug="x",
        start=local(2026, 6, 1, 10),
        end=local(2026, 6, 1, 9),
        recurrence_rule="FREQ=NEVER",
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"end", "recurrence_rule"} <= set(error.value.message_dict)


def test_all_day_entries_start_at_local_midnight(calendar_index):
    page = EventPageFactory(parent=calendar_index, start=local(2026, 3, 29, 15), end=None, all_day=True)
    assert page.start == local(2026, 3, 29, 0)
    assert page.effective_end == local(2026, 3, 30, 0)
