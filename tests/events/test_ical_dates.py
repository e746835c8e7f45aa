"""Dates written out in iCal descriptions follow the feed's language (cms/formats/)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from events.factories import EventPageFactory
from events.models import EventPage
from tests.events.conftest import local
from tests.frontend_api.conftest import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def postponed(calendar_index, locales, home_pages):
    page = EventPageFactory(
        parent=calendar_index,
        title="Takim publik",
        slug="takim-publik",
        start=local(2026, 12, 8, 18),
        end=local(2026, 12, 8, 20),
        status=EventPage.Status.POSTPONED,
        original_start=local(2026, 12, 1, 10),
        summary="",
        body=[],
    )
    page.save_revision().publish()
    translate_page(calendar_index, locales["sr"], "Календар", "kalendar")
    translate_page(calendar_index, locales["en"], "Calendar", "calendar")
    translate_page(page, locales["sr"], "Јавни састанак", "javni-sastanak")
    translate_page(page, locales["en"], "Public meeting", "public-meeting")
    return page


@pytest.mark.parametrize(
    ("url", "language", "date"),
    [
        ("/ical/calendar.ics", "sq", "1 dhjetor 2026, 10:00"),
        ("/sr/ical/calendar.ics", "sr", "1. децембар 2026. у 10:00"),
        ("/ical/sr-latn/calendar.ics", "sr-latn", "1. decembar 2026. u 10:00"),
        ("/en/ical/calendar.ics", "en", "Dec. 1, 2026, 10 a.m."),
    ],
)
def test_a_postponed_event_says_when_it_was_first_due(client, postponed, url, language, date):
    response = client.get(url)
    assert response.status_code == 200
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    with translation.override(language):
        expected = f"{EventPage.Status.POSTPONED.label} ({gettext('originally')} {date})"
    assert str(event["DESCRIPTION"]) == expected
