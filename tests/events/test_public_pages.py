import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.test.utils import WagtailPageTestCase

from events import notices
from events.factories import EventPageFactory, MeetingPageFactory
from events.models import AgendaItem, EventIndexPage, EventPage, MeetingPage
from home.models import HomePage
from tests.events.conftest import local

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_parent_page_types(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(MeetingPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage, MeetingPage})


def test_index_page_shows_month_and_upcoming(client, calendar_index):
    # At noon, so that the entry never runs past midnight into a second day of the grid.
    start = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(days=2)
    EventPageFactory(parent=calendar_index, title="Festivali i verës", start=start)
    EventPageFactory(parent=calendar_index, title="Koncert i anuluar", start=start, status="cancelled")

    response = client.get(calendar_index.url)
    assert response.status_code == 200
    assert b"Festivali i ver\xc3\xabs" in response.content
    assert response.content.count(b"Koncert i anuluar") == 2  # in the month (or next) and upcoming
    assert b'href="/ical/calendar.ics"' in response.content
    assert client.get(calendar_index.url + "?year=2026&month=13").status_code == 200


def test_meeting_page_shows_agenda_and_materials(client, calendar_index, assembly):
    page = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e 5-të",
        organiser=assembly,
        session_number=5,
        start=local(2026, 12, 10, 10),
        materials_distributed_at=local(2026, 12, 3, 12),
        livestream_url="https://video.example/live",
    )
    page.agenda_items.add(AgendaItem(number="1", title="Miratimi i procesverbalit", rapporteur="Kryesuesi"))
    page.agenda_items.add(AgendaItem(number="2", title="Projektbuxheti 2027"))
    page.save_revision().publish()

    content = client.get(page.url).content.decode()
    assert content.index("Miratimi i procesverbalit") < content.index("Projektbuxheti 2027")
    assert "Kryesuesi" in content and "https://video.example/live" in content
    assert "/ical/body/kuvendi.ics" in content


def test_agenda_items_are_numbered_once(client, calendar_index, assembly):
    """The stored number ("2a") is printed, the position where there is none; the list adds no markers."""
    page = MeetingPageFactory(parent=calendar_index, organiser=assembly, start=local(2026, 12, 10, 10))
    for number, title in (
        ("1", "Miratimi i procesverbalit"),
        ("2a", "Projektbuxheti 2027"),
        ("", "Të ndryshme"),
    ):
        page.agenda_items.add(AgendaItem(number=number, title=title))
    page.save_revision().publish()

    content = client.get(page.url).content.decode()
    agenda = re.search(r'<ol class="agenda">(.*?)</ol>', content, re.DOTALL).group(1)
    items = [" ".join(strip_tags(item).split()) for item in re.findall(r"<li>(.*?)</li>", agenda, re.DOTALL)]
    assert items == ["1. Miratimi i procesverbalit", "2a. Projektbuxheti 2027", "3. Të ndryshme"]
    assert "value=" not in agenda
    stylesheet = Path(finders.find("css/site.css")).read_text()
    assert re.search(r"\.agenda\s*\{[^}]*list-style:\s*none", stylesheet)


def test_media_contacts_never_reach_public_outputs(
    client, calendar_index, assembly, contacts, django_capture_on_commit_callbacks
):
    page = EventPageFactory(
        parent=calendar_index,
        title="Takim publik",
        start=timezone.now() + dt.timedelta(days=3),
        organiser=assembly,
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mail.outbox) == 3  # the contacts were notified: they are in the database
    notices.send_due_notices()

    secrets = []
    for contact in contacts.values():
        secrets += [contact.email, contact.organisation.name, contact.name]
    urls = [
        calendar_index.url,
        page.url,
        "/ical/calendar.ics",
        "/ical/body/kuvendi.ics",
        "/ical/kind/public_meeting.ics",
        "/search/?query=Arta",
        "/search/?query=rtk.example",
        "/search/?query=Takim",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for secret in secrets:
            assert secret not in content, (url, secret)


@pytest.mark.parametrize(
    "url", ["/ical/calendar.ics", "/ical/body/kuvendi.ics", "CALENDAR?year=2026&month=12"]
)
def test_calendar_outputs_query_count_stays_flat(
    client, calendar_index, assembly, hall, budget_topic, url, django_assert_max_num_queries
):
    for day in range(1, 21):
        page = EventPageFactory(parent=calendar_index, start=local(2026, 12, day, 10), place=hall)
        page.topics.add(budget_topic)
        page.save()
        MeetingPageFactory(parent=calendar_index, organiser=assembly, start=local(2026, 12, day, 12))
    # 20 for the calendar, 4 for the menu, footer, contact and social links of every page.
    with django_assert_max_num_queries(24):
        response = client.get(url.replace("CALENDAR", calendar_index.url))
    assert response.status_code == 200


def test_restricted_events_stay_out_of_the_calendar_and_the_feeds(client, calendar_index):
    """The HTML calendar and the iCal feeds show what an anonymous visitor may see, like the API."""
    from wagtail.models import PageViewRestriction

    start = timezone.now() + dt.timedelta(days=2)
    EventPageFactory(parent=calendar_index, title="Koncert publik", start=start)
    closed = EventPageFactory(parent=calendar_index, title="Takim i mbyllur", start=start)
    PageViewRestriction.objects.create(page=closed, restriction_type="password", password="sekret")

    html = client.get(calendar_index.url).content.decode()
    feed = client.get("/ical/calendar.ics").content.decode()
    for output in (html, feed):
        assert "Koncert publik" in output
        assert "Takim i mbyllur" not in output


def test_a_postponed_event_says_when_it_was_first_planned(client, calendar_index):
    page = EventPageFactory(
        parent=calendar_index,
        title="Festivali i shtyrë",
        start=local(2026, 12, 10, 18),
        status="postponed",
        original_start=local(2026, 12, 3, 18),
    )
    with translation.override("sq"):
        first_planned = date_format(timezone.localtime(page.original_start), "DATETIME_FORMAT")
        expected = translation.gettext("(originally %(start)s)") % {"start": first_planned}
    assert expected in client.get(page.url).content.decode()
