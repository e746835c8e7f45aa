"""The Serbian iCal feeds in Latin script (sr-latn/...)."""

import pytest
from icalendar import Calendar

from events.factories import MeetingPageFactory
from tests.events.conftest import local
from tests.frontend_api.conftest import translate_page
from translations.transliteration import to_latin

pytestmark = pytest.mark.django_db


@pytest.fixture
def serbian_session(calendar_index, assembly, hall, locales, home_pages):
    assembly.name_sr = "Скупштина општине"
    assembly.save()
    hall.name_sr, hall.address_sr = "Сала Скупштине", "Трг слободе 1"
    hall.save()
    session = MeetingPageFactory(
        parent=calendar_index,
        title="Mbledhja e 5-të",
        slug="mbledhja-5",
        organiser=assembly,
        place=hall,
        start=local(2026, 12, 10, 10),
        end=local(2026, 12, 10, 14),
        online_url="https://пример.example/уживо",
    )
    session.save_revision().publish()
    translate_page(calendar_index, locales["sr"], "Календар", "kalendar")
    translated = translate_page(session, locales["sr"], "Пета седница Скупштине општине", "sednica-5")
    translated.summary = "Дневни ред: буџет"
    translated.body = []
    translated.save_revision().publish()
    return translated


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.mark.parametrize(
    "url",
    ["/sr/ical/sr-latn/calendar.ics", "/ical/sr-latn/calendar.ics", "/sr/ical/sr-latn/body/kuvendi.ics"],
)
def test_latin_feeds_transliterate_every_text(client, serbian_session, url):
    [event] = events_of(client.get(url))
    assert str(event["summary"]) == "Peta sednica Skupštine opštine"
    assert str(event["description"]) == "Dnevni red: budžet"
    assert str(event["location"]) == "Sala Skupštine, Trg slobode 1 (https://пример.example/уживо)"
    assert event["organizer"].params["CN"] == "Skupština opštine"
    assert "/sr/kalendar/sednica-5/" in str(event["url"])


def test_the_cyrillic_feed_is_unchanged_and_matches(client, serbian_session):
    [cyrillic] = events_of(client.get("/sr/ical/calendar.ics"))
    [latin] = events_of(client.get("/sr/ical/sr-latn/kind/meeting.ics"))
    assert str(cyrillic["summary"]) == "Пета седница Скупштине општине"
    assert str(latin["summary"]) == to_latin(str(cyrillic["summary"]))
    assert str(latin["uid"]) == str(cyrillic["uid"])
    assert client.get("/sr/ical/sr-latn/kind/nothing.ics").status_code == 404
