"""Announcements, competitions, publications and media campaigns: fields, listings and filters."""

import datetime

import pytest
import time_machine
from wagtail_factories import ImageFactory

from frontend_api.http.cache import bump_generation
from home.factories import (
    AnnouncementPageFactory,
    CampaignPageFactory,
    DepartmentFactory,
    NewsPageFactory,
    PublicationPageFactory,
    VacancyPageFactory,
    publish_test_data,
)
from home.models import CampaignRelatedPage, VacancyDocument

from .conftest import make_document
from .content import make_private, sections_fixture, translations, unpublish  # noqa: F401  (fixture)

ANNOUNCEMENTS = """
query Announcements($locale: Locale, $where: AnnouncementFilter, $order: AnnouncementOrder) {
  announcements(locale: $locale, where: $where, order: $order) {
    totalCount
    edges { node { title url date validUntil kind isCurrent isExpired } }
  }
}
"""
VACANCIES = """
query Vacancies($locale: Locale, $where: VacancyFilter) {
  vacancies(locale: $locale, where: $where) {
    totalCount
    edges {
      node {
        title url kind opensAt deadline status isOpen
        department { name }
        documents { title }
      }
    }
  }
}
"""
PUBLICATIONS = """
query Publications($locale: Locale, $where: PublicationFilter) {
  publications(locale: $locale, where: $where) {
    totalCount
    edges {
      node {
        title url kind issueNumber date
        coverImage { rendition(preset: THUMBNAIL) { url } }
        file { title }
      }
    }
  }
}
"""
CAMPAIGNS = """
query Campaigns($locale: Locale, $where: CampaignFilter, $fallback: Boolean) {
  campaigns(locale: $locale, where: $where, fallback: $fallback) {
    totalCount
    edges {
      node {
        title url startsOn endsOn isRunning goals isFallback
        relatedPages { __typename title url }
      }
    }
  }
}
"""
SECTION = """
query Section($path: String!) {
  page(path: $path) {
    __typename title
    ... on NewsIndexPage { summary listingImage { id } body { __typename } }
    ... on VacancyIndexPage { summary }
    ... on StandardPage { summary body { __typename } }
  }
}
"""

pytestmark = pytest.mark.django_db
NOON = datetime.time(12, tzinfo=datetime.UTC)


def nodes(data, field):
    return [edge["node"] for edge in data[field]["edges"]]


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


# --- Announcements -----------------------------------------------------------------------


@pytest.fixture
def announcements(sections, locales):
    index = sections["announcements"]["sq"]
    current = AnnouncementPageFactory(
        parent=index,
        title="Njoftim publik",
        slug="njoftim",
        date=datetime.date(2026, 3, 1),
        valid_until=datetime.date(2026, 3, 31),
        kind="public_notice",
    )
    AnnouncementPageFactory(
        parent=index,
        title="Tender",
        slug="tender",
        date=datetime.date(2026, 1, 5),
        valid_until=None,
        kind="tender_notice",
    )
    AnnouncementPageFactory(
        parent=index,
        title="I skaduar",
        slug="skaduar",
        date=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2026, 1, 31),
    )
    return translations(current, locales, sr="Јавно обавештење", en="Public notice")


@pytest.mark.parametrize(
    ("locale", "title", "url"),
    [
        ("SQ", "Njoftim publik", "/shpallje/njoftim/"),
        ("SR", "Јавно обавештење", "/sr/obavestenja/njoftim-sr/"),
        ("EN", "Public notice", "/en/announcements/njoftim-en/"),
    ],
)
def test_announcement_in_every_locale(gql, announcements, locale, title, url):
    with time_machine.travel(at(datetime.date(2026, 3, 15)), tick=False):
        [node] = nodes(
            gql(ANNOUNCEMENTS, {"locale": locale, "where": {"kind": "PUBLIC_NOTICE", "current": True}}),
            "announcements",
        )
    assert (node["title"], node["url"], node["kind"]) == (title, url, "PUBLIC_NOTICE")
    assert (node["date"], node["validUntil"], node["isCurrent"], node["isExpired"]) == (
        "2026-03-01",
        "2026-03-31",
        True,
        False,
    )


