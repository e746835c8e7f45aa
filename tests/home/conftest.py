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
