"""The law's clocks: days, working days (weekends and holidays skipped), 48 hours when urgent."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from citizens import clocks
from citizens.models import Kind

BELGRADE = ZoneInfo("Europe/Belgrade")
FRIDAY_EVENING = datetime.datetime(2026, 11, 27, 18, 30, tzinfo=BELGRADE)

pytestmark = pytest.mark.django_db


def test_the_seeded_kinds_carry_the_laws_clocks(kinds):
    assert set(kinds) == {
        "question",
        "complaint",
        "suggestion",
        "publication",
        "access_to_documents",
        "media",
    }
    documents = kinds["access_to_documents"]
    assert (documents.clock, documents.clock_length) == (Kind.Clock.DAYS, 7)
    assert documents.forward_within_working_days == 5
    assert documents.urgent_within_hours == 48
    assert (documents.name_sq, documents.name_sr, documents.name_en) == (
        "Kërkesë për qasje në dokumente publike",
        "Захтев за приступ јавним документима",
        "Request for access to public documents",
    )
    assert clocks.due_at(kinds["question"], FRIDAY_EVENING) is None


def test_calendar_days_count_weekends(kinds):
    assert clocks.due_at(kinds["access_to_documents"], FRIDAY_EVENING) == datetime.datetime(
        2026, 12, 4, 18, 30, tzinfo=BELGRADE
    )


def test_urgent_requests_are_due_in_48_hours_whatever_the_day(kinds, settings):
    settings.CITIZENS_HOLIDAYS = ["2026-11-28", "2026-11-29"]
    due = clocks.due_at(kinds["access_to_documents"], FRIDAY_EVENING, urgent=True)
    assert due == datetime.datetime(2026, 11, 29, 18, 30, tzinfo=BELGRADE)
    # A kind without an urgent procedure keeps its own clock.
    assert clocks.due_at(kinds["question"], FRIDAY_EVENING, urgent=True) is None


def test_forwarding_counts_working_days(kinds, settings):
    settings.CITIZENS_HOLIDAYS = []
    # Friday + 5 working days: Monday..Friday of the next week.
    assert clocks.forward_due_at(kinds["access_to_documents"], FRIDAY_EVENING) == datetime.datetime(
        2026, 12, 4, 18, 30, tzinfo=BELGRADE
    )


def test_working_days_skip_the_holidays_in_settings(kinds, settings):
    settings.CITIZENS_HOLIDAYS = ["2026-11-30", "2026-12-01"]
    assert clocks.forward_due_at(kinds["access_to_documents"], FRIDAY_EVENING) == datetime.datetime(
        2026, 12, 8, 18, 30, tzinfo=BELGRADE
    )


def test_a_kind_on_working_days(kinds, settings):
    settings.CITIZENS_HOLIDAYS = ["2026-12-01"]
    kind = kinds["complaint"]
    kind.clock, kind.clock_length = Kind.Clock.WORKING_DAYS, 2
    # Friday → Monday, (Tuesday is a holiday) → Wednesday.
    assert clocks.due_at(kind, FRIDAY_EVENING) == datetime.datetime(2026, 12, 2, 18, 30, tzinfo=BELGRADE)


def test_holidays_default_to_the_translation_holidays():
    from django.conf import settings

    assert settings.CITIZENS_HOLIDAYS == settings.TRANSLATION_HOLIDAYS