def test_current_announcements_across_the_validity_day(gql, announcements):
    def titles(day, where):
        with time_machine.travel(at(day), tick=False):
            return [n["title"] for n in nodes(gql(ANNOUNCEMENTS, {"where": where}), "announcements")]

    march = datetime.date(2026, 3, 31)
    assert titles(march, {"current": True}) == ["Njoftim publik", "Tender"]
    assert titles(march, {"current": False}) == ["I skaduar"]
    april = datetime.date(2026, 4, 1)
    assert titles(april, {"current": True}) == ["Tender"]
    assert titles(april, {}) == ["Njoftim publik", "Tender", "I skaduar"]
    with time_machine.travel(at(april), tick=False):
        node = nodes(gql(ANNOUNCEMENTS, {"where": {"dateFrom": "2026-02-01"}}), "announcements")[0]
    assert (node["isCurrent"], node["isExpired"]) == (False, True)


# --- Vacancies ------------------------------------------------------------------------------


@pytest.fixture
def vacancies(sections, locales, private_collection):
    index = sections["vacancies"]["sq"]
    department = DepartmentFactory(
        name_sq="Drejtoria e Arsimit", name_sr="Директорат за образовање", slug="arsimi"
    )
    job = VacancyPageFactory(
        parent=index,
        title="Mësimdhënës",
        slug="mesimdhenes",
        kind="job",
        department=department,
        opens_at=at(datetime.date(2026, 5, 1), 8),
        deadline=at(datetime.date(2026, 5, 15), 14),
    )
    VacancyDocument.objects.create(page=job, document=make_document("Thirrja"))
    VacancyDocument.objects.create(page=job, document=make_document("Intern", collection=private_collection))
    publish_test_data(job)
    VacancyPageFactory(
        parent=index,
        title="Grant",
        slug="grant",
        kind="grant",
        opens_at=at(datetime.date(2026, 6, 1), 8),
        deadline=at(datetime.date(2026, 6, 30), 14),
    )
    return translations(job, locales, sr="Наставник", en="Teacher")


@pytest.mark.parametrize(
    ("locale", "title", "department"),
    [
        ("SQ", "Mësimdhënës", "Drejtoria e Arsimit"),
        ("SR", "Наставник", "Директорат за образовање"),
        ("EN", "Teacher", "Drejtoria e Arsimit"),
    ],
)
def test_vacancy_in_every_locale(gql, vacancies, locale, title, department):
    with time_machine.travel(at(datetime.date(2026, 5, 10)), tick=False):
        [node] = nodes(gql(VACANCIES, {"locale": locale, "where": {"kind": "JOB"}}), "vacancies")
    assert node["title"] == title
    assert (node["status"], node["isOpen"]) == ("OPEN", True)
    assert node["deadline"].startswith("2026-05-15T")
    assert node["department"]["name"] == department
    assert node["documents"] == [{"title": "Thirrja"}]


def test_open_vacancies_across_the_deadline(gql, vacancies):
    def listing(moment, where):
        bump_generation()  # responses are cached for minutes; the deadline is a minute apart
        with time_machine.travel(moment, tick=False):
            return {n["title"]: n["status"] for n in nodes(gql(VACANCIES, {"where": where}), "vacancies")}

    deadline = at(datetime.date(2026, 5, 15), 14)
    assert listing(deadline - datetime.timedelta(minutes=1), {"open": True}) == {"Mësimdhënës": "OPEN"}
    assert listing(deadline + datetime.timedelta(minutes=1), {"open": True}) == {}
    assert listing(deadline + datetime.timedelta(minutes=1), {"open": False}) == {
        "Mësimdhënës": "CLOSED",
        "Grant": "UPCOMING",
    }
    assert listing(deadline, {"status": "UPCOMING"}) == {"Grant": "UPCOMING"}
    assert listing(at(datetime.date(2026, 6, 2)), {"status": "OPEN"}) == {"Grant": "OPEN"}
    assert listing(at(datetime.date(2026, 6, 2)), {"status": "CLOSED"}) == {"Mësimdhënës": "CLOSED"}


# --- Publications -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "title"), [("SQ", "Buletini 5"), ("SR", "Билтен 5"), ("EN", "Bulletin 5")]
)
def test_publication_in_every_locale(gql, sections, locales, private_collection, locale, title):
    index = sections["publications"]["sq"]
    bulletin = PublicationPageFactory(
        parent=index,
        title="Buletini 5",
        slug="buletini-5",
        kind="bulletin",
        issue_number="5",
        date=datetime.date(2026, 2, 1),
        cover_image=ImageFactory(title="Kopertina"),
        file=make_document("Buletini"),
    )
    translations(bulletin, locales, sr="Билтен 5", en="Bulletin 5")
    PublicationPageFactory(parent=index, title="Fletëpalosje", slug="fletepalosje", kind="leaflet")
    [node] = nodes(gql(PUBLICATIONS, {"locale": locale, "where": {"kind": "BULLETIN"}}), "publications")
    assert (node["title"], node["issueNumber"], node["date"], node["kind"]) == (
        title,
        "5",
        "2026-02-01",
        "BULLETIN",
    )
    assert node["coverImage"]["rendition"]["url"].startswith("http://testserver/")
    assert node["file"] == {"title": "Buletini"}
    file = bulletin.file
    file.collection = private_collection
    file.save()
    [node] = nodes(gql(PUBLICATIONS, {"locale": locale, "where": {"kind": "BULLETIN"}}), "publications")
    assert node["file"] is None


