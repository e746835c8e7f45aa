import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from home.factories import VacancyPageFactory
from home.models import VacancyPage

pytestmark = pytest.mark.django_db

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
OPENS = datetime.datetime(2026, 3, 1, 8, 0, tzinfo=BELGRADE)
# 16:00 in Belgrade is 15:00 UTC in winter: the deadline must be read in local time.
DEADLINE = datetime.datetime(2026, 3, 15, 16, 0, tzinfo=BELGRADE)


@pytest.fixture
def vacancy(indexes):
    return VacancyPageFactory(parent=indexes["vacancies"], title="Konkurs", opens_at=OPENS, deadline=DEADLINE)


@pytest.mark.parametrize(
    ("moment", "is_open", "status"),
    [
        (OPENS - datetime.timedelta(minutes=1), False, "upcoming"),
        (OPENS, True, "open"),
        (DEADLINE - datetime.timedelta(seconds=1), True, "open"),
        (DEADLINE, True, "open"),
        (DEADLINE + datetime.timedelta(seconds=1), False, "closed"),
        (datetime.datetime(2026, 3, 15, 15, 30, tzinfo=datetime.UTC), False, "closed"),
    ],
)
def test_open_or_closed_follows_the_clock_across_the_deadline(vacancy, moment, is_open, status):
    with time_machine.travel(moment, tick=False):
        assert vacancy.is_open is is_open
        assert vacancy.status == status
        assert VacancyPage.objects.open().filter(pk=vacancy.pk).exists() is is_open
        assert VacancyPage.objects.closed().filter(pk=vacancy.pk).exists() is (status == "closed")


def test_the_page_shows_open_then_closed(client, vacancy):
    with translation.override("sq"):
        open_, closed = gettext("Open"), gettext("Closed")
    with time_machine.travel(DEADLINE - datetime.timedelta(hours=1), tick=False):
        html = client.get(vacancy.url).content.decode()
        assert f"<dd><strong>{open_}</strong></dd>" in html
        assert closed not in html
    with time_machine.travel(DEADLINE + datetime.timedelta(hours=1), tick=False):
        html = client.get(vacancy.url).content.decode()
        assert f"<dd>{closed}</dd>" in html
        assert open_ not in html
    assert vacancy.deadline_local.strftime("%d.%m.%Y %H:%M") == "15.03.2026 16:00"


def test_the_deadline_must_follow_the_opening(indexes):
    page = VacancyPageFactory.build(title="Konkurs", opens_at=DEADLINE, deadline=OPENS)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "deadline" in error.value.message_dict
