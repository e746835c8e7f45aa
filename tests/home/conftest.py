"""Content fixtures: the category indexes under the Albanian home page."""

import pytest

from home import factories
from home.factories import BodyFactory

INDEX_FACTORIES = {
    "news": factories.NewsIndexPageFactory,
    "announcements": factories.AnnouncementIndexPageFactory,
    "decisions": factories.DecisionIndexPageFactory,
    "regulations": factories.RegulationIndexPageFactory,
    "vacancies": factories.VacancyIndexPageFactory,
    "publications": factories.PublicationIndexPageFactory,
    "campaigns": factories.CampaignIndexPageFactory,
}


@pytest.fixture
def indexes(home_page):
    return {name: factory(parent=home_page) for name, factory in INDEX_FACTORIES.items()}


@pytest.fixture
def assembly(db):
    return BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", name_sq="Kuvendi i Komunës", kind="assembly")


@pytest.fixture
def committee(db):
    return BodyFactory(
        slug="kpf", name="Komiteti për Politikë dhe Financa", name_sq="Komiteti për Politikë dhe Financa"
    )


@pytest.fixture
def bootstrapped_site(db):
    """A default site on a database that a transactional test may have flushed (root page included)."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from home.setup import ensure_locales

    ensure_locales()
    sq = Locale.objects.get(language_code="sq")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=sq))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        home = HomePage.objects.filter(locale=sq).first() or root.add_child(
            instance=HomePage(title="Komuna", slug="home", locale=sq)
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
    return Site.objects.get(is_default_site=True)
