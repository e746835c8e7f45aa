import pytest
from django.core.management import call_command

from events import calendar
from events.models import EventIndexPage, EventPage, MeetingPage
from outreach.models import Contact


@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_database
def test_demo_calendar_covers_every_kind(data_after_flush, site):
    call_command("load_demo_data")

    assert sorted(EventIndexPage.objects.live().values_list("locale__language_code", flat=True)) == [
        "en",
        "sq",
        "sr",
    ]
    source = EventPage.objects.filter(locale__language_code="sq")
    assert set(source.values_list("kind", flat=True)) == set(EventPage.Kind.values)
    assert source.exclude(recurrence_rule="").count() >= 3
    assert source.filter(status="cancelled").exists()
    assert EventPage.objects.filter(locale__language_code="sr").count() == source.count()
    meetings = MeetingPage.objects.filter(locale__language_code="sq")
    assert set(meetings.values_list("organiser__kind", flat=True)) == {"assembly", "committee", "board"}
    assert meetings.filter(materials__isnull=False).distinct().count() >= 10
    assert meetings.filter(status="cancelled").exists()
    # Serbian sessions have Latin slugs from their titles ("7. седница – …"), not "/sr/kalendar/7/".
    serbian = MeetingPage.objects.live().filter(locale__language_code="sr")
    assert serbian.exists()
    for meeting in serbian:
        assert meeting.slug.startswith(f"{meeting.session_number}-sednica-"), meeting.slug
    assert set(Contact.objects.media().values_list("language", flat=True)) == {"sq", "sr", "sr-latn", "en"}
    upcoming = calendar.upcoming(locale="sq", limit=200)
    assert {occurrence.kind for occurrence in upcoming} >= {"meeting", "anniversary", "public_meeting"}
