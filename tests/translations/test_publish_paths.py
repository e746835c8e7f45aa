"""The official-language gate on every path by which a page goes live.

The invariant: an official act (OFFICIAL_ACT_PAGE_TYPES) in Albanian is live,
and has a revision live, only when its complete Serbian translation went live
in the same transaction. Each path is tried with the translation missing (the
act stays as it was) and, where a path can publish, with it ready (both go
live together).
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import AnnouncementIndexPageFactory
from home.localization import translate_with
from home.models import AnnouncementPage
from translations import gate, services
from translations.models import OfficialLanguageTask, TranslationTask

pytestmark = pytest.mark.django_db


def serbian(page, live=None):
    pages = Page.objects.filter(translation_key=page.translation_key, locale__language_code="sr")
    if live is not None:
        pages = pages.filter(live=live)
    return pages.first()


def assert_invariant():
    """No official act is live in Albanian without its Serbian translation live too."""
    for act in AnnouncementPage.objects.filter(locale__language_code="sq", live=True):
        assert serbian(act, live=True) is not None, f"{act.title} is live without Serbian"


def translate(page, user=None, publish=False):
    """Translate the latest revision of ``page`` completely into Serbian (a draft target unless ``publish``)."""
    draft = page.get_latest_revision_as_object()
    return translate_with(
        draft, "sr", lambda text, path: None if path == "slug" else f"{text} (sr)", user=user, publish=publish
    )


@pytest.fixture
def index(home_pages, django_capture_on_commit_callbacks):
    index = AnnouncementIndexPageFactory(parent=home_pages["sq"])
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(index, "sr", lambda text, path: None if path == "slug" else f"{text} sr", publish=True)
    return index


@pytest.fixture
def draft_act(index):
    """A new official act in Albanian that was never live."""
    act = index.add_child(
        instance=AnnouncementPage(title="Njoftim për ujin", slug="njoftim-per-ujin", live=False)
    )
    act.save_revision()
    return AnnouncementPage.objects.get(pk=act.pk)


@pytest.fixture
def live_act(draft_act, head_of_office, django_capture_on_commit_callbacks):
    """An act live with its Serbian translation, and a newer Albanian draft not translated yet."""
    translate(draft_act)
    with django_capture_on_commit_callbacks(execute=True):
        draft_act.get_latest_revision().publish(user=head_of_office)
    act = AnnouncementPage.objects.get(pk=draft_act.pk)
    assert act.live and serbian(act, live=True)
    TranslationTask.objects.filter(translation_key=act.translation_key).update(
        state=TranslationTask.State.DONE
    )
    act.title = "Njoftim i ri për ujin"
    act.save_revision(user=head_of_office)
    return AnnouncementPage.objects.get(pk=act.pk)


@pytest.fixture
def admin(client, head_of_office):
    client.force_login(head_of_office)
    return client


def form_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "Ndërprerje e ujit.",
        "listing_image": "",
        "body": streamfield([]),
        "date": timezone.localdate().isoformat(),
        "valid_until": "",
        "kind": "public_notice",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Each path, with the translation missing ---------------------------------------


def path_admin_create(admin, index, **_):
    new = AnnouncementPage(title="Njoftim i ri", slug="njoftim-i-ri")
    response = admin.post(f"/admin/pages/add/home/announcementpage/{index.pk}/", form_data(new))
    assert response.status_code == 302
    act = AnnouncementPage.objects.get(slug="njoftim-i-ri")
    assert not act.live
    assert any("saved as a draft and is not live" in text for text in message_texts(response))
    return act


def path_admin_edit(admin, live_act, **_):
    response = admin.post(
        f"/admin/pages/{live_act.pk}/edit/", form_data(live_act, title="Njoftim i ndryshuar")
    )
    assert response.status_code == 302
    texts = message_texts(response)
    assert any("Nothing was published" in text and "/admin/translations/" in text for text in texts), texts
    return live_act


def path_revision_publish(live_act, head_of_office, **_):
    with pytest.raises(gate.GateClosed, match="Serbian|Serbisht|српски"):
        live_act.get_latest_revision().publish(user=head_of_office)
    return live_act


def path_publish_action(draft_act, head_of_office, **_):
    with pytest.raises(gate.GateClosed):
        PublishPageRevisionAction(draft_act.get_latest_revision(), user=head_of_office).execute()
    return draft_act


def path_bulk_publish(admin, draft_act, **_):
    response = admin.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft_act.pk}&next=/admin/pages/")
    assert response.status_code == 302
    assert any("official act" in text for text in message_texts(response))
    return draft_act


def path_scheduled(draft_act, **_):
    revision = draft_act.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None  # it still waits
    return draft_act


def _start_workflow(page, user, tasks):
    workflow = Workflow.objects.create(name="Akte zyrtare")
    for order, task in enumerate(tasks):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.filter(page__in=page.get_ancestors(inclusive=True)).delete()
    WorkflowPage.objects.create(page=page.get_parent(), workflow=workflow)
    return workflow.start(page, user)


def path_workflow_approve(admin, draft_act, head_of_office, **_):
    """A plain approval step as the last one ("Approve and Publish")."""
    group = Group.objects.create(name="Shefi")
    group.user_set.add(head_of_office)
    task = GroupApprovalTask.objects.create(name="Miratimi")
    task.groups.add(group)
    state = _start_workflow(draft_act, head_of_office, [task])
    url = f"/admin/pages/workflow/action/{draft_act.pk}/approve/{state.current_task_state.pk}/"
    response = admin.post(url, {})
    assert response.status_code in (200, 302)
    return draft_act


def path_official_languages_step(admin, draft_act, head_of_office, **_):
    group = Group.objects.create(name="Shefi")
    group.user_set.add(head_of_office)
    task = OfficialLanguageTask.objects.create(name="Kontrolli i gjuhëve zyrtare")
    task.groups.add(group)
    state = _start_workflow(draft_act, head_of_office, [task])
    url = f"/admin/pages/workflow/action/{draft_act.pk}/approve/{state.current_task_state.pk}/"
    admin.post(url, {})
    return draft_act


def path_copy_in_admin(admin, live_act, index, **_):
    response = admin.post(
        f"/admin/pages/{live_act.pk}/copy/",
        {"new_title": "Kopje", "new_slug": "kopje", "new_parent_page": index.pk, "publish_copies": "on"},
    )
    assert response.status_code == 302
    copy = AnnouncementPage.objects.get(slug="kopje")
    assert not copy.live and copy.live_revision is None
    return copy


def path_copy_in_code(live_act, index, head_of_office, **_):
    copy = live_act.copy(to=index, update_attrs={"slug": "kopje-kodi"}, keep_live=True, user=head_of_office)
    return AnnouncementPage.objects.get(pk=copy.pk)


def path_revert(live_act, head_of_office, **_):
    """The newer revision goes live with its translation; the older one cannot come back alone."""
    oldest = live_act.revisions.order_by("created_at").first()
    translate(live_act)
    live_act.get_latest_revision().publish(user=head_of_office)
    current = AnnouncementPage.objects.get(pk=live_act.pk)
    with pytest.raises(gate.GateClosed):
        oldest.publish(user=head_of_office)
    after = AnnouncementPage.objects.get(pk=live_act.pk)
    assert after.live_revision_id == current.live_revision_id != oldest.pk
    return None


def path_unpublish_serbian_in_code(live_act, **_):
    with pytest.raises(gate.GateClosed):
        serbian(live_act).specific.unpublish()
    assert serbian(live_act, live=True)
    return live_act


def path_unpublish_serbian_in_admin(admin, live_act, **_):
    response = admin.post(f"/admin/pages/{serbian(live_act).pk}/unpublish/", {})
    assert response.status_code == 302
    assert serbian(live_act, live=True)
    return live_act


def path_delete_serbian_in_admin(admin, live_act, **_):
    admin.post(f"/admin/pages/{serbian(live_act).pk}/delete/", {})
    assert serbian(live_act, live=True)
    return live_act


REFUSED = [
    path_admin_create,
    path_admin_edit,
    path_revision_publish,
    path_publish_action,
    path_bulk_publish,
    path_scheduled,
    path_workflow_approve,
    path_official_languages_step,
    path_copy_in_admin,
    path_copy_in_code,
    path_revert,
    path_unpublish_serbian_in_code,
    path_unpublish_serbian_in_admin,
    path_delete_serbian_in_admin,
]


@pytest.mark.parametrize("path", REFUSED, ids=[path.__name__[5:] for path in REFUSED])
def test_no_path_makes_an_act_live_without_serbian(
    path, request, head_of_office, index, django_capture_on_commit_callbacks
):
    needs = {name for name in ("draft_act", "live_act", "admin") if name in path.__code__.co_varnames}
    fixtures = {name: request.getfixturevalue(name) for name in needs}
    before = {
        act.pk: (act.live_revision_id, act.title)
        for act in AnnouncementPage.objects.filter(locale__language_code="sq")
    }
    with django_capture_on_commit_callbacks(execute=True):
        act = path(head_of_office=head_of_office, index=index, **fixtures)
    assert_invariant()
    if act is None:
        return  # the path checked what stayed live itself
    act = AnnouncementPage.objects.get(pk=act.pk)
    if act.pk in before:
        assert (act.live_revision_id, act.title) == before[act.pk]  # nothing new went live
    else:
        assert not act.live


# --- With the translation ready, the paths publish both together --------------------


def ready(page, user):
    translate(page, user=user)


def publish_revision(act, user, admin):
    act.get_latest_revision().publish(user=user)


def publish_in_admin(act, user, admin):
    response = admin.post(f"/admin/pages/{act.pk}/edit/", form_data(act))
    assert response.status_code == 302
    texts = message_texts(response)
    assert any("together with its translation" in text for text in texts), texts


def publish_in_bulk(act, user, admin):
    admin.post(f"/admin/bulk/wagtailcore/page/publish/?id={act.pk}&next=/admin/pages/")


def publish_scheduled(act, user, admin):
    revision = act.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)


def approve_official_languages_step(act, user, admin):
    path_official_languages_step(admin, act, user)


TOGETHER = [
    publish_revision,
    publish_in_admin,
    publish_in_bulk,
    publish_scheduled,
    approve_official_languages_step,
]


@pytest.mark.parametrize("publish", TOGETHER, ids=[p.__name__ for p in TOGETHER])
def test_ready_translation_goes_live_in_the_same_transaction(
    publish, draft_act, head_of_office, admin, django_capture_on_commit_callbacks
):
    if publish is publish_in_admin:
        # The admin form saves the content it posts: translate exactly that.
        draft_act.summary = "Ndërprerje e ujit."
        draft_act.save_revision(user=head_of_office)
    ready(draft_act, head_of_office)
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft_act, head_of_office, admin)
    act = AnnouncementPage.objects.get(pk=draft_act.pk)
    translation = serbian(act, live=True)
    assert act.live and translation is not None
    assert translation.title == f"{act.title} (sr)"
    assert abs(translation.last_published_at - act.last_published_at) < datetime.timedelta(seconds=5)
    assert_invariant()


def test_a_failure_publishing_the_translation_leaves_neither_live(draft_act, head_of_office, monkeypatch):
    ready(draft_act, head_of_office)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("wagtail_localize.models.Translation.save_target", broken)
    with pytest.raises(RuntimeError):
        draft_act.get_latest_revision().publish(user=head_of_office)
    assert not AnnouncementPage.objects.get(pk=draft_act.pk).live
    assert serbian(draft_act, live=True) is None


def test_an_editor_cannot_publish_a_translation_waiting_for_review(draft_act, make_user, head_of_office):
    """A complete translation still in review goes live only with a reviewer's publish."""
    editor = make_user("editor")
    services.sync_tasks_for_source(draft_act, user=head_of_office)
    ready(draft_act, head_of_office)
    TranslationTask.objects.filter(translation_key=draft_act.translation_key).update(
        state=TranslationTask.State.IN_REVIEW
    )
    with translation.override("en"), pytest.raises(gate.GateClosed, match="waiting for a reviewer"):
        draft_act.get_latest_revision().publish(user=editor, skip_permission_checks=True)
    draft_act.get_latest_revision().publish(user=head_of_office)
    assert AnnouncementPage.objects.get(pk=draft_act.pk).live
    assert serbian(draft_act, live=True), list(
        Page.objects.filter(translation_key=draft_act.translation_key).values("locale__language_code", "live")
    )
    task = TranslationTask.objects.get(
        translation_key=draft_act.translation_key, target_locale__language_code="sr"
    )
    assert task.state == TranslationTask.State.DONE


