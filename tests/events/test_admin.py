import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from events.factories import EventPageFactory
from events.models import EventPage, MediaNotice, NoticeRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_of_office(django_user_model):
    user = django_user_model.objects.create_user("shefi", "shefi@komuna.example", "pw")
    user.groups.add(Group.objects.get(name="Head of office"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktori", "r@komuna.example", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_default_rules_from_the_plan():
    rules = {(rule.notice_kind, rule.anchor, rule.days_before) for rule in NoticeRule.objects.all()}
    assert rules == {
        ("advisory", "start", 14),
        ("reminder", "start", 1),
        ("materials", "materials", 0),
        ("tender", "start", 7),
    }


def test_dashboard_lists_scheduled_notices_with_recipients(
    client, admin_user, calendar_index, contacts, django_capture_on_commit_callbacks
):
    page = EventPageFactory(
        parent=calendar_index, title="Takim publik", start=timezone.now() + dt.timedelta(days=20), live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=admin_user).publish(user=admin_user)
    client.force_login(admin_user)

    response = client.get("/admin/media-notices/")

    assert response.status_code == 200
    upcoming = response.context["sections"][0]
    assert upcoming["key"] == "upcoming"
    assert [(notice.kind, notice.requested_by) for notice in upcoming["notices"]] == [
        ("advisory", admin_user),
        ("reminder", admin_user),
    ]
    assert b"Takim publik" in response.content
    home = client.get("/admin/")
    assert b"Upcoming: 2, late: 0, failed: 0." in home.content


def test_head_of_office_edits_rules_and_contacts(client, head_of_office, contacts):
    client.force_login(head_of_office)
    assert client.get("/admin/media-notices/").status_code == 200
    assert client.get("/admin/notice_rules/").status_code == 200
    response = client.get("/admin/contacts/")
    assert response.status_code == 200
    assert b"arta@rtk.example" in response.content
    rule = NoticeRule.objects.get(notice_kind="advisory")
    assert client.get(f"/admin/notice_rules/edit/{rule.pk}/").status_code == 200


def test_other_admin_users_cannot_see_the_media_directory(client, editor, contacts):
    client.force_login(editor)
    assert client.get("/admin/media-notices/").status_code in (302, 403)
    for url in ("/admin/contacts/", f"/admin/contacts/edit/{contacts['sq'].pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"arta@rtk.example" not in response.content
    assert b"media-notices" not in client.get("/admin/").content


def test_notices_follow_the_source_page_only(
    calendar_index, contacts, locales, django_capture_on_commit_callbacks
):
    from home.localization import translate_with

    page = EventPageFactory(parent=calendar_index, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(calendar_index, "en", lambda text, path: "calendar" if path == "slug" else None)
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_with(page, "en", lambda text, path: "Event" if path == "title" else None)

    translated = EventPage.objects.get(pk=translated.pk)
    page.refresh_from_db()
    assert translated.live and translated.start == page.start
    assert MediaNotice.objects.filter(page=translated).count() == 0
    assert MediaNotice.objects.filter(page=page).count() == 2


def test_head_of_office_changes_a_rule(client, head_of_office):
    rule = NoticeRule.objects.get(notice_kind="advisory")
    client.force_login(head_of_office)
    response = client.post(
        f"/admin/notice_rules/edit/{rule.pk}/",
        {
            "name": rule.name,
            "applies_to": "events",
            "public_only": "on",
            "is_active": "on",
            "event_kinds": ["public_meeting", "festival"],
            "notice_kind": "advisory",
            "anchor": "start",
            "days_before": "21",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.event_kinds, rule.body_kinds, rule.days_before) == (["public_meeting", "festival"], [], 21)


def test_media_contacts_admin_search(client, head_of_office, contacts):
    client.force_login(head_of_office)
    response = client.get("/admin/contacts/?q=Marko")
    assert response.status_code == 200
    assert b"marko@rg.example" in response.content
    assert b"arta@rtk.example" not in response.content


def test_notice_label_does_not_repeat_the_kind_the_title_starts_with(calendar_index):
    start = timezone.now() + dt.timedelta(days=20)
    tender = EventPageFactory(parent=calendar_index, title="Tender opening: school heating", start=start)
    meeting = EventPageFactory(parent=calendar_index, title="Public meeting on the budget", start=start)
    with translation.override("en"):
        repeated = MediaNotice(page=tender, kind="tender", event_start=start, due_at=start)
        plain = MediaNotice(page=meeting, kind="advisory", event_start=start, due_at=start)
        assert repeated.label == str(repeated) == "Tender opening: school heating"
        assert plain.label == "Media advisory: Public meeting on the budget"


def test_dashboard_panel_uses_wagtail_panel_and_listing_markup(client, admin_user, calendar_index):
    start = timezone.now() + dt.timedelta(days=20)
    tender = EventPageFactory(parent=calendar_index, title="Tender opening: school heating", start=start)
    MediaNotice.objects.create(page=tender, kind="tender", event_start=start, due_at=start)
    client.force_login(admin_user)

    content = client.get("/admin/").content.decode()

    start_of_panel = content.index('class="w-panel w-panel--dashboard" id="media-notices-section"')
    panel = content[start_of_panel : content.index("</section>", start_of_panel)]
    assert '<table class="listing listing--dashboard">' in panel
    assert panel.count("Tender opening") == 1
