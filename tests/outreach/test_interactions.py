"""The interactions log and the follow-ups due on the dashboard."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from outreach.factories import ContactFactory, InteractionFactory
from outreach.models import Interaction
from outreach.panels import follow_ups_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    """Two members of the office's staff (group "Editors")."""
    editors = Group.objects.get(name="Editors")
    users = []
    for username in ("arben", "vesna"):
        user = django_user_model.objects.create_user(username, f"{username}@komuna.example", "pw")
        user.groups.add(editors)
        users.append(user)
    return users


def days(n):
    return timezone.localdate() + dt.timedelta(days=n)


def test_a_staff_member_logs_a_meeting_with_two_contacts(client, staff, communities_topic):
    arben, _ = staff
    roma, ashkali = ContactFactory(community="roma"), ContactFactory(community="ashkali")
    client.force_login(arben)
    form = client.get("/admin/interactions/new/")
    assert form.status_code == 200
    assert f'<option value="{arben.pk}" selected>' in form.content.decode()

    response = client.post(
        "/admin/interactions/new/",
        {
            "kind": "meeting",
            "date": "2026-11-20",
            "staff": arben.pk,
            "subject": "Returns committee: community priorities",
            "contacts": [roma.pk, ashkali.pk],
            "topic": communities_topic.pk,
            "outcome": "forwarded",
            "notes": "",
            "follow_up_date": days(3).isoformat(),
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert set(interaction.contacts.all()) == {roma, ashkali}
    assert (interaction.staff, interaction.outcome, interaction.follow_up_done) == (arben, "forwarded", False)
    assert set(roma.interactions.all()) == {interaction}


def test_follow_ups_due_are_today_and_overdue_and_not_done(staff):
    arben, _ = staff
    overdue = InteractionFactory(staff=arben, follow_up_date=days(-4))
    today = InteractionFactory(staff=arben, follow_up_date=days(0))
    InteractionFactory(staff=arben, follow_up_date=days(1))
    InteractionFactory(staff=arben, follow_up_date=days(-1), follow_up_done=True)
    InteractionFactory(staff=arben, follow_up_date=None)
    assert list(Interaction.objects.follow_ups_due()) == [overdue, today]


def test_each_staff_member_sees_their_own_and_the_head_of_office_sees_all(staff, head_of_office):
    arben, vesna = staff
    his = InteractionFactory(staff=arben, follow_up_date=days(-2), subject="Sports club grant")
    hers = InteractionFactory(staff=vesna, follow_up_date=days(0), subject="School visit")
    assert list(follow_ups_for(arben)) == [his]
    assert list(follow_ups_for(vesna)) == [hers]
    assert list(follow_ups_for(head_of_office)) == [his, hers]


def test_the_dashboard_panel(client, staff, head_of_office):
    arben, vesna = staff
    InteractionFactory(staff=arben, follow_up_date=days(-2), subject="Sports club grant")
    InteractionFactory(staff=vesna, follow_up_date=days(0), subject="School visit")
    InteractionFactory(staff=vesna, follow_up_date=days(5), subject="Later")

    client.force_login(arben)
    content = client.get("/admin/").content.decode()
    assert "Follow-ups due" in content
    assert "1 follow-up due, 1 overdue." in content
    assert "Sports club grant" in content and "School visit" not in content

    client.force_login(head_of_office)
    content = client.get("/admin/").content.decode()
    assert "2 follow-ups due, 1 overdue." in content
    assert "Sports club grant" in content and "School visit" in content and "Later" not in content


def test_marking_a_follow_up_done_removes_it_from_the_panel(client, staff):
    arben, _ = staff
    interaction = InteractionFactory(staff=arben, follow_up_date=days(-1), subject="Call back the imam")
    client.force_login(arben)
    response = client.post(
        f"/admin/interactions/edit/{interaction.pk}/",
        {
            "kind": interaction.kind,
            "date": interaction.date.isoformat(),
            "staff": arben.pk,
            "subject": interaction.subject,
            "contacts": [contact.pk for contact in interaction.contacts.all()],
            "outcome": "agreed",
            "notes": "",
            "follow_up_date": interaction.follow_up_date.isoformat(),
            "follow_up_done": "on",
        },
    )
    assert response.status_code == 302
    content = client.get("/admin/").content.decode()
    assert "0 follow-ups due, 0 overdue." in content


def test_users_without_the_log_see_no_panel(client, editor):
    InteractionFactory(staff=editor, follow_up_date=days(-1), subject="Hidden")
    client.force_login(editor)
    content = client.get("/admin/").content.decode()
    assert "Follow-ups due" not in content
    assert client.get("/admin/interactions/").status_code in (302, 403)


def test_the_log_does_not_query_once_per_interaction(client, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    arben, vesna = staff
    client.force_login(arben)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/interactions/").status_code == 200
        return len(captured)

    InteractionFactory(staff=arben)
    few = queries()
    for user in (arben, vesna, arben, vesna):
        InteractionFactory(staff=user)
    assert queries() == few
