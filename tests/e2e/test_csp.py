"""The Content-Security-Policy in a real browser: the site, the admin and GraphiQL work under it.

Every page below is opened in Chromium with the policy enforced; a listener
installed before any of the page's scripts collects ``securitypolicyviolation``
events (in every frame), and the console is watched for CSP errors. None may
occur: each would be a script, style, image or frame the policy blocks.
"""

import os
import re

import pytest
from django.contrib.auth.models import Group

from home.editorial import HEAD_OF_OFFICE, ensure_editorial_setup
from home.factories import DecisionIndexPageFactory, DecisionPageFactory, NewsIndexPageFactory
from home.localization import translate_with

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# A folder to keep a screenshot of each page in (to look at them), when set.
SCREENSHOTS = os.environ.get("CSP_SCREENSHOTS", "")

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    [event.effectiveDirective, event.blockedURI, event.sourceFile, event.lineNumber, event.sample].join(" | ")
  );
});
"""


@pytest.fixture
def csp_page(page):
    """The browser page, with a list of the CSP errors its console reported."""
    page.add_init_script(COLLECT_VIOLATIONS)
    page.csp_console = []

    def on_console(message):
        if re.search(r"Content.Security.Policy", message.text, re.I):
            page.csp_console.append(message.text)

    page.on("console", on_console)

    return page


def violations(page):
    """CSP violations seen in the page and its frames so far, and the console's CSP errors."""
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # a frame that navigated away or is cross-origin
            continue
    return found + page.csp_console


def assert_no_violations(page, name):
    page.wait_for_timeout(500)  # late scripts and images
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"csp-{name}.png"), full_page=False)
    assert violations(page) == [], name


@pytest.fixture
def decision(home_pages):
    index = DecisionIndexPageFactory(parent=home_pages["sq"])
    return DecisionPageFactory(parent=index, title="Vendim për buxhetin", issuing_body__abbreviation="KK")


def test_the_site_works_under_the_policy(csp_page, live_server, home_pages, decision):
    response = csp_page.goto(f"{live_server.url}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert_no_violations(csp_page, "home")
    csp_page.goto(f"{live_server.url}{decision.url}")
    assert_no_violations(csp_page, "decision")
    csp_page.goto(f"{live_server.url}/search/?query=buxhet")
    assert_no_violations(csp_page, "search")


def test_the_admin_works_under_the_policy(csp_page, live_server, admin_login, decision):
    csp_page.goto(f"{live_server.url}/admin/login/")
    assert_no_violations(csp_page, "admin-login")
    admin_login()
    csp_page.goto(f"{live_server.url}/admin/")
    csp_page.wait_for_selector("main")
    assert_no_violations(csp_page, "dashboard")

    csp_page.goto(f"{live_server.url}/admin/pages/{decision.pk}/edit/")
    csp_page.wait_for_selector("#id_title")
    assert_no_violations(csp_page, "page-editor")
    # The preview panel frames the page's preview.
    csp_page.locator("[data-side-panel-toggle='preview']").click()
    csp_page.wait_for_selector("#w-preview-iframe")
    csp_page.wait_for_timeout(2000)  # the preview is rendered and framed
    assert_no_violations(csp_page, "page-editor-preview")
    csp_page.locator("[data-side-panel-toggle='preview']").click()
    # The inline panel's "Add document" inserts a form with chooser scripts (jQuery runs them).
    csp_page.click("#id_attachments-ADD")
    csp_page.wait_for_selector("#id_attachments-0-document", state="attached")
    # The added form's chooser was started by its script: it opens its modal (loaded over AJAX).
    csp_page.locator("#id_attachments-0-document-chooser [data-chooser-action-choose]").click()
    csp_page.wait_for_selector(".modal-content")
    assert_no_violations(csp_page, "page-editor-chooser")
    csp_page.keyboard.press("Escape")
    csp_page.wait_for_selector(".modal-content", state="detached")
    # The date field's script started its date picker.
    csp_page.click("#id_date_adopted")
    csp_page.wait_for_selector(".xdsoft_datetimepicker >> visible=true")
    assert_no_violations(csp_page, "page-editor-date")

    csp_page.goto(f"{live_server.url}/admin/pages/{decision.get_parent().pk}/")
    assert_no_violations(csp_page, "explorer")

    # Signed in, the public page shows Wagtail's user bar.
    csp_page.goto(f"{live_server.url}/")
    csp_page.wait_for_selector("wagtail-userbar", state="attached")
    assert_no_violations(csp_page, "home-with-userbar")


def test_the_translation_editor_works_under_the_policy(csp_page, live_server, admin_login, home_pages):
    ensure_editorial_setup()
    index = NewsIndexPageFactory(parent=home_pages["sq"], title="Lajme")
    serbian = translate_with(index, "sr", lambda text, path: None)
    user = admin_login()
    user.groups.add(Group.objects.get(name=HEAD_OF_OFFICE))
    csp_page.goto(f"{live_server.url}/admin/pages/{serbian.pk}/edit/")
    csp_page.wait_for_selector(".js-translation-editor >> text=Lajme")
    assert_no_violations(csp_page, "translation-editor")


def test_graphiql_works_under_the_policy(csp_page, live_server, settings, home_pages):
    settings.DEBUG = True  # GraphiQL is served only in development
    response = csp_page.goto(f"{live_server.url}/graphql/")
    assert "nonce-" in response.headers["content-security-policy"]
    csp_page.wait_for_selector(".graphiql-query-editor .CodeMirror")
    csp_page.evaluate(
        "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ __typename }')"
    )
    csp_page.click(".graphiql-execute-button")
    csp_page.wait_for_selector(".graphiql-response >> text=Query")
    assert_no_violations(csp_page, "graphiql")


def test_the_two_step_verification_screens_work_under_the_policy(csp_page, live_server, admin_login):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def code(device):
        device.refresh_from_db()
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        return f"{totp.token():06d}"

    user = admin_login()
    csp_page.goto(f"{live_server.url}/admin/two-factor/setup/")
    csp_page.wait_for_selector(".two-factor-qr svg")
    assert_no_violations(csp_page, "two-factor-setup")
    device = TOTPDevice.objects.get(user=user)
    csp_page.fill("input[name=token]", code(device))
    with csp_page.expect_navigation():
        csp_page.click("form.two-factor-form button[type=submit]")
    assert csp_page.url.endswith("/admin/two-factor/")
    assert_no_violations(csp_page, "two-factor-on")

    # The next sign-in asks for the code (of the next time step: a code is accepted once).
    csp_page.context.clear_cookies()
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    admin_login()
    csp_page.wait_for_url("**/admin/two-factor/verify/**")
    assert_no_violations(csp_page, "two-factor-verify")
    csp_page.fill("input[name=token]", code(device))
    with csp_page.expect_navigation():
        csp_page.click("form.login-form button[type=submit]")
    assert csp_page.url == f"{live_server.url}/admin/"