# --- Campaigns ----------------------------------------------------------------------------


@pytest.fixture
def campaign(sections, locales):
    news_index = sections["news"]["sq"]
    shared = NewsPageFactory(parent=news_index, title="Lajm i fushatës", slug="lajm-fushate")
    translations(shared, locales, sr="Вест кампање", en="Campaign news")
    only_sq = NewsPageFactory(parent=news_index, title="Vetëm shqip", slug="vetem-shqip")
    draft = NewsPageFactory(parent=news_index, title="Skicë", slug="skice", live=False)
    private = NewsPageFactory(parent=news_index, title="Privat", slug="privat")
    make_private(private)
    gone = NewsPageFactory(parent=news_index, title="Hequr", slug="hequr")
    translations(gone, locales, sr="Уклоњено", en="Removed")
    page = CampaignPageFactory(
        parent=sections["campaigns"]["sq"],
        title="Fushata",
        slug="fushata",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2026, 4, 30),
        goals=f'<p>Informim <a linktype="page" id="{shared.pk}">lajm</a>.</p>',
    )
    for target in (shared, only_sq, draft, private, gone):
        CampaignRelatedPage.objects.create(campaign=page, page=target)
    publish_test_data(page)
    result = translations(page, locales, sr="Кампања", en="Campaign")
    for version in (gone, *(type(gone).objects.filter(translation_key=gone.translation_key))):
        if version.live:
            unpublish(version)
    return result


@pytest.mark.parametrize(
    ("locale", "title", "related", "link"),
    [
        (
            "SQ",
            "Fushata",
            [("Lajm i fushatës", "/lajme/lajm-fushate/"), ("Vetëm shqip", "/lajme/vetem-shqip/")],
            "/lajme/lajm-fushate/",
        ),
        ("SR", "Кампања", [("Вест кампање", "/sr/vesti/lajm-fushate-sr/")], "/sr/vesti/lajm-fushate-sr/"),
        ("EN", "Campaign", [("Campaign news", "/en/news/lajm-fushate-en/")], "/en/news/lajm-fushate-en/"),
    ],
)
def test_campaign_in_every_locale_with_public_related_pages_only(gql, campaign, locale, title, related, link):
    with time_machine.travel(at(datetime.date(2026, 4, 10)), tick=False):
        [node] = nodes(gql(CAMPAIGNS, {"locale": locale, "where": {"running": True}}), "campaigns")
    assert node["title"] == title
    assert (node["startsOn"], node["endsOn"], node["isRunning"]) == ("2026-04-01", "2026-04-30", True)
    assert [(p["title"], p["url"]) for p in node["relatedPages"]] == related
    assert {p["__typename"] for p in node["relatedPages"]} == {"NewsPage"}
    assert f'<a href="{link}">' in node["goals"]


def test_campaign_filters(gql, campaign):
    with time_machine.travel(at(datetime.date(2026, 5, 10)), tick=False):
        assert gql(CAMPAIGNS, {"where": {"running": True}})["campaigns"]["totalCount"] == 0
        assert gql(CAMPAIGNS, {"where": {"running": False}})["campaigns"]["totalCount"] == 1
    assert gql(CAMPAIGNS, {"where": {"startsFrom": "2026-04-02"}})["campaigns"]["totalCount"] == 0


# --- Sections and standard pages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "typename"),
    [
        ("/lajme/", "NewsIndexPage"),
        ("/sr/vesti/", "NewsIndexPage"),
        ("/en/vacancies/", "VacancyIndexPage"),
        ("/shpallje/", "AnnouncementIndexPage"),
        ("/sr/odluke/", "DecisionIndexPage"),
        ("/en/regulations/", "RegulationIndexPage"),
        ("/publikime/", "PublicationIndexPage"),
        ("/fushata-mediale/", "CampaignIndexPage"),
    ],
)
def test_section_pages_have_their_own_types(gql, sections, path, typename):
    page = gql(SECTION, {"path": path})["page"]
    assert page["__typename"] == typename
    assert page.get("summary", "") == ""
