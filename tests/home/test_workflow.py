"""Editors write and submit; the head of office reviews and publishes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.editorial import EDITORS, HEAD_OF_OFFICE, WORKFLOW_NAME, ensure_editorial_setup
from home.factories import NewsPageFactory
from home.models import DecisionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorial(home_pages, indexes):
    return ensure_editorial_setup()


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
    task = workflow.tasks.get().specific
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


def test_an_editor_submits_and_only_the_head_of_office_publishes(client, editor, head, indexes, assembly):
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
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_setup_is_idempotent(editorial):
    again = ensure_editorial_setup()
    assert again == editorial
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert again.tasks.count() == 1