def test_override_needs_the_permission_and_a_reason_and_is_audited(draft_act, head_of_office, make_user):
    editor = make_user("editor2")
    with pytest.raises(gate.GateError):
        gate.override(draft_act, editor, "Urgjente për qytetarët")
    with pytest.raises(gate.GateError):
        gate.override(draft_act, head_of_office, "short")
    assert gate.override(draft_act, head_of_office, "Ndërprerje urgjente e ujit sot") == ["sr"]
    assert AnnouncementPage.objects.get(pk=draft_act.pk).live
    entry = PageLogEntry.objects.get(page=draft_act, action=gate.OVERRIDE_ACTION)
    assert entry.user == head_of_office
    assert entry.data == {"reason": "Ndërprerje urgjente e ujit sot", "missing_locales": ["sr"]}


def test_override_in_the_admin_says_it_went_live_without_serbian(admin, draft_act):
    response = admin.post(
        f"/admin/translations/gate/{draft_act.pk}/", {"action": "override", "reason": "Urgjente: ujë"}
    )
    assert AnnouncementPage.objects.get(pk=draft_act.pk).live
    texts = message_texts(response)
    assert any("without" in text for text in texts), texts


def test_scheduled_act_waits_mails_once_and_goes_live_on_approval(
    draft_act, head_of_office, serbian_translator, fill_translation, django_capture_on_commit_callbacks
):
    services.sync_tasks_for_source(draft_act, user=head_of_office)
    task = TranslationTask.objects.get(
        translation_key=draft_act.translation_key, target_locale__language_code="sr"
    )
    services.assign(task, head_of_office, user=serbian_translator)
    mail.outbox.clear()
    path_scheduled(draft_act)
    call_command("publish_scheduled", verbosity=0)
    assert not AnnouncementPage.objects.get(pk=draft_act.pk).live
    assert len(mail.outbox) == 1
    assert {"drita@komuna.example", "milica@komuna.example"} <= set(mail.outbox[0].to)
    assert PageLogEntry.objects.filter(page=draft_act, action=gate.HOLD_ACTION).count() == 1

    services.start(task, serbian_translator)
    fill_translation(task, lambda text, path: f"{text} (sr)" if path != "slug" else "njoftim-za-vodu")
    services.submit(task, serbian_translator)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(TranslationTask.objects.get(pk=task.pk), head_of_office)
    act = AnnouncementPage.objects.get(pk=draft_act.pk)
    assert act.live and serbian(act, live=True)


