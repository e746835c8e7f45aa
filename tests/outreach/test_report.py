"""The report to the head of office, against known data."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from events.models import MediaNotice, NoticeDelivery
from outreach.admin_views import last_month
from outreach.factories import ContactFactory, InteractionFactory
from outreach.models import Contact
from outreach.report import build_report

pytestmark = pytest.mark.django_db

BELGRADE = ZoneInfo("Europe/Belgrade")
START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def at(*args):
    return dt.datetime(*args, tzinfo=BELGRADE)


def created(contact, moment):
    Contact.objects.filter(pk=contact.pk).update(created_at=moment)
    return contact


@pytest.fixture
def known_data(home_page):
    # The directory: two local media (one added in November), a Roma representative, an
    # inactive contact and one added after the period (neither counted).
    journalist = created(ContactFactory(kind="media_local"), at(2026, 10, 3, 9))
    newcomer = created(ContactFactory(kind="media_local"), at(2026, 11, 30, 23, 30))
    created(ContactFactory(kind="community", community="roma"), at(2026, 11, 2, 9))
    created(ContactFactory(kind="community", community="roma", is_active=False), at(2026, 10, 1, 9))
    created(ContactFactory(kind="school"), at(2026, 12, 1, 0, 10))
    # Interactions: three in November, one on each side of it.
    InteractionFactory(kind="meeting", outcome="agreed", date=dt.date(2026, 11, 1))
    InteractionFactory(kind="meeting", outcome="forwarded", date=dt.date(2026, 11, 15))
    InteractionFactory(kind="call", outcome="agreed", date=dt.date(2026, 11, 30))
    InteractionFactory(kind="call", outcome="agreed", date=dt.date(2026, 10, 31))
    InteractionFactory(kind="email", outcome="pending", date=dt.date(2026, 12, 1))

    # Notices: an advisory sent in November to both journalists (one e-mail refused), a reminder
    # sent in December, and a tender notice that failed in November.
    def notice(kind, status, due_at, sent_at=None):
        return MediaNotice.objects.create(
            page=home_page, kind=kind, status=status, event_start=due_at, due_at=due_at, sent_at=sent_at
        )

    advisory = notice("advisory", "sent", at(2026, 11, 10, 9), at(2026, 11, 10, 9, 1))
    NoticeDelivery.objects.create(notice=advisory, contact=journalist, email="a@x.example", language="sq",
                                  sent_at=at(2026, 11, 10, 9, 1))  # fmt: skip
    NoticeDelivery.objects.create(notice=advisory, contact=newcomer, email="b@x.example", language="sq",
                                  error="550 refused")  # fmt: skip
    reminder = notice("reminder", "sent", at(2026, 12, 1, 9), at(2026, 12, 1, 9))
    NoticeDelivery.objects.create(notice=reminder, contact=journalist, email="a@x.example", language="sq",
                                  sent_at=at(2026, 12, 1, 9))  # fmt: skip
    tender = notice("tender", "failed", at(2026, 11, 20, 8))
    NoticeDelivery.objects.create(notice=tender, contact=journalist, email="a@x.example", language="sq",
                                  error="timeout")  # fmt: skip


def figures(section):
    with translation.override("en"):
        return {str(row[0]): row[1:] for row in section.rows}


def test_report_figures_for_november(known_data):
    with translation.override("en"):
        sections = {section.key: section for section in build_report(START, END)}

    by_kind = figures(sections["contacts_by_kind"])
    assert by_kind["Media (local)"] == [2, 1]
    assert by_kind["Community representative"] == [1, 1]
    assert by_kind["School"] == [0, 0]
    assert by_kind["Total"] == [3, 2]
    by_community = figures(sections["contacts_by_community"])
    assert by_community["Roma"] == [1]
    assert by_community["No community given"] == [2]
    assert by_community["Total"] == [3]

    assert figures(sections["interactions_by_kind"])["Meeting"] == [2]
    assert figures(sections["interactions_by_kind"])["Phone call"] == [1]
    assert figures(sections["interactions_by_kind"])["Total"] == [3]
    outcomes = figures(sections["interactions_by_outcome"])
    assert (outcomes["Agreement reached"], outcomes["Forwarded to the responsible official"]) == ([2], [1])
    assert outcomes["Pending"] == [0]

    notices = figures(sections["notices"])
    # sent, failed, e-mails delivered, e-mails not delivered
    assert notices["Media advisory"] == [1, 0, 1, 1]
    assert notices["Tender opening"] == [0, 1, 0, 1]
    assert notices["Reminder"] == [0, 0, 0, 0]
    assert notices["Total"] == [1, 1, 1, 2]


def test_the_admin_report_and_its_csv(client, head_of_office, known_data):
    client.force_login(head_of_office)
    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="report-contacts_by_kind"' in content and "Tender opening" in content

    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Report to the head of office", "2026-11-01", "2026-11-30"]
    assert ["Media advisory", "1", "0", "1", "1"] in rows
    assert ["Meeting", "2"] in rows


def test_the_default_period_is_last_month_and_a_reversed_period_is_refused(client, head_of_office):
    assert last_month(dt.date(2027, 1, 15)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    client.force_login(head_of_office)
    assert client.get("/admin/outreach/report/").status_code == 200
    response = client.get("/admin/outreach/report/?start=2026-11-30&end=2026-11-01")
    assert "The period ends before it starts." in response.content.decode()


def test_only_the_head_of_office_sees_the_report(client, editor):
    client.force_login(editor)
    assert client.get("/admin/outreach/report/").status_code in (302, 403)


def test_subscriptions_are_counted(home_page):
    from wagtail.models import Page

    from outreach.models import Subscription, SubscriptionItem

    page = Page.objects.get(pk=home_page.pk)
    before = Subscription.objects.create(email="a@example.org", confirmed_at=at(2026, 10, 5, 9))
    during = Subscription.objects.create(
        email="b@example.org", frequency="daily", confirmed_at=at(2026, 11, 5, 9)
    )
    Subscription.objects.create(email="c@example.org", confirmed_at=at(2026, 12, 2, 9))
    SubscriptionItem.objects.create(subscription=before, page=page, sent_at=at(2026, 11, 6, 9))
    SubscriptionItem.objects.create(subscription=during, page=page, sent_at=at(2026, 12, 6, 9))
    with translation.override("en"):
        sections = {section.key: section for section in build_report(START, END)}
        subscriptions = figures(sections["subscriptions"])
    # subscriptions at the end, confirmed in the period, pages e-mailed in it
    assert subscriptions["At once"] == [1, 0, 1]
    assert subscriptions["Once a day"] == [1, 1, 0]
    assert subscriptions["Total"] == [2, 1, 1]


@pytest.fixture
def november_messages(db):
    """Three questions and a request for documents received in November, one in December."""
    from citizens.models import Kind as MessageKind
    from citizens.models import Message, StatusChange

    kinds = {kind.code: kind for kind in MessageKind.objects.all()}

    def message(kind, received_at, due_days=None, answered_days=None):
        stored = Message.objects.create(
            kind=kinds[kind],
            subject="Private subject",
            text="Private text",
            received_at=received_at,
            due_at=received_at + dt.timedelta(days=due_days) if due_days is not None else None,
            status="answered" if answered_days is not None else "assigned",
        )
        StatusChange.objects.create(message=stored, to_status="new", changed_at=received_at)
        if answered_days is not None:
            StatusChange.objects.create(
                message=stored,
                from_status="assigned",
                to_status="answered",
                changed_at=received_at + dt.timedelta(days=answered_days),
            )

    message("question", at(2026, 11, 1, 0, 30), due_days=7, answered_days=1)  # on time
    message("question", at(2026, 11, 10, 9), due_days=7, answered_days=9)  # answered late: overdue
    message("question", at(2026, 11, 30, 23), due_days=7)  # open, not yet due on the 2nd
    message("access_to_documents", at(2026, 11, 20, 9), due_days=7)  # open past its due date: overdue
    message("question", at(2026, 12, 1, 0, 10), answered_days=1)  # December: not counted
    return kinds


def test_citizens_messages_per_kind_for_the_period(november_messages):
    with translation.override("en"):
        sections = {section.key: section for section in build_report(START, END, now=at(2026, 12, 2, 12))}
        messages = figures(sections["citizens_messages"])
    question = november_messages["question"].name_en or november_messages["question"].name
    documents = november_messages["access_to_documents"]
    # received, answered, answered on time, overdue, median days to answer
    assert messages[question] == [3, 2, 1, 1, 5.0]
    assert messages[documents.name_en or documents.name] == [1, 0, 0, 1, None]
    assert messages["Total"] == [4, 2, 1, 2, 5.0]
    # Every active kind has its row, with nothing received.
    assert len(messages) == len(november_messages) + 1


def pdf_text(content):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def use_language(user, language):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(pk=UserProfile.get_for_user(user).pk).update(preferred_language=language)


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Report to the head of office", "Contacts by kind", "Media notices", "Citizens' messages"]),
        ("sq", ["Raporti për shefin e zyrës", "Kontaktet sipas llojit", "Mesazhet e qytetarëve", "Gjithsej"]),
        ("sr", ["Извештај шефу канцеларије", "Контакти по врсти", "Поруке грађана", "Одговорено у року"]),
        ("sr-latn", ["Izveštaj šefu kancelarije", "Kontakti po vrsti", "Poruke građana", "Ukupno"]),
    ],
)
def test_the_report_as_pdf_in_the_users_language(client, head_of_office, known_data, november_messages,
                                                  language, headings):  # fmt: skip
    use_language(head_of_office, language)
    client.force_login(head_of_office)
    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30&format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report-2026-11-01-2026-11-30.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    for heading in headings:
        assert heading in text
    # The site's name, the period, and the figures of the HTML tables.
    assert "Komuna" in text and "2026" in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    with translation.override(language):
        advisory = str(MediaNotice.Kind.ADVISORY.label)
        total = str(translation.gettext("Total"))
    assert f"{advisory} 1 0 1 1" in lines
    assert f"{total} 1 1 1 2" in lines  # the notices' total
    assert f"{total} 4 2 1 2 5{',' if language != 'en' else '.'}0" in lines  # citizens' messages


def test_the_admin_page_links_the_csv_and_the_pdf_and_shows_the_messages(client, head_of_office,
                                                                          november_messages):  # fmt: skip
    use_language(head_of_office, "en")
    client.force_login(head_of_office)
    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30")
    content = response.content.decode()
    assert 'id="report-citizens_messages"' in content
    assert "format=csv" in content and "format=pdf" in content and "Download PDF" in content

    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Citizens' messages"] in rows
    assert ["Total", "4", "2", "1", "2", "5.0"] in rows


@pytest.mark.parametrize(
    "query",
    [
        "start=2026-11-30&end=2026-11-01",
        "start=not-a-date&end=2026-11-30",
        "start=2026-11-01&end=",
        "start=0001-01-01&end=2026-11-30",
        "start=2026-11-01&end=9999-12-31",
        "start=2026-13-01&end=2026-11-30",
    ],
)
def test_a_wrong_period_gives_the_form_with_its_error_not_a_file(client, head_of_office, query):
    use_language(head_of_office, "en")
    client.force_login(head_of_office)
    for download in ("pdf", "csv"):
        response = client.get(f"/admin/outreach/report/?{query}&format={download}")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert 'class="error-message"' in response.content.decode()
    assert client.get(f"/admin/outreach/report/?{query}").status_code == 200


def test_only_who_sees_the_report_gets_its_pdf(client, editor, head_of_office):
    client.force_login(editor)
    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30&format=pdf")
    assert response.status_code in (302, 403)
    assert not response.content.startswith(b"%PDF")
    client.logout()
    response = client.get("/admin/outreach/report/?start=2026-11-01&end=2026-11-30&format=pdf")
    assert response.status_code == 302 and "/login/" in response["Location"]
