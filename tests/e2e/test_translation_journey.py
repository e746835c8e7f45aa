"""A news item goes from the Albanian editor through the Serbian translator and the head of office
to the GraphQL API, in Cyrillic and in Latin script."""

import re

import pytest
import requests
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from home.editorial import EDITORS, HEAD_OF_OFFICE, ensure_editorial_setup
from home.factories import NewsIndexPageFactory
from home.localization import translate_with
from home.models import NewsPage
from translations.groups import ensure_translator_groups
from translations.models import TranslationTask
from translations.transliteration import to_latin

from .conftest import open_footer_actions, users_in_groups

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Komuna hap qendrën e re për informim të qytetarëve"
SUMMARY = "Qendra e re u shërben qytetarëve çdo ditë pune nga ora 8 deri në 16."
SERBIAN = {
    "Title": "Општина отвара нови центар за информисање грађана",
    "Slug": "novi-centar-za-informisanje",
    "Summary": "Нови центар служи грађанима сваког радног дана од 8 до 16 часова.",
}
REVIEW_PERMISSIONS = ("view_translationtask", "change_translationtask", "review_translationtask")


@pytest.fixture
def news_index(home_pages):
    """The news index in Albanian with its Serbian translation, under which the translated news goes."""
    index = NewsIndexPageFactory(parent=home_pages["sq"])
    translate_with(index, "sr", lambda text, path: {"slug": "vesti", "title": "Вести"}.get(path))
    ensure_editorial_setup()
    ensure_translator_groups()
    return index


@pytest.fixture
def staff(news_index, django_user_model):
    # The head of office reviews translations, as docs/translations.md asks of her group.
    head = Group.objects.get(name=HEAD_OF_OFFICE)
    head.permissions.add(
        *Permission.objects.filter(content_type__app_label="translations", codename__in=REVIEW_PERMISSIONS)
    )
    return users_in_groups(
        django_user_model,
        (
            ("redaktore", EDITORS),
            ("prevodilac", "Translators (sr)"),
            ("shefi", HEAD_OF_OFFICE),
        ),
    )


def graphql(live_server, query):
    response = requests.post(f"{live_server.url}/graphql/", json={"query": query}, timeout=20)
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def test_news_item_translated_into_serbian_and_served_in_both_scripts(
    page, live_server, admin_login, news_index, staff
):
    # 1. The editor writes the news item in Albanian and submits it; the head of office publishes it.
    admin_login(username="redaktore")
    page.goto(f"{live_server.url}/admin/pages/add/home/newspage/{news_index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    open_footer_actions(page)
    assert page.locator("button[name=action-publish]").count() == 0
    with page.expect_navigation():
        page.click("button[name=action-submit]")
    news = NewsPage.objects.get(title=TITLE)
    assert not news.live
    assert not TranslationTask.objects.exists()

    page.context.clear_cookies()
    admin_login(username="shefi")
    page.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    open_footer_actions(page)
    with page.expect_navigation():
        page.locator(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).click()
    news.refresh_from_db()
    assert news.live

    # 2. The Serbian translator finds the task among hers, starts it, translates and submits it.
    page.context.clear_cookies()
    admin_login(username="prevodilac")
    page.goto(f"{live_server.url}/admin/")
    my_tasks = page.locator("#my-translation-tasks-section")
    my_tasks.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/admin/translations/\d+/$"))
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "unassigned")
    with page.expect_navigation():
        page.click("button[name=action][value=start]")
    for tab, label in (("content", "Title"), ("content", "Summary"), ("promote", "Slug")):
        page.click(f"#tab-label-{tab}")
        translate_segment(page.locator(f"#tab-{tab}"), label, SERBIAN[label])
    page.goto(f"{live_server.url}/admin/translations/")
    page.get_by_role("link", name=TITLE).and_(page.locator(f"[href$='/{sr_task().pk}/']")).click()
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "in_progress")
    with page.expect_navigation():
        page.click("button[name=action][value=submit]")
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "in_review")
    translation = NewsPage.objects.get(translation_key=news.translation_key, locale__language_code="sr")
    assert not translation.live

    # 3. The head of office approves the translation, which publishes it.
    page.context.clear_cookies()
    admin_login(username="shefi")
    page.goto(f"{live_server.url}/admin/translations/?state=in_review")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "in_review")
    with page.expect_navigation():
        page.click("button[name=action][value=approve]")
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "done")
    translation.refresh_from_db()
    assert translation.live
    assert translation.title == SERBIAN["Title"]
    assert translation.summary == SERBIAN["Summary"]
    assert translation.url == "/sr/vesti/novi-centar-za-informisanje/"

    # 4. The API serves the Serbian page in Cyrillic and, on its /sr-latn/ path, in Latin script.
    query = '{ page(path: "%s") { title url locale } }'
    cyrillic = graphql(live_server, query % translation.url)["page"]
    assert cyrillic == {
        "title": SERBIAN["Title"],
        "url": translation.url,
        "locale": "SR",
    }
    latin = graphql(live_server, query % "/sr-latn/vesti/novi-centar-za-informisanje/")["page"]
    assert latin == {
        "title": to_latin(SERBIAN["Title"]),
        "url": "/sr-latn/vesti/novi-centar-za-informisanje/",
        "locale": "SR_LATN",
    }
    assert latin["title"] == "Opština otvara novi centar za informisanje građana"


def sr_task():
    return TranslationTask.objects.get(target_locale__language_code="sr")


def translate_segment(tab, label, text):
    """Translate one segment in wagtail-localize's editor; each is saved as soon as it is saved."""
    segment = tab.locator(f"li:has(> h3:text-is('{label}')) > ul > li")
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment).not_to_have_class(re.compile("incomplete"))
