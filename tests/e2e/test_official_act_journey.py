"""An announcement, an official act, goes live in Albanian only together with its Serbian translation.

The head of office creates it and presses Publish: it is not live, the message
says so and links the translation task. The Serbian translator completes the
task; "Approve and Publish" at the official-languages step makes both live at
once, and the API serves both.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from home.editorial import HEAD_OF_OFFICE, ensure_editorial_setup
from home.factories import AnnouncementIndexPageFactory
from home.localization import translate_with
from home.models import AnnouncementPage
from translations.groups import ensure_translator_groups
from translations.models import TranslationTask
from translations.setup import ensure_translation_editorial_setup

from .conftest import open_footer_actions, users_in_groups
from .test_translation_journey import graphql, translate_segment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Ndërprerje e furnizimit me ujë në lagjen Qendra"
SUMMARY = "Furnizimi me ujë ndërpritet të mërkurën nga ora 9 deri në 13."
SERBIAN = {
    "Title": "Прекид снабдевања водом у насељу Центар",
    "Slug": "prekid-snabdevanja-vodom",
    "Summary": "Снабдевање водом прекида се у среду од 9 до 13 часова.",
}
REVIEW_PERMISSIONS = ("view_translationtask", "change_translationtask", "review_translationtask")


@pytest.fixture
def announcements(home_pages):
    index = AnnouncementIndexPageFactory(parent=home_pages["sq"])
    translate_with(index, "sr", lambda text, path: {"slug": "obavestenja", "title": "Обавештења"}.get(path))
    ensure_editorial_setup()
    ensure_translation_editorial_setup()
    ensure_translator_groups()
    return index


@pytest.fixture
def staff(announcements, django_user_model):
    head = Group.objects.get(name=HEAD_OF_OFFICE)
    head.permissions.add(
        *Permission.objects.filter(content_type__app_label="translations", codename__in=REVIEW_PERMISSIONS)
    )
    return users_in_groups(django_user_model, (("shefi", HEAD_OF_OFFICE), ("prevodilac", "Translators (sr)")))


def workflow_button(page, action):
    return page.locator(
        f"footer button[data-workflow-action-name={action}]:not([data-workflow-action-modal-url])"
    )


def test_announcement_goes_live_only_with_its_serbian_translation(
    page, live_server, admin_login, announcements, staff
):
    # 1. The head of office creates the announcement in Albanian and presses Publish.
    admin_login(username="shefi")
    page.goto(f"{live_server.url}/admin/pages/add/home/announcementpage/{announcements.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.click("#tab-label-promote")
    slug = page.locator("#id_slug")
    # The title fills the slug as it is typed; wait for that, then give the ASCII slug.
    expect(slug).not_to_have_value("")
    slug.fill("nderprerje-e-ujit")
    expect(slug).to_have_value("nderprerje-e-ujit")
    page.click("#tab-label-content")
    open_footer_actions(page)
    with page.expect_navigation():
        page.click("button[name=action-publish]")
    act = AnnouncementPage.objects.get(title=TITLE)
    assert not act.live
    assert act.slug == "nderprerje-e-ujit"
    message = page.locator(".messages .error")
    expect(message).to_contain_text("saved as a draft and is not live")
    expect(message).to_contain_text("not translated yet")
    task = TranslationTask.objects.get(translation_key=act.translation_key, target_locale__language_code="sr")
    expect(message.locator(f"a[href='/admin/translations/{task.pk}/']")).to_be_visible()
    page.screenshot(path="docs/screenshots/gate-refused.png", full_page=False)

    # 2. She sends it through the review workflow; her own review passes, the act waits at the
    #    official-languages step, still not live.
    open_footer_actions(page)
    with page.expect_navigation():
        page.click("button[name=action-submit]")
    page.goto(f"{live_server.url}/admin/pages/{act.pk}/edit/")
    open_footer_actions(page)
    with page.expect_navigation():
        workflow_button(page, "approve").click()
    act.refresh_from_db()
    assert not act.live
    assert act.current_workflow_task.name.startswith("Official") or act.current_workflow_state is not None

    # 3. The Serbian translator completes the task and submits it for review.
    page.context.clear_cookies()
    admin_login(username="prevodilac")
    page.goto(f"{live_server.url}/admin/translations/{task.pk}/")
    with page.expect_navigation():
        page.click("button[name=action][value=start]")
    for tab, label in (("content", "Title"), ("content", "Summary"), ("promote", "Slug")):
        page.click(f"#tab-label-{tab}")
        translate_segment(page.locator(f"#tab-{tab}"), label, SERBIAN[label])
    page.goto(f"{live_server.url}/admin/translations/{task.pk}/")
    with page.expect_navigation():
        page.click("button[name=action][value=submit]")
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "in_review")

    # 4. "Approve and Publish" at the official-languages step makes both live at once.
    page.context.clear_cookies()
    admin_login(username="shefi")
    page.goto(f"{live_server.url}/admin/pages/{act.pk}/edit/")
    open_footer_actions(page)
    approve = workflow_button(page, "approve")
    expect(approve).to_contain_text(re.compile("Approve and Publish", re.I))
    with page.expect_navigation():
        approve.click()
    act.refresh_from_db()
    serbian = AnnouncementPage.objects.get(translation_key=act.translation_key, locale__language_code="sr")
    assert act.live and serbian.live
    assert abs((serbian.last_published_at - act.last_published_at).total_seconds()) < 5
    assert serbian.title == SERBIAN["Title"]
    task.refresh_from_db()
    assert task.state == TranslationTask.State.DONE

    # 5. The API serves both.
    query = '{ page(path: "%s") { title locale } }'
    assert graphql(live_server, query % act.url)["page"] == {"title": TITLE, "locale": "SQ"}
    assert graphql(live_server, query % serbian.url)["page"] == {"title": SERBIAN["Title"], "locale": "SR"}
