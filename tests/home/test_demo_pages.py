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


def test_demo_images_are_described_in_every_language(site):
    from home.demo import content_text as text

    call_command("load_demo_data")

    for images, model, name in (
        (text.NEWS_IMAGES, models.NewsPage, "lead_image"),
        (text.PUBLICATION_COVERS, models.PublicationPage, "cover_image"),
    ):
        for slug, (filename, _colours, alt, caption) in images.items():
            source = model.objects.get(locale__language_code="sq", slug=slug)
            for code in ("sq", "sr", "en"):
                page = model.objects.get(locale__language_code=code, translation_key=source.translation_key)
                assert getattr(page, name).title == filename
                assert getattr(page, f"{name}_alt") == alt[code], (slug, code)
                assert getattr(page, f"{name}_caption") == caption[code], (slug, code)
                if model is models.NewsPage:
                    assert (page.listing_image, page.listing_image_alt) == (page.lead_image, alt[code])
                    assert page.listing_image_caption == ""
