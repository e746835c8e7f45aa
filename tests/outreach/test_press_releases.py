"""Press releases: a news item or announcement marked so goes to the media once, in each one's language."""

import re
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction

from events import notices
from events.factories import MediaContactFactory
from events.models import MediaNotice, NoticeDelivery
from home.factories import AnnouncementIndexPageFactory, NewsIndexPageFactory, NewsPageFactory
from home.localization import translate_with
from home.models import AnnouncementPage
from outreach import press
from outreach.factories import ContactFactory
from tests.events.smtp import Recorder, smtp_server
from translations.gate import allowing

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture
def data_after_flush(locales):
    """What an earlier transactional test's flush removed: the trees' roots."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sq"]))


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def media(db):
    return {
        "sq": MediaContactFactory(person="Arta Krasniqi", email="arta@rtk.example", language="sq"),
        "sr": MediaContactFactory(person="Марко Петровић", email="marko@rg.example", language="sr"),
        "sr-latn": MediaContactFactory(person="Jelena Jović", email="jelena@ko.example", language="sr-latn"),
        "en": MediaContactFactory(
            person="Jane Doe", email="jane@bi.example", language="en", scope="international"
        ),
    }


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


def news_item(parent, **fields):
    fields.setdefault("send_as_press_release", True)
    return NewsPageFactory(parent=parent, live=False, **fields)


def release_of(page):
    return MediaNotice.objects.get(page=page, kind=MediaNotice.Kind.PRESS_RELEASE)


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_each_contact_gets_it_in_their_language_and_script(
    news_index, media, budget, django_capture_on_commit_callbacks
):
    source, serbian = budget
    page = news_item(
        news_index,
        title="Kuvendi miratoi buxhetin",
        summary="Buxheti i vitit 2027 u miratua.",
        body=[{"type": "document", "value": {"document": source.pk, "title": ""}}],
    )
    # Published without running the queue: the Serbian translation is live before it goes out.
    page.save_revision().publish()
    titles = {"title": "Скупштина усвојила буџет", "summary": "Буџет за 2027. годину је усвојен."}
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(news_index, "sr", lambda text, path: "vesti" if path == "slug" else None)
        translate_with(page, "sr", lambda text, path: titles.get(path))
    notice = release_of(page)
    mail.outbox.clear()

    assert notices.deliver_notice(notice.pk, now=notice.due_at) == MediaNotice.Status.SENT

    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert sorted(by_language) == ["en", "sq", "sr", "sr-latn"]
    albanian = by_language["sq"]
    assert "Kuvendi miratoi buxhetin" in albanian.subject
    assert "Buxheti i vitit 2027 u miratua." in albanian.body
    assert f"- Projektbuxheti 2027: http://localhost{source.url}" in albanian.body
    assert "përkthim" not in albanian.body.casefold()

    cyrillic = by_language["sr"]
    assert "Скупштина усвојила буџет" in cyrillic.subject
    assert "Буџет за 2027. годину је усвојен." in cyrillic.body
    assert f"- Нацрт буџета 2027: http://localhost{serbian.url}" in cyrillic.body
    assert "/sr/vesti/" in cyrillic.body

    latin = by_language["sr-latn"]
    assert not CYRILLIC.search(latin.subject + latin.body)
    assert "Skupština usvojila budžet" in latin.subject
    assert "- Nacrt budžeta 2027: " in latin.body
    assert "/sr-latn/vesti/" in latin.body

    # No English translation: the Albanian text, with a note in English that one will follow.
    english = by_language["en"]
    assert "Kuvendi miratoi buxhetin" in english.subject
    with translation.override("en"):
        note = press.translation_note("Albanian")
    assert note == "A translation will follow; this is the original text in Albanian."
    assert f"({note})" in english.body
    assert f"- Projektbuxheti 2027 (only in Albanian): http://localhost{source.url}" in english.body
    assert NoticeDelivery.objects.filter(notice=notice, sent_at__isnull=False).count() == 4
    # The audit keeps what each one got.
    subjects = dict(NoticeDelivery.objects.filter(notice=notice).values_list("language", "subject"))
    assert subjects == {language: message.subject for language, message in by_language.items()}


@pytest.mark.django_db
def test_the_note_is_in_the_contacts_language(news_index, media):
    page = news_item(news_index, title="Lajm vetëm shqip")
    page.save_revision().publish()
    notice = release_of(page)
    notices.deliver_notice(notice.pk, now=notice.due_at)
    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    with translation.override("sr"):
        cyrillic_note = press.translation_note(page.locale.get_display_name())
    assert CYRILLIC.search(cyrillic_note)
    assert cyrillic_note in by_language["sr"].body
    assert not CYRILLIC.search(by_language["sr-latn"].body)


@pytest.mark.django_db
def test_on_publication_it_goes_to_those_who_follow_its_topic_once(
    news_index, media, budget_topic, communities_topic, django_capture_on_commit_callbacks
):
    media["sq"].topics.add(budget_topic)
    media["sr"].topics.add(communities_topic)
    ContactFactory(kind="civil_society", email="ojq@example.org")
    page = news_item(news_index)
    page.topics.add(budget_topic)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # The one who follows the topic and those who follow nothing; not the other topic, not civil society.
    assert sent_to() == ["arta@rtk.example", "jane@bi.example", "jelena@ko.example"]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert mail.outbox == []
    assert MediaNotice.objects.filter(page=page).count() == 1
    assert release_of(page).status == MediaNotice.Status.SENT


@pytest.mark.django_db
def test_an_announcement_without_topics_goes_to_every_media_contact(
    home_page, media, communities_topic, django_capture_on_commit_callbacks
):
    media["sr"].topics.add(communities_topic)
    index = AnnouncementIndexPageFactory(parent=home_page)
    page = index.add_child(
        instance=AnnouncementPage(
            title="Njoftim për media", slug="njoftim", send_as_press_release=True, live=False
        )
    )
    # An official act: published without its Serbian translation, as the head of office may.
    with django_capture_on_commit_callbacks(execute=True), allowing(page.translation_key):
        page.save_revision().publish()
    assert sent_to() == sorted(contact.email for contact in media.values())
    english = next(message for message in mail.outbox if message.to == ["jane@bi.example"])
    assert english.subject == "[Press release] Njoftim për media"


@pytest.mark.django_db
def test_no_email_for_a_draft_or_an_unticked_page(news_index, media, django_capture_on_commit_callbacks):
    draft = news_item(news_index)
    unticked = news_item(news_index, send_as_press_release=False)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision()
        unticked.save_revision().publish()
    assert mail.outbox == []
    assert not MediaNotice.objects.exists()


@pytest.mark.django_db
def test_no_email_for_a_restricted_page(news_index, media, django_capture_on_commit_callbacks):
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    page = news_item(news_index)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert mail.outbox == []
    assert not MediaNotice.objects.exists()


@pytest.mark.django_db
def test_made_private_before_it_goes_out_it_is_cancelled(news_index, media):
    page = news_item(news_index)
    page.save_revision().publish()
    notice = release_of(page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert notices.deliver_notice(notice.pk, now=notice.due_at) == MediaNotice.Status.CANCELLED
    assert mail.outbox == []


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Concurrent workers need PostgreSQL (set DATABASE_URL).",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_database
def test_exactly_once_with_two_concurrent_workers(data_after_flush, news_index, media):
    page = news_item(news_index)
    # The test settings' queue sends it at once on publication: start again from scheduled.
    page.save_revision().publish()
    notice = release_of(page)
    NoticeDelivery.objects.filter(notice=notice).delete()
    MediaNotice.objects.filter(pk=notice.pk).update(status=MediaNotice.Status.SCHEDULED, attempts=0)
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(notices.deliver_notice(notice.pk, now=notice.due_at))
        finally:
            connection.close()

    with smtp_server(Recorder()) as server:
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert sorted(results, key=str) == [None, "sent"]
    assert sorted(envelope.rcpt_tos[0] for envelope in server.messages) == sorted(
        contact.email for contact in media.values()
    )
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (MediaNotice.Status.SENT, 1)
