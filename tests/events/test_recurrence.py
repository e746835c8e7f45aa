import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events import recurrence
from tests.events.conftest import local

UTC = dt.UTC


def test_weekly_office_hours_keep_local_time_across_the_spring_change():
    start = local(2026, 3, 19, 10, 0)  # a Thursday, CET
    found = list(
        recurrence.expand(
            start,
            start + dt.timedelta(hours=2),
            "FREQ=WEEKLY;BYDAY=TH",
            [],
            local(2026, 3, 1),
            local(2026, 4, 10),
        )
    )

    starts = [occurrence_start for occurrence_start, _ in found]
    assert starts == [
        dt.datetime(2026, 3, 19, 9, 0, tzinfo=UTC),  # 10:00 CET
        dt.datetime(2026, 3, 26, 9, 0, tzinfo=UTC),
        dt.datetime(2026, 4, 2, 8, 0, tzinfo=UTC),  # 10:00 CEST after 29 March
        dt.datetime(2026, 4, 9, 8, 0, tzinfo=UTC),
    ]
    assert all(end - begin == dt.timedelta(hours=2) for begin, end in found)
    assert {begin.astimezone(recurrence.local_zone()).hour for begin in starts} == {10}


def test_autumn_change_and_exception_dates():
    start = local(2026, 10, 15, 18, 0)
    found = list(
        recurrence.expand(
            start,
            None,
            "RRULE:FREQ=WEEKLY",
            [dt.date(2026, 10, 29)],
            local(2026, 10, 1),
            local(2026, 11, 13),
        )
    )

    assert [begin for begin, _ in found] == [
        dt.datetime(2026, 10, 15, 16, 0, tzinfo=UTC),
        dt.datetime(2026, 10, 22, 16, 0, tzinfo=UTC),
        # 29 October is an exception; the clocks went back on the 25th.
        dt.datetime(2026, 11, 5, 17, 0, tzinfo=UTC),
        dt.datetime(2026, 11, 12, 17, 0, tzinfo=UTC),
    ]


def test_yearly_anniversary_expands_only_inside_the_range():
    start = local(1999, 6, 12, 11, 0)
    found = list(recurrence.expand(start, None, "FREQ=YEARLY", [], local(2026, 1, 1), local(2028, 1, 1)))

    assert [begin.astimezone(recurrence.local_zone()).date() for begin, _ in found] == [
        dt.date(2026, 6, 12),
        dt.date(2027, 6, 12),
    ]


def test_unbounded_rule_is_expanded_lazily_up_to_the_range_end(monkeypatch):
    """An endless daily rule over a week yields seven occurrences and stops iterating."""
    yielded = []
    original = recurrence.parse_rule

    def counting_rule(value, dtstart):
        rule = original(value, dtstart)

        class Counting:
            def xafter(self, *args, **kwargs):
                for value in rule.xafter(*args, **kwargs):
                    yielded.append(value)
                    yield value

        return Counting()

    monkeypatch.setattr(recurrence, "parse_rule", counting_rule)
    found = list(
        recurrence.expand(local(2026, 1, 1, 9), None, "FREQ=DAILY", [], local(2026, 5, 1), local(2026, 5, 8))
    )

    assert len(found) == 7
    assert len(yielded) == 8  # the seven, and the first one past the range that stops the loop


def test_an_occurrence_overlapping_the_range_start_is_included():
    start = local(2026, 5, 1, 22, 0)
    found = list(
        recurrence.expand(
            start,
            start + dt.timedelta(hours=4),
            "FREQ=DAILY",
            [],
            local(2026, 5, 3, 0),
            local(2026, 5, 3, 12),
        )
    )

    assert [begin for begin, _ in found] == [local(2026, 5, 2, 22, 0)]


def test_invalid_rule_and_exception_dates_give_clear_errors():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            recurrence.parse_rule("FREQ=SOMETIMES", dt.datetime(2026, 1, 1))
        assert error.value.messages == [
            "“FREQ=SOMETIMES” is not a valid RFC 5545 recurrence rule (e.g. FREQ=YEARLY): "
            "“SOMETIMES” is not a possible value of FREQ."
        ]
        with pytest.raises(ValidationError) as error:
            recurrence.parse_rule("FREQ=WEEKLY;EVERY=2", dt.datetime(2026, 1, 1))
        assert error.value.messages == [
            "“FREQ=WEEKLY;EVERY=2” is not a valid RFC 5545 recurrence rule (e.g. FREQ=YEARLY): "
            "a recurrence rule has no part called EVERY."
        ]
        with pytest.raises(ValidationError, match="is not a date: write exception dates as YYYY-MM-DD"):
            recurrence.parse_exception_dates("2026-01-01\n1 May")
    assert recurrence.parse_exception_dates("2026-05-01, 2026-01-01\n") == [
        dt.date(2026, 1, 1),
        dt.date(2026, 5, 1),
    ]
