import pytest

from home.demo import DemoContext
from outreach import demo
from outreach.models import Community, Contact, Interaction, Kind

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
