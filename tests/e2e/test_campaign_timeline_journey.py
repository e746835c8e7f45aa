"""The head of office reads the campaigns' timeline in Albanian: overdue on top, month by month, filtered."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from home.demo import DemoContext
from home.factories import CampaignIndexPageFactory, CampaignPageFactory
from outreach import demo

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.flushes_database]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


@pytest.fixture
def campaigns(home_pages, django_user_model):
    editors, _ = Group.objects.get_or_create(name="Editors")
    for username, first, last in (("arta", "Arta", "Berisha"), ("dritan", "Dritan", "Krasniqi")):
        django_user_model.objects.create_user(username, first_name=first, last_name=last).groups.add(editors)
    index = CampaignIndexPageFactory(parent=home_pages["sq"])
    for slug, title in (
        ("fushata-per-transparence", "Komuna transparente"),
        ("fushata-ambiente", "Qyteti i pastër"),
    ):
        CampaignPageFactory(parent=index, slug=slug, title=title)
    demo.load_campaigns(DemoContext(write=lambda message: None))


def test_head_of_office_reads_and_filters_the_timeline_in_albanian(
    page, live_server, admin_login, campaigns, django_user_model
):
    head = django_user_model.objects.create_user("shefi", password="sekret-123")
    head.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_campaign_timeline"),
    )
    profile = UserProfile.get_for_user(head)
    profile.preferred_language = "sq"
    profile.save()
    admin_login(username="shefi")

    page.goto(f"{live_server.url}/admin/outreach/campaign-timeline/")
    assert page.locator("html").get_attribute("lang") == "sq"
    overdue = page.locator("#timeline-overdue .timeline-entry")
    expect(overdue).to_have_count(2)  # the posts and the school posters
    expect(page.locator(".timeline-month").first).to_be_visible()
    expect(page.locator("th", has_text="Fushata").first).to_be_visible()
    every = page.locator(".timeline-month .timeline-entry").count()
    assert every >= 8

    # Posters only: the school posters and the leaflet.
    page.select_option("select[name=channel]", "posters")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    titles = page.locator(".timeline-month .timeline-entry td.title .title-wrapper").all_inner_texts()
    assert sorted(titles) == ["Fletëpalosja në zyrat e komunës", "Posterë në shkolla"]

    # One campaign: its edit page is a click away.
    page.goto(f"{live_server.url}/admin/outreach/campaign-timeline/")
    page.select_option("select[name=campaign]", label="Qyteti i pastër")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator(".timeline-month .timeline-entry")).to_have_count(4)

    if os.environ.get("UPDATE_SCREENSHOTS"):
        # Taken once the catalogs hold the timeline's Albanian (see .translations.json).
        page.goto(f"{live_server.url}/admin/outreach/campaign-timeline/")
        screenshot(page, "campaign-timeline-sq.png")


def screenshot(page, name):
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.mouse.move(0, 0)
    page.screenshot(path=SCREENSHOTS / name)