def test_the_hold_is_explained_in_each_recipients_language(draft_act, head_of_office, serbian_translator):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=head_of_office).update(preferred_language="sq")
    UserProfile.objects.filter(user=serbian_translator).update(preferred_language="sr")
    services.sync_tasks_for_source(draft_act, user=head_of_office)
    task = TranslationTask.objects.get(
        translation_key=draft_act.translation_key, target_locale__language_code="sr"
    )
    services.assign(task, head_of_office, user=serbian_translator)
    mail.outbox.clear()
    with translation.override("en"):
        path_scheduled(draft_act)

    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert {language: message.to for language, message in by_language.items()} == {
        "sq": ["drita@komuna.example"],
        "sr": ["milica@komuna.example"],
    }
    blocking = gate.blocking_statuses(draft_act)
    for language, message in by_language.items():
        with translation.override(language):
            reason = gate.refusal_message(draft_act, blocking, created=True)
        # The refusal worded in the reader's language, not in the one the scheduler ran in.
        assert reason in message.body


def test_permission_to_override_is_the_head_of_offices():
    assert Permission.objects.filter(codename="override_official_language_gate").exists()


def test_a_refused_bulk_publish_never_redirects_off_site(admin, draft_act):
    response = admin.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={draft_act.pk}&next=https://evil.example/admin/"
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert any("official act" in text for text in message_texts(response))
