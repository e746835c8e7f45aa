"""The official-language check as a workflow step: approval cannot publish the Albanian text alone."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from home.models import HomePage
from translations import gate, services
from translations.models import OfficialLanguageTask, TranslationTask


@pytest.fixture
def official_workflow(settings, home_pages, head_of_office):
    settings.OFFICIAL_ACT_PAGE_TYPES = ["home.HomePage"]
    task = OfficialLanguageTask.objects.create(name="Official languages")
    task.groups.add(Group.objects.get(name="Head of office test"))
    workflow = Workflow.objects.create(name="Official acts")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # The editorial set-up already assigns its review workflow to every home page: replace it here.
    WorkflowPage.objects.update_or_create(page=home_pages["sq"], defaults={"workflow": workflow})
    return workflow


def submit(page, user, title):
    page = HomePage.objects.get(pk=page.pk)
    page.title = title
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def test_workflow_waits_for_the_serbian_translation(
    official_workflow, home_pages, head_of_office, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(home_pages["sq"], head_of_office, "Vendim për buxhetin")
    task_state = state.current_task_state
    assert task_state.status == "in_progress"
    actions = [
        name
        for name, _label, _modal in task_state.task.specific.get_actions(state.content_object, head_of_office)
    ]
    assert actions == ["reject", "override"]
    # Approving anyway (a forged request) approves nothing.
    client.force_login(head_of_office)
    response = client.post(f"/admin/pages/workflow/action/{home_pages['sq'].pk}/approve/{task_state.pk}/")
    assert response.status_code == 302
    # Even called directly, the step sends the reviewer to the gate page instead.
    redirect_url = task_state.task.specific.on_action(task_state, head_of_office, "approve")
    assert redirect_url == f"/admin/translations/gate/{home_pages['sq'].pk}/"
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Komuna"


def test_workflow_override_needs_a_reason_and_is_logged(
    official_workflow, home_pages, head_of_office, client, django_capture_on_commit_callbacks
):
    state = submit(home_pages["sq"], head_of_office, "Vendim për buxhetin")
    task_state = state.current_task_state
    client.force_login(head_of_office)
    url = f"/admin/pages/workflow/action/{home_pages['sq'].pk}/override/{task_state.pk}/"
    client.post(url, {"comment": "short"})
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Komuna"
    reason = "Afati ligjor skadon sot; përkthimi vjen nesër."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": reason})
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Vendim për buxhetin"
    entry = PageLogEntry.objects.get(action=gate.OVERRIDE_ACTION)
    assert entry.data == {"reason": reason, "missing_locales": ["sr"]}


def test_workflow_continues_by_itself_when_the_translation_is_complete(
    official_workflow,
    home_pages,
    head_of_office,
    serbian_translator,
    fill_translation,
    django_capture_on_commit_callbacks,
):
    page = HomePage.objects.get(pk=home_pages["sq"].pk)
    page.title = "Vendim për buxhetin"
    page.save_revision(user=head_of_office)
    services.sync_tasks_for_source(page.get_latest_revision_as_object())
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    fill_translation(task, lambda text, path: {"title": "Одлука о буџету", "slug": "home-sr"}.get(path, text))
    with django_capture_on_commit_callbacks(execute=True):
        state = page.get_workflow().start(page, head_of_office)
    state.refresh_from_db()
    assert state.status == "approved"
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Vendim për buxhetin"
