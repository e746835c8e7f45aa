import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from home import models
from translations.slugs import is_acceptable_slug

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_content_covers_every_type_in_every_locale(site):
    # ``site`` rebuilds the root and home page when an earlier transactional test flushed them.
    call_command("load_demo_data")

    for model in [*models.ITEM_PAGE_MODELS, models.StandardPage]:
        for code in ("sq", "sr", "en"):
            assert model.objects.live().filter(locale__language_code=code).count() >= 5, (model, code)
    for model in models.INDEX_PAGE_MODELS:
        assert model.objects.live().count() == 3

    for code in ("sq", "sr", "en"):
        vacancies = models.VacancyPage.objects.filter(locale__language_code=code)
        assert vacancies.open().exists() and vacancies.closed().exists()
        announcements = models.AnnouncementPage.objects.filter(locale__language_code=code)
        assert announcements.current().exists() and announcements.expired().exists()
        repealed = models.DecisionPage.objects.filter(locale__language_code=code).repealed()
        assert repealed.count() == 1
        assert repealed.get().repealed_by is not None

    serbian = models.DecisionPage.objects.get(locale__language_code="sr", number="01-016/2025")
    source = serbian.get_translation(Locale.get_default())
    assert serbian.translation_key == source.translation_key
    assert serbian.title == "Одлука о усвајању Буџета општине за 2026. годину"
    assert serbian.url == "/sr/odluke/odluka-o-usvajanju-budzeta-opstine-za-2026-godinu/"
    assert models.NewsPage.objects.get(
        locale__language_code="en", slug="municipal-assembly-adopts-the-2026-budget"
    )
    assert models.DecisionPage.objects.filter(issuing_body__isnull=True).count() == 0
    for code in ("sq", "sr", "en"):
        campaign = models.CampaignPage.objects.filter(locale__language_code=code).get(
            translation_key=models.CampaignPage.objects.get(slug="fushata-per-transparence").translation_key
        )
        assert campaign.related_pages.count() == 3
    assert models.RegulationPage.objects.get(slug="rregullore-per-taksat-komunale").amendments.count() == 1
    for snippet in (models.MainMenu, models.Footer, models.OfficeContact, models.SocialLinks):
        assert snippet.objects.count() == 3
    # ASCII slugs in every locale, never a bare number.
    slugs = Page.objects.filter(depth__gt=1).values_list("slug", flat=True)
    assert [slug for slug in slugs if not is_acceptable_slug(slug)] == []
