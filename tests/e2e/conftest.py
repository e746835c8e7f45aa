"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def admin_login(page, live_server, django_user_model):
    """Log in to the Wagtail admin as a fresh superuser; returns the page."""

    def login(username="redaktor", password="sekret-123", **extra):
        user = django_user_model.objects.filter(username=username).first()
        if user is None:
            extra.setdefault("is_superuser", True)
            extra.setdefault("is_staff", True)
            user = django_user_model.objects.create_user(username=username, password=password, **extra)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/**")
        return user

    return login


def users_in_groups(user_model, memberships, password="sekret-123"):
    """{username: user} for (username, group name) pairs; each user joins the named group."""
    from django.contrib.auth.models import Group

    users = {}
    for username, group in memberships:
        user = user_model.objects.create_user(username=username, password=password)
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def open_footer_actions(page):
    """Open the editor footer's action menu (publish, submit, ...)."""
    page.locator("footer .w-dropdown__toggle").first.click()
