"""Content pages for the API tests: category sections in every locale and helpers to add items."""

import datetime

import pytest
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from home import factories

from .conftest import translate_page

SECTION_FACTORIES = {
    "news": factories.NewsIndexPageFactory,
    "announcements": factories.AnnouncementIndexPageFactory,
    "decisions": factories.DecisionIndexPageFactory,
    "regulations": factories.RegulationIndexPageFactory,
    "vacancies": factories.VacancyIndexPageFactory,
    "publications": factories.PublicationIndexPageFactory,
    "campaigns": factories.CampaignIndexPageFactory,
}
SECTION_SLUGS = {
    "news": ("vesti", "news"),
    "announcements": ("obavestenja", "announcements"),
    "decisions": ("odluke", "decisions"),
    "regulations": ("pravilnici", "regulations"),
    "vacancies": ("konkursi", "vacancies"),
    "publications": ("publikacije", "publications"),
    "campaigns": ("kampanje", "campaigns"),
}


@pytest.fixture(name="sections")
def sections_fixture(home_pages, locales):
    """{section: {"sq": index, "sr": index, "en": index}}: every category index, translated."""
    result = {}
    for name, factory in SECTION_FACTORIES.items():
        source = factory(parent=home_pages["sq"])
        sr_slug, en_slug = SECTION_SLUGS[name]
        result[name] = {
            "sq": source,
            "sr": translate_page(source, locales["sr"], f"{source.title} (sr)", sr_slug),
            "en": translate_page(source, locales["en"], f"{source.title} (en)", en_slug),
        }
    return result


def translations(page, locales, sr=None, en=None):
    """``page`` translated into sr and/or en (titles given), published."""
    result = {"sq": page}
    if sr:
        result["sr"] = translate_page(page, locales["sr"], sr, page.slug + "-sr")
    if en:
        result["en"] = translate_page(page, locales["en"], en, page.slug + "-en")
    return result


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")


def unpublish(page):
    page.unpublish()
    page.refresh_from_db()


def add_news(index, start, stop, topic):
    """News items ``start`` to ``stop - 1`` under ``index``, each with two images and ``topic``."""
    for number in range(start, stop):
        page = factories.NewsPageFactory(
            parent=index,
            title=f"Lajm {number}",
            slug=f"lajm-{number}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            lead_image=ImageFactory(title=f"Foto {number}"),
            listing_image=ImageFactory(title=f"Ikona {number}"),
        )
        page.topics.set([topic])
        page.save_revision().publish()
