"""A request for access to public documents from the site to the answer, in real browsers.

A citizen writes in Serbian (the page solves its proof-of-work) and receives the
acknowledgement in Serbian from a real SMTP server; the head of office, whose
admin is in Albanian, assigns it in the inbox to an official of a department; the
official, who sees only what is routed to them, writes and sends the reply,
which reaches the citizen in Serbian; the citizen's status page then says
"answered" with the published reply and nothing personal.
"""

import email
import email.header
import importlib
import re
from email import policy

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from citizens.models import DepartmentOfficial, Message
from citizens.submission import submit
from home.models import Department
from tests.events.smtp import Recorder, smtp_server

from .test_admin_languages_journey import SCREENSHOTS, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CITIZEN = {
    "name": "Милица Петровић",
    "email": "milica@example.org",
    "subject": "Записник седнице Скупштине",
    "text": "Молим копију записника са седнице Скупштине општине од 12. марта.",
}
REPLY = "Записник је објављен на сајту општине; копију вам шаљемо у прилогу."
PASSWORD = "sekret-123"


def in_language(language, message):
    with translation.override(language):
        return translation.gettext(message)


def mail_of(envelope):
    return email.message_from_bytes(envelope.content, policy=policy.default)


def subject_of(envelope):
    # Django folds a long encoded subject onto a second line; its folding space is not the subject's.
    header = email.message_from_bytes(envelope.content)["Subject"]
    return str(email.header.make_header(email.header.decode_header(header)))


def seed_from_migrations():
    """A transactional test before this one flushed the kinds and groups the migrations create."""
    importlib.import_module("citizens.migrations.0002_default_kinds").create_kinds(apps, None)
    importlib.import_module("citizens.migrations.0004_inbox_groups").create(apps, None)


@pytest.fixture
def staff(django_user_model):
    seed_from_migrations()
    urbanism = Department.objects.create(
        name="Drejtoria për Urbanizëm",
        name_sq="Drejtoria për Urbanizëm",
        name_sr="Дирекција за урбанизам",
        slug="urbanism",
    )
    education = Department.objects.create(
        name="Drejtoria për Arsim",
        name_sq="Drejtoria për Arsim",
        name_sr="Дирекција за образовање",
        slug="arsim",
    )

    def person(username, group, first_name, last_name):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "sq"
        profile.save()
        return user

    head = person("shefi", "Head of office", "Arben", "Krasniqi")
    official = person("besnik", "Officials", "Besnik", "Gashi")
    DepartmentOfficial.objects.create(user=official, department=urbanism)
    teacher = person("drita", "Officials", "Drita", "Berisha")
    DepartmentOfficial.objects.create(user=teacher, department=education)
    return {"head": head, "official": official, "urbanism": urbanism, "education": education}


