import pytest

from home.demo import DemoContext
from home.models import CampaignPage
from outreach import demo
from outreach.models import CampaignActivity, Community, Contact, Interaction, Kind

pytestmark = pytest.mark.django_db


def test_demo_directory_has_every_kind_community_and_language_and_loads_once():
    ctx = DemoContext(write=lambda message: None)
    demo.load(ctx)
    assert set(Contact.objects.values_list("kind", flat=True)) == set(Kind.values)
    communities = set(Contact.objects.exclude(community="").values_list("community", flat=True))
    assert communities >= {"serbian", "turkish", "bosniak", "roma", "ashkali", "egyptian", "gorani"}
    assert communities <= set(Community.values)
    assert set(Contact.objects.values_list("language", flat=True)) == {"sq", "sr", "sr-latn", "en"}
    assert Interaction.objects.count() == len(demo.INTERACTIONS)
    assert not Interaction.objects.filter(contacts__isnull=True).exists()
    assert Interaction.objects.follow_ups_due().exists()

    again = DemoContext(write=lambda message: None)
    demo.load(again)
    assert again.created == {}


def test_demo_campaigns_have_activities_done_overdue_and_ahead_once(home_page):
    from home.factories import CampaignIndexPageFactory, CampaignPageFactory
    from outreach.campaigns import campaigns_as_saved, entries

    index = CampaignIndexPageFactory(parent=home_page)
    for slug in demo.CAMPAIGNS:
        CampaignPageFactory(parent=index, slug=slug)
    demo.load(DemoContext(write=lambda message: None))
    states = {entry.state for entry in entries(campaigns_as_saved())}
    assert states == {"done", "overdue", "upcoming", "cancelled"}
    transparency = CampaignPage.objects.get(slug="fushata-per-transparence")
    assert transparency.channels and transparency.target_groups.count() == 3
    assert transparency.activities.filter(interaction__isnull=False).exists()

    again = DemoContext(write=lambda message: None)
    demo.load(again)
    assert again.created == {}
    assert CampaignActivity.objects.count() == sum(len(plan[3]) for plan in demo.CAMPAIGNS.values())
