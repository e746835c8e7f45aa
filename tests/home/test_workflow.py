"""Editors write and submit; the head of office reviews and publishes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.editorial import EDITORS, HEAD_OF_OFFICE, TASK_NAME, WORKFLOW_NAME, ensure_editorial_setup
from home.factories import NewsPageFactory
from home.localization import translate_with
from home.models import DecisionPage
from translations.setup import OFFICIAL_TASK_NAME, ensure_translation_editorial_setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorial(home_pages, indexes):
    ensure_editorial_setup()
    return ensure_translation_editorial_setup()


@pytest.fixture
def editor(editorial, django_user_model):
    user = django_user_model.objects.create_user("redaktore", password="sekret-123")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def head(editorial, django_user_model):
    user = django_user_model.objects.create_user("shefi", password="sekret-123")
    user.groups.add(Group.objects.get(name=HEAD_OF_OFFICE))
    return user


def decision_form(assembly, title, action, number):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "number": number,
            "date_adopted": "2026-05-01",
            "issuing_body": assembly.pk,
            "status": "in_force",
            "body": streamfield([]),
            "attachments": inline_formset([]),
        }
    )
    data[action] = action
    return data


def test_groups_and_workflow_are_created_by_migration():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    # The head of office approves, then the official languages check (translations) ends the review.
    tasks = [step.task.specific for step in workflow.workflow_tasks.order_by("sort_order")]
    assert [task.name for task in tasks] == [TASK_NAME, OFFICIAL_TASK_NAME]
    assert tasks[1]._meta.label == "translations.OfficialLanguageTask"
    for task in tasks:
        assert list(task.groups.values_list("name", flat=True)) == [HEAD_OF_OFFICE]
    assert Group.objects.filter(name__in=[EDITORS, HEAD_OF_OFFICE]).count() == 2


def test_the_workflow_covers_every_locale_and_the_indexes(editorial, home_pages, indexes):
    for home in home_pages.values():
        assert home.get_workflow() == editorial
    page = NewsPageFactory(parent=indexes["news"], title="Lajm")
    assert page.get_workflow().name == WORKFLOW_NAME
    assert indexes["decisions"].workflowpage.workflow == editorial


def test_an_editor_can_edit_but_not_publish_the_head_of_office_can(editor, head, indexes):
    page = NewsPageFactory(parent=indexes["news"], title="Lajm", date=datetime.date(2026, 5, 1))

    editor_permissions = page.permissions_for_user(editor)
    assert editor_permissions.can_edit()
    assert indexes["news"].permissions_for_user(editor).can_add_subpage()
    assert not editor_permissions.can_publish()
    assert not editor_permissions.can_unpublish()

    head_permissions = page.permissions_for_user(head)
    assert head_permissions.can_publish()
    assert head_permissions.can_edit()


def test_an_editor_submits_and_only_the_head_of_office_publishes(
    client, editor, head, indexes, assembly, django_capture_on_commit_callbacks
):
    index = indexes["decisions"]

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "decisionpage", index.pk]),
        decision_form(assembly, "Vendim për publikim", "action-publish", "01-500/2026"),
    )
    # Publishing is not offered to editors: at most a draft is saved.
    assert response.status_code in (200, 302, 403)
    assert not DecisionPage.objects.filter(title="Vendim për publikim", live=True).exists()

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "decisionpage", index.pk]),
        decision_form(assembly, "Vendim për shqyrtim", "action-submit", "01-501/2026"),
    )
    assert response.status_code == 302
    page = DecisionPage.objects.get(title="Vendim për shqyrtim")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )

    # The editor cannot approve their own submission (the admin answers "permission denied"
    # by redirecting to the dashboard).
    response = client.post(approve_url, {})
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert not page.live

    client.force_login(head)
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    # A decision is an official act: it waits at the official languages check for its Serbian translation.
    assert not page.live
    state.refresh_from_db()
    assert state.current_task_state.task.name == OFFICIAL_TASK_NAME
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(index, "sr", lambda text, path: None)
        translate_with(page, "sr", lambda text, path: f"{text} (sr)")
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_setup_is_idempotent(editorial):
    assert ensure_editorial_setup() == editorial
    again = ensure_translation_editorial_setup()
    assert again == editorial
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert again.tasks.count() == 2


def test_translation_permissions_of_the_editorial_groups(editorial):
    head = Group.objects.get(name=HEAD_OF_OFFICE)
    assert set(
        head.permissions.filter(content_type__app_label="translations").values_list("codename", flat=True)
    ) >= {
        "view_translationtask",
        "change_translationtask",
        "review_translationtask",
        "override_official_language_gate",
    }
    # The events area gives the same group its notice permissions: both set-ups add, neither replaces.
    assert head.permissions.filter(codename="change_noticerule").exists()
    editors = Group.objects.get(name=EDITORS)
    assert list(
        editors.permissions.filter(content_type__app_label="translations").values_list("codename", flat=True)
    ) == ["view_translationtask"]
