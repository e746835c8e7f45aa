"""Monthly figures on known data: the head of office's panel and CSV, and the public's open data."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from citizens import reports
from citizens.models import Message, StatusChange

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


def message(kind, department, received, due_days=None, answered_days=None, status=None):
    received_at = received
    stored = Message.objects.create(
        kind=kind,
        subject="Private subject",
        text="Private text",
        name="Private Name",
        assigned_department=department,
        received_at=received_at,
        due_at=received_at + due_days * DAY if due_days is not None else None,
        status=status or (Message.Status.ANSWERED if answered_days is not None else Message.Status.ASSIGNED),
    )
    StatusChange.objects.create(message=stored, to_status="new", changed_at=received_at)
    if answered_days is not None:
        StatusChange.objects.create(
            message=stored,
            from_status="assigned",
            to_status=stored.status,
            changed_at=received_at + answered_days * DAY,
        )
        # A later step does not move the answer's date.
        StatusChange.objects.create(
            message=stored, from_status=stored.status, to_status="closed", changed_at=received_at + 30 * DAY
        )
    return stored


@pytest.fixture
def known(kinds, departments):
    """March 2026: five requests for documents to administration, two questions to education."""
    documents, question = kinds["access_to_documents"], kinds["question"]
    admin, education = departments["administration"], departments["education"]
    march = at(2026, 3, 2)
    message(documents, admin, march, due_days=7, answered_days=2)  # on time
    message(documents, admin, march, due_days=7, answered_days=4)  # on time
    message(documents, admin, march, due_days=7, answered_days=10)  # late: overdue
    message(documents, admin, march, due_days=7)  # open past its due date: overdue
    message(documents, admin, march, due_days=7, answered_days=6, status=Message.Status.FORWARDED)  # on time
    message(question, education, march, answered_days=1)  # no deadline: on time
    message(question, education, at(2026, 3, 31))  # open, no deadline
    message(question, education, at(2026, 4, 1), answered_days=1)  # April
    return {"documents": documents, "question": question}


NOW = at(2026, 5, 10)


def test_monthly_figures_per_kind_and_department(known):
    rows = reports.report_rows(2026, 3, now=NOW)
    assert [(row["kind"], row["department"]) for row in rows] == [
        ("Pyetje", "Drejtoria për Arsim"),
        ("Kërkesë për qasje në dokumente publike", "Drejtoria për Administratë"),
    ]
    assert {row["kind"]: row["received"] for row in rows} == {
        known["documents"].name: 5,
        known["question"].name: 2,
    }
    by_kind = {row["kind"]: row for row in rows}
    documents = by_kind[known["documents"].name]
    # Answered in 2, 4, 6 and 10 days against 7; one still open past its due date.
    assert (documents["answered_on_time"], documents["overdue"], documents["median_days_to_answer"]) == (
        3,
        2,
        5.0,
    )
    question = by_kind[known["question"].name]
    assert (question["answered_on_time"], question["overdue"], question["median_days_to_answer"]) == (
        1,
        0,
        1.0,
    )
    assert [row["received"] for row in reports.report_rows(2026, 4, now=NOW)] == [1]


def head_of_office(django_user_model):
    user = django_user_model.objects.create_user("shefi", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Head of office"))
    return user


def test_the_head_of_office_downloads_the_csv(client, known, django_user_model):
    client.force_login(head_of_office(django_user_model))
    response = client.get("/admin/citizens/report/2026-3.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == [
        "Kind",
        "Department",
        "Received",
        "Answered on time",
        "Overdue",
        "Median days to answer",
    ]
    assert sorted(row[2] for row in table[1:]) == ["2", "5"]
    assert "Private" not in response.content.decode()
    official = django_user_model.objects.create_user("zyrtari", password="pw", is_staff=True)
    official.groups.add(Group.objects.get(name="Officials"))
    client.force_login(official)
    refused = client.get("/admin/citizens/report/2026-3.csv")  # Wagtail: back to the dashboard
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_the_dashboard_panel_is_the_head_of_offices(client, kinds, departments, django_user_model):
    message(kinds["question"], departments["education"], timezone.now() - datetime.timedelta(minutes=5))
    client.force_login(head_of_office(django_user_model))
    html = client.get("/admin/").content.decode()
    assert "Citizens&#x27; messages by month" in html or "Citizens' messages by month" in html
    month = timezone.localdate()
    assert f"/admin/citizens/report/{month.year}-{month.month}.csv" in html
    official = django_user_model.objects.create_user("zyrtari", password="pw", is_staff=True)
    official.groups.add(Group.objects.get(name="Officials"))
    client.force_login(official)
    assert "by month" not in client.get("/admin/").content.decode()


def test_the_open_data_counts_per_month_and_kind(client, known, settings):
    rows = reports.open_data_rows(months=3, today=datetime.date(2026, 5, 10), now=NOW)
    march = {row["kind"]: row for row in rows if row["month"] == "2026-03"}
    assert march["access_to_documents"] == {
        "month": "2026-03",
        "kind": "access_to_documents",
        "received": 5,
        "answered": 4,
        "answered_on_time": 3,
        "overdue": 2,
        "median_days_to_answer": 5.0,
    }
    assert march["question"]["received"] == 2
    assert [row["month"] for row in rows if row["kind"] == "question"] == ["2026-04", "2026-03"]

    # Over HTTP: the last twelve full months from today, public, with nothing personal.
    recent = message(known["question"], None, timezone.now() - 40 * DAY)
    for url in ("/open-data/citizens-monthly.json", "/open-data/citizens-monthly.csv"):
        response = client.get(url)
        assert response.status_code == 200 and "Private" not in response.content.decode()
    data = client.get("/open-data/citizens-monthly.json").json()
    month = f"{timezone.localtime(recent.received_at):%Y-%m}"
    assert any(row["month"] == month and row["kind"] == "question" for row in data)
    table = list(
        csv.reader(io.StringIO(client.get("/open-data/citizens-monthly.csv").content.decode("utf-8-sig")))
    )
    assert tuple(table[0]) == reports.OPEN_DATA_COLUMNS
