"""The inbox in the admin: officials see what is routed to them, the head of office everything."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from citizens.models import DepartmentOfficial, InternalNote, Message, StatusChange
from citizens.submission import submit
from citizens.viewsets import YesNoPanel

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model, departments):
    def user(name, group, department=None):
        person = django_user_model.objects.create_user(
            username=name, email=f"{name}@komuna.example", password="x"
        )
        person.groups.add(Group.objects.get(name=group))
        if department:
            DepartmentOfficial.objects.create(user=person, department=departments[department])
        return person

    return {
        "head": user("shefi", "Head of office"),
        "urbanism": user("besnik", "Officials", "urbanism"),
        "education": user("drita", "Officials", "education"),
    }


@pytest.fixture
def messages(kinds, departments):
    def message(subject, department=None, **fields):
        data = {"kind": "access_to_documents", "subject": subject, "text": "...", **fields}
        if department:
            data["department"] = departments[department].pk
        return submit(data, language="sr").message

    return {
        "roads": message("Rruga", "urbanism", email="qytetar@example.org", name="Agim"),
        "school": message("Shkolla", "education"),
        "unrouted": message("Tjetër"),
    }


def listing(client, **params):
    response = client.get(reverse("citizen_messages:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def edit_url(message):
    return reverse("citizen_messages:edit", args=[message.pk])


def form(**fields):
    return {
        "status": "in_progress",
        "assigned_department": "",
        "assigned_official": "",
        "reply": "",
        "status_note": "",
        "internal_note": "",
        **fields,
    }


def test_the_head_of_office_sees_everything(client, people, messages):
    client.force_login(people["head"])
    html = listing(client)
    assert all(message.tracking_code in html for message in messages.values())


def test_officials_see_only_what_is_routed_to_them(client, people, messages):
    client.force_login(people["urbanism"])
    html = listing(client)
    assert messages["roads"].tracking_code in html
    assert messages["school"].tracking_code not in html and messages["unrouted"].tracking_code not in html
    assert client.get(edit_url(messages["roads"])).status_code == 200
    refused = client.get(edit_url(messages["school"]))
    assert refused.status_code == 404 and "Shkolla" not in refused.content.decode()
    for view in ("history", "usage", "delete"):
        assert client.get(reverse(f"citizen_messages:{view}", args=[messages["school"].pk])).status_code in (
            302,
            403,
            404,
        )
    refused = client.post(edit_url(messages["school"]), form(status="closed"))
    messages["school"].refresh_from_db()
    assert messages["school"].status == Message.Status.ASSIGNED
    # Assigned to an official by name: then it is theirs too, whatever the department.
    Message.objects.filter(pk=messages["unrouted"].pk).update(assigned_official=people["urbanism"])
    assert messages["unrouted"].tracking_code in listing(client)


def test_anyone_else_sees_nothing(client, django_user_model, messages):
    editor = django_user_model.objects.create_user(username="redaktor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(reverse("citizen_messages:index"))
    assert response.status_code in (302, 403)


def test_status_changes_assignment_and_notes_keep_their_history(client, people, messages, departments):
    message = messages["roads"]
    client.force_login(people["urbanism"])
    response = client.post(
        edit_url(message),
        form(
            assigned_department=departments["urbanism"].pk,
            assigned_official=people["urbanism"].pk,
            status_note="Po e shqyrtojmë.",
            internal_note="Kontrata është në arkiv.",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    message.refresh_from_db()
    assert (message.status, message.assigned_official) == ("in_progress", people["urbanism"])
    change = StatusChange.objects.filter(message=message).last()
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "assigned",
        "in_progress",
        people["urbanism"],
        "Po e shqyrtojmë.",
    )
    assert InternalNote.objects.get(message=message).author == people["urbanism"]

    # Forwarding needs the institution and the reason.
    response = client.post(
        edit_url(message), form(status="forwarded", assigned_department=departments["urbanism"].pk)
    )
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == "in_progress"


def test_the_reply_goes_to_the_citizen_once_in_their_language(
    client, people, messages, departments, django_capture_on_commit_callbacks
):
    message = messages["roads"]
    mail.outbox.clear()
    client.force_login(people["urbanism"])
    reply = form(
        assigned_department=departments["urbanism"].pk, reply="Kontrata në shtojcë.", send_reply="on"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(message), reply).status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.ANSWERED and message.replied_at and message.reply_sent_at
    [sent] = mail.outbox
    assert sent.to == ["qytetar@example.org"]
    assert sent.extra_headers["Content-Language"] == "sr"
    assert "Kontrata në shtojcë." in sent.body
    # Sending again is refused; nothing more goes out.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(edit_url(message), {**reply, "status": "answered"})
    assert again.status_code == 200 and len(mail.outbox) == 1


def test_overdue_and_due_soon_filters(client, people, messages):
    now = timezone.now()
    Message.objects.filter(pk=messages["roads"].pk).update(due_at=now - datetime.timedelta(hours=1))
    Message.objects.filter(pk=messages["school"].pk).update(due_at=now + datetime.timedelta(days=1))
    Message.objects.filter(pk=messages["unrouted"].pk).update(due_at=now + datetime.timedelta(days=6))
    client.force_login(people["head"])
    overdue = listing(client, overdue="true")
    assert messages["roads"].tracking_code in overdue and messages["school"].tracking_code not in overdue
    soon = listing(client, due_soon="true")
    assert messages["school"].tracking_code in soon
    assert messages["roads"].tracking_code not in soon and messages["unrouted"].tracking_code not in soon


def test_a_message_is_assigned_to_the_departments_officials_by_name(
    client, people, messages, django_user_model
):
    people["urbanism"].first_name, people["urbanism"].last_name = "Besnik", "Gashi"
    people["urbanism"].save()
    client.force_login(people["head"])
    html = client.get(edit_url(messages["roads"])).content.decode()
    select = html[
        html.index('name="assigned_official"') : html.index(
            "</select>", html.index('name="assigned_official"')
        )
    ]
    assert f'value="{people["urbanism"].pk}"' in select and "Besnik Gashi (Drejtoria për Urbanizëm)" in select
    assert "drita (Drejtoria për Arsim)" in select
    # Not the head of office, nor anyone who is no department's official.
    assert f'value="{people["head"].pk}"' not in select

    # Assigned by a routing rule to someone who is not (or no longer) an official: still shown, kept.
    someone = django_user_model.objects.create_user(username="ish-zyrtar", password="x")
    Message.objects.filter(pk=messages["school"].pk).update(assigned_official=someone)
    html = client.get(edit_url(messages["school"])).content.decode()
    assert f'value="{someone.pk}" selected' in html


def test_a_read_only_yes_or_no_is_in_the_admins_language():
    panel = YesNoPanel("is_urgent", read_only=True).bind_to_model(Message)
    with translation.override("sq"):
        assert (panel.format_value_for_display(True), panel.format_value_for_display(False)) == ("Po", "Jo")
    with translation.override("sr"):
        assert panel.format_value_for_display(False) == "Не"


def test_the_next_official_reads_the_history_and_the_internal_notes(client, people, messages, departments):
    message = messages["roads"]  # routed to urbanism: already assigned
    client.force_login(people["head"])
    for status, note in (("in_progress", "Për drejtorinë."), ("in_progress", "Pa ndryshim statusi.")):
        response = client.post(
            edit_url(message),
            form(
                status=status,
                assigned_department=departments["urbanism"].pk,
                assigned_official=people["urbanism"].pk,
                status_note=note,
                internal_note="Kontrata është në arkiv." if note == "Për drejtorinë." else "",
            ),
        )
        assert response.status_code == 302
    # A note on an unchanged status is not lost: it is kept as an internal note.
    assert InternalNote.objects.filter(message=message, text="Pa ndryshim statusi.").exists()
    client.force_login(people["urbanism"])
    html = client.get(edit_url(message)).content.decode()
    history = html[html.index('class="citizens-history"') :]
    assert "Kontrata është në arkiv." in history and "shefi" in history
    assert "Për drejtorinë." in history and "Pa ndryshim statusi." in history
    # Written in the history only: the form's own note fields start empty again.
    assert html.count("Kontrata është në arkiv.") == 1
