import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Collection, Page

from events.defaults import ensure_default_rules
from events.factories import EventIndexPageFactory, MediaContactFactory
from home.factories import BodyFactory, PlaceFactory, TopicFactory
from home.models import Body

BELGRADE = ZoneInfo("Europe/Belgrade")


def local(*args):
    """An aware Europe/Belgrade datetime."""
    return dt.datetime(*args, tzinfo=BELGRADE)


@pytest.fixture
def data_after_flush(locales):
    """What an earlier transactional test's flush removed: the trees' roots and the default rules."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["sq"]))
    ensure_default_rules()


@pytest.fixture
def calendar_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def assembly(db):
    return BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", kind=Body.Kind.ASSEMBLY)


@pytest.fixture
def committee(db):
    return BodyFactory(slug="kpf", name="Komiteti për Politikë dhe Financa", kind=Body.Kind.COMMITTEE)


@pytest.fixture
def hall(db):
    return PlaceFactory(slug="salla", name="Salla e Kuvendit", address="Sheshi i Lirisë 1")


@pytest.fixture
def budget_topic(db):
    return TopicFactory(slug="buxheti", name="Buxheti")


@pytest.fixture
def contacts(db):
    return {
        "sq": MediaContactFactory(
            outlet="Radio Kosova", person="Arta Krasniqi", email="arta@rtk.example", language="sq"
        ),
        "sr": MediaContactFactory(
            outlet="Радио Гораждевац", person="Марко Петровић", email="marko@rg.example", language="sr"
        ),
        "en": MediaContactFactory(
            outlet="Balkan Insight",
            person="Jane Doe",
            email="jane@bi.example",
            language="en",
            scope="international",
        ),
    }
