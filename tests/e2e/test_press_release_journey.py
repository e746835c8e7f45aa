"""A press release: the head of office publishes a news item marked so, in the Albanian admin, and sees
on the media notices' dashboard that the Serbian journalists got it in Serbian, each in their script.

The Serbian translation is made between the draft and the publication (the translator's part is
the translation journey's); the e-mails go through a real SMTP server on 127.0.0.1.
"""

import email
import email.policy
import re

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from events.factories import MediaContactFactory
from events.models import MediaNotice
from home.editorial import HEAD_OF_OFFICE, ensure_editorial_setup
from home.factories import NewsIndexPageFactory
from home.localization import translate_with
from home.models import NewsPage
from tests.events.smtp import Recorder, smtp_server

from .conftest import open_footer_actions, users_in_groups

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
TITLE = "Kuvendi komunal miratoi buxhetin për vitin 2027"
SUMMARY = "Buxheti i vitit 2027 u miratua me 25 vota pro."
SERBIAN = {
    "title": "Скупштина општине усвојила буџет за 2027. годину",
    "summary": "Буџет за 2027. годину усвојен је са 25 гласова за.",
}


@pytest.fixture
def news_index(home_pages):
    index = NewsIndexPageFactory(parent=home_pages["sq"])
    translate_with(index, "sr", lambda text, path: {"slug": "vesti", "title": "Вести"}.get(path))
    ensure_editorial_setup()
    return index


@pytest.fixture
def head(news_index, django_user_model):
    group = Group.objects.get(name=HEAD_OF_OFFICE)
    # What migration events.0002 grants the group; a transactional test starts without it.
    group.permissions.add(
        Permission.objects.get(content_type__app_label="events", codename="view_medianotice")
    )
    user = users_in_groups(django_user_model, (("shefi", HEAD_OF_OFFICE),))["shefi"]
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language="sq")
    return user


@pytest.fixture
def journalists(db):
    return {
        "sr": MediaContactFactory(person="Марко Петровић", email="marko@rtv.example", language="sr"),
        "sr-latn": MediaContactFactory(person="Jelena Jović", email="jelena@kim.example", language="sr-latn"),
        "sq": MediaContactFactory(person="Arta Krasniqi", email="arta@rtk.example", language="sq"),
    }


def received(recorder):
    """{recipient: parsed message} of what the SMTP server accepted."""
    messages = {}
    for envelope in recorder.messages:
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        for address in envelope.rcpt_tos:
            messages[address] = message
    return messages


def test_press_release_reaches_serbian_journalists_in_serbian(
    page, live_server, admin_login, news_index, head, journalists
):
    # 1. The head of office writes the news item in the Albanian admin and ticks the press release box.
    admin_login(username="shefi")
    page.goto(f"{live_server.url}/admin/pages/add/home/newspage/{news_index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    box = page.locator("#id_send_as_press_release")
    expect(page.locator("label[for=id_send_as_press_release]")).to_contain_text("komunikatë për shtyp")
    box.check()
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()  # the main action: save the draft
    item = NewsPage.objects.get(title=TITLE)
    assert item.send_as_press_release and not item.live
    assert not MediaNotice.objects.exists()

    # 2. The Serbian translation is made from the draft and published.
    translate_with(item.get_latest_revision_as_object(), "sr", lambda text, path: SERBIAN.get(path))

    # 3. She publishes it: the release goes out at once, through a real SMTP server.
    with smtp_server(Recorder()) as recorder:
        page.goto(f"{live_server.url}/admin/pages/{item.pk}/edit/")
        open_footer_actions(page)
        with page.expect_navigation():
            page.click("button[name=action-publish]")
        expect(page.locator(".messages")).to_contain_text(TITLE)

        # 4. The media notices' dashboard shows who got it, in which language, with which subject.
        page.goto(f"{live_server.url}/admin/media-notices/")
        sent = page.locator("#notices-sent")
        expect(sent).to_contain_text(TITLE)
        expect(sent).to_contain_text("Komunikatë për shtyp")
        cyrillic = sent.locator("li.delivery[data-language=sr]")
        expect(cyrillic).to_contain_text("marko@rtv.example")
        expect(cyrillic).to_contain_text(SERBIAN["title"])
        latin = sent.locator("li.delivery[data-language=sr-latn]")
        expect(latin).to_contain_text("jelena@kim.example")
        expect(latin).to_contain_text("Skupština opštine usvojila budžet za 2027. godinu")
        expect(sent.locator("li.delivery[data-language=sq]")).to_contain_text(TITLE)
        sent.scroll_into_view_if_needed()
        page.screenshot(path="docs/screenshots/press-release-delivered-sq.png", full_page=True)

    messages = received(recorder)
    assert sorted(messages) == ["arta@rtk.example", "jelena@kim.example", "marko@rtv.example"]
    marko = messages["marko@rtv.example"]
    assert marko["Content-Language"] == "sr"
    assert SERBIAN["title"] in marko["Subject"]
    body = marko.get_body(preferencelist=("plain",)).get_content()
    assert SERBIAN["summary"] in body and "/sr/vesti/" in body
    assert TITLE not in body
    jelena = messages["jelena@kim.example"]
    latin_text = jelena["Subject"] + jelena.get_body(preferencelist=("plain",)).get_content()
    assert not CYRILLIC.search(latin_text)
    assert "/sr-latn/vesti/" in latin_text
    notice = MediaNotice.objects.get(page=item)
    assert notice.kind == MediaNotice.Kind.PRESS_RELEASE and notice.status == MediaNotice.Status.SENT
    assert notice.deliveries.filter(sent_at__isnull=False).count() == 3
