import datetime

import pytest
import time_machine
from django.core.management import call_command

from home.factories import CampaignPageFactory, NewsPageFactory, RegulationPageFactory
from home.models import NewsPage, RegulationPage

pytestmark = pytest.mark.django_db


def test_regulations_in_force_on_a_day(indexes, assembly):
    index = indexes["regulations"]
    adopted = datetime.date(2026, 1, 10)
    RegulationPageFactory(parent=index, title="Në fuqi", issuing_body=assembly, date_adopted=adopted)
    RegulationPageFactory(
        parent=index,
        title="Nga qershori",
        issuing_body=assembly,
        date_adopted=adopted,
        in_force_from=datetime.date(2026, 6, 1),
    )
    RegulationPageFactory(
        parent=index,
        title="E shfuqizuar",
        issuing_body=assembly,
        date_adopted=adopted,
        repealed_on=datetime.date(2026, 3, 1),
    )

    def in_force(on):
        return set(RegulationPage.objects.in_force(on=on).values_list("title", flat=True))

    assert in_force(datetime.date(2026, 2, 1)) == {"Në fuqi", "E shfuqizuar"}
    assert in_force(datetime.date(2026, 3, 1)) == {"Në fuqi"}
    assert in_force(datetime.date(2026, 6, 1)) == {"Në fuqi", "Nga qershori"}
    with time_machine.travel(datetime.datetime(2026, 6, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        assert set(RegulationPage.objects.in_force().values_list("title", flat=True)) == {
            "Në fuqi",
            "Nga qershori",
        }
        assert RegulationPage.objects.get(title="Nga qershori").is_in_force()


def test_campaign_lists_related_pages_of_any_type(client, indexes):
    news = NewsPageFactory(parent=indexes["news"], title="Lajm i fushatës")
    campaign = CampaignPageFactory(
        parent=indexes["campaigns"], title="Komuna transparente", goals="<p>Qëllimi.</p>"
    )
    campaign.related_pages.create(page=news)
    campaign.related_pages.create(page=indexes["news"])
    campaign.save_revision().publish()

    html = client.get(campaign.url).content.decode()
    assert f'<a href="{news.url}">Lajm i fushatës</a>' in html
    assert "<p>Qëllimi.</p>" in html


def test_scheduled_publishing_publishes_at_go_live_time(indexes):
    page = NewsPageFactory(parent=indexes["news"], title="Lajm i planifikuar", live=False)
    go_live = datetime.datetime(2026, 6, 1, 8, 0, tzinfo=datetime.UTC)
    page.go_live_at = go_live
    with time_machine.travel(go_live - datetime.timedelta(days=1), tick=False):
        page.save_revision(approved_go_live_at=go_live)
        call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=page.pk).live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=page.pk).live
