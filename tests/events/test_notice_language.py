"""A media notice in its contact's language: dates, the page in that language, its materials, links.

Sent through the real SMTP client to a local server where it matters that the text
survives the trip (the Serbian Latin notice); the others are read from mail.outbox.
"""

import datetime as dt
import email
import email.policy
import re

import pytest
import time_machine
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model

from events import notices
from events.factories import MediaContactFactory, MeetingPageFactory
from events.models import MediaNotice, MeetingMaterial
from home.localization import translate_with
from tests.events.conftest import local
from tests.events.smtp import Recorder, smtp_server

pytestmark = pytest.mark.django_db

NOW = local(2026, 11, 25, 9, 0)
START = local(2026, 12, 1, 10, 0)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LINK = re.compile(r"https?://[^\s)]+")


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def elsewhere(site):
    """The site on a host and port of its own: every link must say so."""
    site.hostname, site.port = "komuna.test", 8080
    site.save()
    return site


@pytest.fixture
def latin_contact(contacts):
    return MediaContactFactory(
        outlet="Kosovo Online", person="Jelena Jović", email="jelena@ko.example", language="sr-latn"
    )


@pytest.fixture
def budget(db):
    documents = get_document_model()
    source = documents.objects.create(
        title="Projektbuxheti 2027", language="sq", file=ContentFile(b"%PDF-1.4 sq", name="buxheti.pdf")
    )
    serbian = documents.objects.create(
        title="Нацрт буџета 2027",
        language="sr",
        original=source,
        file=ContentFile(b"%PDF-1.4 sr", name="budzet.pdf"),
    )
    return source, serbian


@pytest.fixture
def meeting(elsewhere, calendar_index, assembly, budget, contacts, latin_contact, captured):
    page = MeetingPageFactory(
        parent=calendar_index,
        title="Seanca e Kuvendit",
        organiser=assembly,
        start=START,
        end=START + dt.timedelta(hours=2),
        materials_distributed_at=NOW + dt.timedelta(days=1),
        live=False,
    )
    page.materials.add(MeetingMaterial(document=budget[0]))
    with captured(execute=True):
        page.save_revision().publish()
        translate_with(calendar_index, "sr", lambda text, path: "kalendar" if path == "slug" else None)
        translate_with(page, "sr", lambda text, path: "Седница Скупштине" if path == "title" else None)
    # No English translation: the English contact gets the Albanian page, with a note.
    return page


@pytest.fixture
def captured(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def deliver(meeting):
    notice = MediaNotice.objects.get(page=meeting, kind="materials")
    mail.outbox.clear()
    assert notices.deliver_notice(notice.pk, now=notice.due_at) == "sent"
    return {message.extra_headers["Content-Language"]: message for message in mail.outbox}


def test_dates_pages_and_materials_in_each_contacts_language(meeting, budget):
    source, serbian = budget
    by_language = deliver(meeting)
    assert sorted(by_language) == ["en", "sq", "sr", "sr-latn"]

    albanian = by_language["sq"]
    assert "1 dhjetor 2026, 10:00–12:00" in albanian.body
    assert albanian.subject.endswith("Seanca e Kuvendit – 1 dhjetor 2026, 10:00")
    assert f"- Projektbuxheti 2027: http://komuna.test:8080{source.url}" in albanian.body

    cyrillic = by_language["sr"]
    assert "1. децембар 2026. у 10:00–12:00" in cyrillic.body
    assert "Седница Скупштине" in cyrillic.subject
    assert f"- Нацрт буџета 2027: http://komuna.test:8080{serbian.url}" in cyrillic.body
    assert "http://komuna.test:8080/sr/kalendar/" in cyrillic.body

    english = by_language["en"]
    with translation.override("en"):
        assert "Dec. 1, 2026, 10 a.m.–noon" in english.body
        assert "Seanca e Kuvendit" in english.subject
        # The Albanian page and the Albanian document, each saying it is in Albanian.
        assert re.search(r"http://komuna\.test:8080/\S+ \(only in Albanian\)\n", english.body)
        assert (
            f"- Projektbuxheti 2027 (only in Albanian): http://komuna.test:8080{source.url}" in english.body
        )


def test_serbian_latin_notice_over_smtp(meeting, budget):
    _source, serbian = budget
    with smtp_server(Recorder()) as server:
        deliver(meeting)
    assert len(server.messages) == 4
    envelope = next(m for m in server.messages if m.rcpt_tos == ["jelena@ko.example"])
    received = email.message_from_bytes(envelope.content, policy=email.policy.default)
    body = received.get_body().get_content()
    assert received["Content-Language"] == "sr-latn"
    assert not CYRILLIC.search(str(received["Subject"]) + body)
    assert "Sednica Skupštine" in received["Subject"]
    assert "1. decembar 2026. u 10:00–12:00" in body
    assert f"- Nacrt budžeta 2027: http://komuna.test:8080{serbian.url}" in body
    assert "http://komuna.test:8080/sr-latn/kalendar/" in body


def test_every_link_uses_the_sites_host_and_port(meeting):
    for message in deliver(meeting).values():
        links = LINK.findall(message.body)
        assert links, message.body
        assert all(link.startswith("http://komuna.test:8080/") for link in links), links
        assert "localhost" not in message.body


def test_private_materials_are_not_linked(meeting, budget):
    from wagtail.models import Collection, CollectionViewRestriction

    source, serbian = budget
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    serbian.collection = private
    serbian.save()
    by_language = deliver(meeting)
    # The Serbian version is private: the Serbian contact gets the public Albanian one, with a note.
    with translation.override("sr"):
        note = notices.other_language_note(source.get_language_display())
    assert f"- Projektbuxheti 2027 ({note}): http://komuna.test:8080{source.url}" in by_language["sr"].body
    assert serbian.url not in by_language["sr"].body
