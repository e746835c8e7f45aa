import datetime as dt

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage, MediaNotice, MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", ["eventpage", "meetingpage"])
def test_add_forms_render(admin_client, calendar_index, model):
    response = admin_client.get(f"/admin/pages/add/events/{model}/{calendar_index.pk}/")
    assert response.status_code == 200


def test_publishing_a_public_meeting_in_the_admin_schedules_two_notices(
    admin_client, calendar_index, contacts, django_capture_on_commit_callbacks
):
    """Acceptance 2: the time is typed in Belgrade time and the notices appear on the dashboard."""
    start = (timezone.localtime() + dt.timedelta(days=20)).replace(hour=18, minute=0, second=0, microsecond=0)
    data = nested_form_data(
        {
            "title": "Takim publik me qytetarë",
            "slug": "takim-publik",
            "kind": "public_meeting",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": "",
            "status": "scheduled",
            "is_public": "on",
            "summary": "Takim për buxhetin.",
            "body": streamfield([("paragraph", rich_text("<p>Takim për buxhetin.</p>"))]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/add/events/eventpage/{calendar_index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    page = EventPage.objects.get(slug="takim-publik")
    assert page.live
    assert page.start == start and page.start.tzinfo is not None
    assert timezone.localtime(page.start).hour == 18
    notices = list(MediaNotice.objects.filter(page=page).order_by("due_at").values_list("kind", "status"))
    assert notices == [("advisory", "scheduled"), ("reminder", "scheduled")]
    upcoming = admin_client.get("/admin/media-notices/").context["sections"][0]
    assert [(notice.page_id, notice.kind) for notice in upcoming["notices"]] == [
        (page.pk, "advisory"),
        (page.pk, "reminder"),
    ]


def test_meeting_with_agenda_in_the_admin(admin_client, calendar_index, assembly):
    start = timezone.localtime() + dt.timedelta(days=10)
    data = nested_form_data(
        {
            "title": "Mbledhja e 7-të",
            "slug": "mbledhja-7",
            "organiser": assembly.pk,
            "session_number": 7,
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "status": "scheduled",
            "is_public": "on",
            "body": streamfield([]),
            "agenda_items": inline_formset(
                [
                    {
                        "number": "1",
                        "title": "Procesverbali",
                        "rapporteur": "",
                        "documents": streamfield([]),
                        "decision": "",
                    },
                    {
                        "number": "2",
                        "title": "Buxheti",
                        "rapporteur": "Drejtori",
                        "documents": streamfield([]),
                        "decision": "",
                    },
                ]
            ),
            "materials": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/events/meetingpage/{calendar_index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = MeetingPage.objects.get(slug="mbledhja-7")
    assert [item.title for item in page.agenda_items.all()] == ["Procesverbali", "Buxheti"]
    assert page.agenda_items.first().locale == page.locale


def test_meeting_needs_a_body(admin_client, calendar_index):
    data = nested_form_data(
        {
            "title": "Mbledhje",
            "slug": "mbledhje",
            "start": "2026-12-10 10:00",
            "status": "scheduled",
            "body": streamfield([]),
            "agenda_items": inline_formset([]),
            "materials": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/events/meetingpage/{calendar_index.pk}/", data)
    assert response.status_code == 200
    assert "organiser" in response.context["form"].errors
