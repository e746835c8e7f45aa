import datetime

import pytest
import time_machine
from django.utils import translation
from django.utils.translation import gettext

from home.factories import AnnouncementPageFactory
from home.models import AnnouncementPage

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 20)


@pytest.fixture
def announcements(indexes):
    index = indexes["announcements"]
    return {
        "expired": AnnouncementPageFactory(
            parent=index,
            title="Njoftim i skaduar",
            date=TODAY.replace(day=1),
            valid_until=TODAY.replace(day=19),
        ),
        "last_day": AnnouncementPageFactory(
            parent=index, title="Njoftim dita e fundit", date=TODAY.replace(day=2), valid_until=TODAY
        ),
        "open_ended": AnnouncementPageFactory(
            parent=index, title="Njoftim pa afat", date=TODAY.replace(day=3)
        ),
    }


def test_current_helper_keeps_announcements_until_the_end_of_their_last_day(announcements):
    current = set(AnnouncementPage.objects.current(on=TODAY).values_list("title", flat=True))
    assert current == {"Njoftim dita e fundit", "Njoftim pa afat"}
    expired = set(AnnouncementPage.objects.expired(on=TODAY).values_list("title", flat=True))
    assert expired == {"Njoftim i skaduar"}


def test_expired_announcements_leave_the_listing_but_stay_reachable(client, indexes, announcements):
    with time_machine.travel(datetime.datetime(2026, 5, 20, 23, 30, tzinfo=datetime.UTC), tick=False):
        # 23:30 UTC is already the 21st in Belgrade: the "last day" one has expired too.
        listing = client.get(indexes["announcements"].url).content.decode()
        expired_page = client.get(announcements["expired"].url)

    assert "Njoftim pa afat" in listing
    assert "Njoftim i skaduar" not in listing
    assert "Njoftim dita e fundit" not in listing
    assert expired_page.status_code == 200
    with translation.override("sq"):
        notice = gettext("This announcement has expired.")
    assert f'<p class="notice" role="status">{notice}</p>' in expired_page.content.decode()


def test_listing_shows_announcements_on_their_last_day(client, indexes, announcements):
    with time_machine.travel(datetime.datetime(2026, 5, 20, 12, 0, tzinfo=datetime.UTC), tick=False):
        listing = client.get(indexes["announcements"].url).content.decode()
        feed = client.get(indexes["announcements"].url + "rss/").content.decode()

    assert "Njoftim dita e fundit" in listing
    assert "Njoftim dita e fundit" in feed
    assert "Njoftim i skaduar" not in feed


def test_an_announcement_cannot_expire_before_its_date(indexes):
    from django.core.exceptions import ValidationError

    page = AnnouncementPageFactory.build(
        title="X", date=TODAY, valid_until=TODAY - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        page.clean()
