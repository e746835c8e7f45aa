"""A citizen writes to the municipality in a real browser: the page solves its proof-of-work with our
own script under the Content-Security-Policy, and the message is stored with a tracking code."""

import re

import pytest
from playwright.sync_api import expect

from citizens.models import Kind, Message

from .test_csp import COLLECT_VIOLATIONS, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_complaint_sent_from_the_form_solves_the_challenge_in_the_page(page, live_server, site, settings):
    settings.CITIZENS_PROOF_OF_WORK = True
    settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER = 20_000
    # A transactional test may start after another flushed the kinds the migration seeds.
    Kind.objects.get_or_create(
        code="complaint",
        defaults={"name": "Ankesë", "name_sq": "Ankesë", "name_en": "Complaint or report of a problem"},
    )
    page.add_init_script(COLLECT_VIOLATIONS)
    page.csp_console = []
    page.on(
        "console",
        lambda message: "Content-Security-Policy" in message.text and page.csp_console.append(message.text),
    )
    page.goto(f"{live_server.url}/en/citizens/")
    page.select_option("#id_kind", "complaint")
    page.fill("#id_subject", "Broken street light")
    page.fill("#id_text", "The street light by the school has been off for a week.")
    # Sent at once: the form waits for the solution, then submits itself. Had the policy blocked
    # the script, nothing would solve the challenge and the message would be refused.
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/en/citizens/status/\?code=[0-9A-Z]{4}-[0-9A-Z]{4}&received=1$"))
    message = Message.objects.get()
    assert message.subject == "Broken street light"
    expect(page.locator("body")).to_contain_text(message.tracking_code)
    assert violations(page) == []
