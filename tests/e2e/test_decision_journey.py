"""An editor writes a decision in Albanian and submits it; the head of office approves it, the
official-language check waits for the Serbian translation, then publishes it; English follows
with wagtail-localize."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale, WorkflowState

from home.editorial import EDITORS, HEAD_OF_OFFICE, WORKFLOW_NAME, ensure_editorial_setup
from home.factories import BodyFactory, DecisionIndexPageFactory
from home.localization import translate_with
from home.models import DecisionPage
from translations.models import TranslationTask
from translations.setup import OFFICIAL_TASK_NAME, ensure_translation_editorial_setup

from .conftest import open_footer_actions, users_in_groups

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Vendim për ndarjen e mjeteve për shoqërinë civile"
SERBIAN_TITLE = "Одлука о расподели средстава за цивилно друштво"
ENGLISH_TITLE = "Decision on funds for civil society"


@pytest.fixture
def decisions_index(home_pages):
    """The decisions index in every locale (the ``site`` fixture rebuilds a flushed tree)."""
    index = DecisionIndexPageFactory(parent=home_pages["sq"])
    for code, slug, title in (("sr", "odluke", "Одлуке"), ("en", "decisions", "Decisions")):
        translate_with(
            index, code, lambda text, path, slug=slug, title=title: {"slug": slug, "title": title}.get(path)
        )
    ensure_editorial_setup()
    ensure_translation_editorial_setup()
    return index


@pytest.fixture
def staff(decisions_index, django_user_model):
    return users_in_groups(django_user_model, (("redaktore", EDITORS), ("shefi", HEAD_OF_OFFICE)))


def test_decision_from_albanian_draft_to_three_published_languages(
    page, live_server, admin_login, decisions_index, staff
):
    assembly = BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", name_sq="Kuvendi i Komunës")

    # 1. The editor writes the decision in Albanian and submits it for review.
    admin_login(username="redaktore")
    page.goto(f"{live_server.url}/admin/pages/add/home/decisionpage/{decisions_index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Kuvendi i Komunës ndan mjete për projektet e shoqërisë civile.")
    page.fill("#id_number", "01-120/2026")
    page.fill("#id_date_adopted", "2026-05-28")
    page.select_option("#id_issuing_body", str(assembly.pk))
    open_footer_actions(page)
    assert page.locator("button[name=action-publish]").count() == 0
    with page.expect_navigation():
        page.click("button[name=action-submit]")

    decision = DecisionPage.objects.get(title=TITLE)
    assert not decision.live
    state = WorkflowState.objects.get(object_id=str(decision.pk))
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # 2. The head of office approves it; an official act waits for its Serbian translation.
    page.context.clear_cookies()
    admin_login(username="shefi")
    approve(page, live_server, decision)
    decision.refresh_from_db()
    assert not decision.live
    state.refresh_from_db()
    assert state.current_task_state.task.name == OFFICIAL_TASK_NAME
    task = TranslationTask.objects.get(
        translation_key=decision.translation_key, target_locale__language_code="sr"
    )
    assert task.state == TranslationTask.State.UNASSIGNED

    # 3. The Serbian translation is done; the head of office approves the check, which publishes the decision.
    translate_with(decision, "sr", lambda text, path: {"title": SERBIAN_TITLE}.get(path, f"{text} [sr]"))
    approve(page, live_server, decision)
    decision.refresh_from_db()
    assert decision.live

    # 4. She has it translated into English with wagtail-localize, then publishes it.
    for code, translated_title in (("en", ENGLISH_TITLE),):
        page.goto(f"{live_server.url}/admin/localize/submit/page/{decision.pk}/")
        page.locator("input[name=locales]").evaluate_all(
            "(boxes) => boxes.forEach((box) => { box.checked = false; })"
        )
        page.check(f"input[name=locales][value='{Locale.objects.get(language_code=code).pk}']")
        page.click("main form[method=POST] input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/pages/*/edit/")
        translate_title_in_editor(page, translated_title)
        translation = DecisionPage.objects.get(
            translation_key=decision.translation_key, locale__language_code=code
        )
        assert translation.live, code
        assert translation.title == translated_title
        assert translation.number == "01-120/2026"

    # The three language versions are served under their prefixes.
    for prefix, title in (("", TITLE), ("/sr", SERBIAN_TITLE), ("/en", ENGLISH_TITLE)):
        translation = DecisionPage.objects.get(translation_key=decision.translation_key, title=title)
        page.goto(f"{live_server.url}{translation.url}")
        assert page.locator("h1").inner_text() == title
        assert page.locator("html").get_attribute("lang") == (prefix.strip("/") or "sq")


def approve(page, live_server, decision):
    page.goto(f"{live_server.url}/admin/pages/{decision.pk}/edit/")
    open_footer_actions(page)
    page.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    page.wait_for_load_state("networkidle")


def translate_title_in_editor(page, title):
    """Translate the title segment in wagtail-localize's editor and publish the translation.

    Segments left untranslated fall back to the source text until a translator gets to them.
    """
    segment = page.locator("li:has(> p.title)")
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(title)
    segment.get_by_role("button", name="Save").click()
    expect(segment).not_to_have_class(re.compile("incomplete"))
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Publish in")).click()
