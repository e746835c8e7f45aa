"""The demo's month: contacts of every kind and language, interactions and citizens' messages
in last month, and the head of office's report for it in the admin and as PDF."""

import io

import pypdf
import pytest
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from citizens import demo as citizens_demo
from citizens.models import Message
from home.demo import DemoContext, reference
from outreach import demo
from outreach.models import Contact, Interaction, Kind, Organisation
from outreach.report import build_report, day_bounds, last_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_month():
    ctx = DemoContext(write=lambda message: None)
    reference.load(ctx)
    demo.load(ctx)
    citizens_demo.load(ctx)
    return last_month()


def test_the_demo_has_every_kind_in_three_languages_and_a_month_of_interactions(demo_month):
    start, end = demo_month
    assert set(Contact.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert set(Contact.objects.values_list("language", flat=True)) == {"sq", "sr", "sr-latn", "en"}

    interactions = Interaction.objects.all()
    assert interactions.count() == len(demo.INTERACTIONS)
    assert all(start <= day <= end for day in interactions.values_list("date", flat=True))
    assert set(interactions.values_list("kind", flat=True)) == set(Interaction.Kind.values)
    assert set(interactions.values_list("outcome", flat=True)) == set(Interaction.Outcome.values)
    today = timezone.localdate()
    follow_ups = list(interactions.exclude(follow_up_date=None).values_list("date", "follow_up_date"))
    assert all(date <= follow_up for date, follow_up in follow_ups)
    assert {follow_up < today for _date, follow_up in follow_ups} == {True, False}
    assert any(follow_up > today for _date, follow_up in follow_ups)

    since, until = day_bounds(start, end)
    in_month = Message.objects.filter(received_at__gte=since, received_at__lt=until)
    assert in_month.count() >= 5
    assert len(set(in_month.values_list("kind", flat=True))) >= 3


def test_the_demo_months_report_in_the_admin_and_as_pdf(client, head_of_office, demo_month):
    start, end = demo_month
    since, until = day_bounds(start, end)
    received = Message.objects.filter(received_at__gte=since, received_at__lt=until).count()
    with translation.override("en"):
        sections = {section.key: section for section in build_report(start, end)}
    interactions_total = sections["interactions_by_kind"].rows[-1]
    assert interactions_total[1] == len(demo.INTERACTIONS)
    assert sections["citizens_messages"].rows[-1][1] == received
    assert sections["contacts_by_kind"].rows[-1][1] == Contact.objects.count()

    UserProfile.objects.filter(pk=UserProfile.get_for_user(head_of_office).pk).update(preferred_language="sq")
    client.force_login(head_of_office)
    # Last month is the page's default period.
    response = client.get("/admin/outreach/report/")
    assert response.status_code == 200
    content = response.content.decode()
    for key in sections:
        assert f'id="report-{key}"' in content
    assert "Mesazhet e qytetarëve" in content and f"<td>{len(demo.INTERACTIONS)}</td>" in content

    response = client.get(f"/admin/outreach/report/?start={start}&end={end}&format=pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Raporti për shefin e zyrës" in text and "Mesazhet e qytetarëve" in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert any(line.startswith(f"Gjithsej {len(demo.INTERACTIONS)}") for line in lines)
    assert any(line.startswith(f"Gjithsej {received} ") for line in lines)


def test_some_demo_contacts_were_added_in_the_month(demo_month):
    start, end = demo_month
    since, until = day_bounds(start, end)
    assert Contact.objects.filter(created_at__lt=since).count() > Contact.objects.count() / 2
    assert Contact.objects.filter(created_at__gte=since, created_at__lt=until).exists()
    assert not Contact.objects.filter(created_at__gte=until).exists()


def test_last_months_notices_and_press_releases_are_sent_in_the_demo_once(home_page):
    import datetime as dt

    from events.factories import EventIndexPageFactory, EventPageFactory, MeetingPageFactory
    from events.models import MediaNotice, NoticeDelivery
    from home.factories import BodyFactory, NewsIndexPageFactory, NewsPageFactory

    ctx = DemoContext(write=lambda message: None)
    demo.load(ctx)
    start, end = last_month()
    calendar = EventIndexPageFactory(parent=home_page)
    moment = dt.datetime.combine(
        start + dt.timedelta(days=10), dt.time(10), tzinfo=timezone.get_current_timezone()
    )
    EventPageFactory(parent=calendar, start=moment)
    MeetingPageFactory(parent=calendar, organiser=BodyFactory(), start=moment + dt.timedelta(days=5))
    EventPageFactory(parent=calendar, start=moment + dt.timedelta(days=40))  # next month: none
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))

    demo.load_notice_history(ctx)
    demo.load_notice_history(again := DemoContext(write=lambda message: None))
    assert again.created == {}
    assert MediaNotice.objects.count() == 3
    media = Contact.objects.media().count()
    assert NoticeDelivery.objects.count() == 3 * media
    assert NoticeDelivery.objects.filter(sent_at=None).count() == 3

    with translation.override("en"):
        notices = {str(row[0]): row[1:] for row in build_report(start, end)[4].rows}
    # sent, failed, e-mails delivered, e-mails not delivered
    assert notices["Media advisory"] == [1, 0, media - 1, 1]
    assert notices["Meeting materials"] == [1, 0, media - 1, 1]
    assert notices["Press release"] == [1, 0, media - 1, 1]


def test_the_kinds_of_message_are_in_latin_for_a_reader_of_serbian_latin(demo_month):
    start, end = demo_month
    with translation.override("sr-latn"):
        section = next(s for s in build_report(start, end) if s.key == "citizens_messages")
        labels = [str(row[0]) for row in section.rows]
    assert "Pitanje" in labels and not any(set(label) & set("абвгдежзиклмнопрстуфхцчш") for label in labels)