def admin_screenshot(page, name, height=1200):
    """docs/screenshots/<name>: the admin page from its top, in a window tall enough for the whole form."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.mouse.move(0, 0)
    size = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": height})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=SCREENSHOTS / name)
    page.set_viewport_size(size)


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def save(page):
    with page.expect_navigation():
        page.click("footer button[type=submit].button-longrunning")


def test_a_request_for_public_documents_from_the_site_to_the_answer(page, live_server, site, staff, settings):
    settings.CITIZENS_PROOF_OF_WORK = True
    settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER = 20_000
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with smtp_server(Recorder()) as sink:
        # Another request, routed to another department: not the official's to see.
        other = submit(
            {
                "kind": "access_to_documents",
                "subject": "Buxheti i shkollave",
                "text": "...",
                "department": staff["education"].pk,
            },
            language="sq",
        ).message

        # 1. The citizen writes in Serbian; the page solves the proof-of-work and sends the form.
        page.goto(f"{live_server.url}/sr/citizens/")
        page.select_option("#id_kind", "access_to_documents")
        page.fill("#id_subject", CITIZEN["subject"])
        page.fill("#id_text", CITIZEN["text"])
        page.fill("#id_name", CITIZEN["name"])
        page.fill("#id_email", CITIZEN["email"])
        screenshot(page, "citizens-request-sr.png")
        page.click("button[type=submit]")
        expect(page).to_have_url(
            re.compile(r"/sr/citizens/status/\?code=[0-9A-Z]{4}-[0-9A-Z]{4}&received=1$")
        )
        message = Message.objects.exclude(pk=other.pk).get()
        code = message.tracking_code
        assert message.kind.code == "access_to_documents" and message.language == "sr"
        expect(page.locator("[role=status]")).to_contain_text(code)
        expect(page.locator(".citizen-status")).to_contain_text(in_language("sr", "New"))
        screenshot(page, "citizens-request-received-sr.png")

        # The acknowledgement, in Serbian, from the SMTP server.
        assert [envelope.rcpt_tos for envelope in sink.messages] == [[CITIZEN["email"]]]
        acknowledgement = mail_of(sink.messages[0])
        with translation.override("sr"):
            expected_subject = translation.gettext("We have received your message: %(code)s") % {"code": code}
        assert expected_subject != f"We have received your message: {code}"
        assert subject_of(sink.messages[0]) == expected_subject
        body = acknowledgement.get_body(preferencelist=("plain",)).get_content()
        assert code in body and in_language("sr", "Tracking code") in body
        assert f"/sr/citizens/status/?code={code}" in body

        # 2. The head of office opens the inbox (in Albanian) and assigns the request.
        log_in(page, live_server, "shefi")
        page.goto(f"{live_server.url}{reverse('citizen_messages:index')}")
        row = page.locator("tr", has_text=code)
        expect(row).to_contain_text(CITIZEN["subject"])
        expect(row).to_contain_text(in_language("sq", "New"))
        expect(page.locator("main table tbody")).to_contain_text(other.tracking_code)
        admin_screenshot(page, "citizens-inbox-sq.png", height=600)
        row.get_by_role("link", name=code).click()
        page.wait_for_url(f"**{reverse('citizen_messages:edit', args=[message.pk])}")
        expect(page.locator("main")).to_contain_text(CITIZEN["text"])
        page.select_option("#id_assigned_department", str(staff["urbanism"].pk))
        # The departments' officials by name, not every user of the admin by login.
        expect(page.locator("#id_assigned_official option")).to_have_text(
            ["---------", "Besnik Gashi (Drejtoria për Urbanizëm)", "Drita Berisha (Drejtoria për Arsim)"]
        )
        expect(page.locator("main")).not_to_contain_text("False")  # the urgent flag, in words
        page.select_option("#id_assigned_official", str(staff["official"].pk))
        page.fill("#id_internal_note", "Ju lutem përgatitni procesverbalin.")
        admin_screenshot(page, "citizens-inbox-assign.png", height=2300)
        save(page)
        message.refresh_from_db()
        assert message.status == Message.Status.ASSIGNED
        assert (message.assigned_department, message.assigned_official) == (
            staff["urbanism"],
            staff["official"],
        )
        assert message.status_changes.get(to_status=Message.Status.ASSIGNED).changed_by == staff["head"]

        # 3. The official sees the message routed to them, writes the reply, publishes it and sends it.
        log_in(page, live_server, "besnik")
        page.goto(f"{live_server.url}{reverse('citizen_messages:index')}")
        expect(page.locator("main table tbody")).not_to_contain_text(other.tracking_code)
        page.locator("tr", has_text=code).get_by_role("link", name=code).click()
        page.wait_for_url(f"**{reverse('citizen_messages:edit', args=[message.pk])}")
        # What the head of office asked for, in the history.
        expect(page.locator(".citizens-history")).to_contain_text("Ju lutem përgatitni procesverbalin.")
        expect(page.locator(".citizens-history")).to_contain_text("Arben Krasniqi")
        page.fill("#id_reply", REPLY)
        page.check("#id_reply_is_public")
        page.check("#id_send_reply")
        admin_screenshot(page, "citizens-official-reply.png", height=2300)
        save(page)
        message.refresh_from_db()
        assert message.status == Message.Status.ANSWERED and message.replied_at
        assert message.reply_sent_at

        assert len(sink.messages) == 2
        reply = mail_of(sink.messages[1])
        assert reply["To"] == CITIZEN["email"]
        with translation.override("sr"):
            expected_subject = translation.gettext("Answer to your message %(code)s") % {"code": code}
        assert expected_subject != f"Answer to your message {code}"
        assert subject_of(sink.messages[1]) == expected_subject
        body = reply.get_body(preferencelist=("plain",)).get_content()
        assert REPLY in body and f"{CITIZEN['name']}," in body

        # 4. The citizen looks the code up: answered, the published reply, nothing personal.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/sr/citizens/status/")
        page.fill("#tracking-code", code)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        status = page.locator(".citizen-status")
        expect(status).to_contain_text(in_language("sr", "Answered"))
        expect(status).to_contain_text(REPLY)
        screenshot(page, "citizens-status-answered-sr.png")
        content = page.content()
        for personal in ("name", "email", "text"):
            assert CITIZEN[personal] not in content
        assert "Ju lutem" not in content  # the internal note neither
