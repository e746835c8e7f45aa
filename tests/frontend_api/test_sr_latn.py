"""Serbian in Latin script: SR_LATN reads the Cyrillic tree and transliterates every text."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory, MeetingPageFactory
from events.models import AgendaItem
from frontend_api.core.locale import locale_choices
from home.factories import BodyFactory, DepartmentFactory, PlaceFactory, TopicFactory
from translations.transliteration import to_latin, to_latin_html

from .conftest import make_document, translate_page

pytestmark = pytest.mark.django_db
BELGRADE = ZoneInfo("Europe/Belgrade")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def serbian(home_pages, locales):
    """An sr page whose body links to another sr page, under the Serbian home page."""
    home_sr = home_pages["sr"]
    home_sr.title = "Општина"
    home_sr.intro = '<p>Добродошли у <a linktype="page" id="{}">Скупштина општине</a>. ЉУДИ, ЊИВЕ</p>'
    home_sr.save_revision().publish()
    index = publish(EventIndexPageFactory(parent=home_pages["sq"], title="Kalendari", slug="kalendari"))
    index_sr = translate_page(index, locales["sr"], "Календар догађаја", "kalendar")
    home_sr.intro = home_sr.intro.format(index_sr.pk)
    home_sr.save_revision().publish()
    return {"home": home_sr, "index": index, "index_sr": index_sr}


def test_the_enum_offers_sr_latn_beside_the_stored_languages():
    assert ("SR_LATN", "sr-latn") in [(name, code) for name, code, _d in locale_choices()]


def test_page_by_path_in_latin_script(gql, serbian):
    data = gql(
        """{ page(path: "/sr-latn/kalendar/") {
          title slug url locale seoTitle
          translations { locale url title }
          breadcrumbs { title url locale }
          parent { title url ... on HomePage { intro } }
        } }"""
    )["page"]
    assert data["title"] == to_latin("Календар догађаја") == "Kalendar događaja"
    assert data["slug"] == "kalendar"
    assert data["url"] == "/sr-latn/kalendar/"
    assert data["locale"] == "SR_LATN"
    assert data["seoTitle"] == "Kalendar događaja"
    assert data["breadcrumbs"] == [{"title": "Opština", "url": "/sr-latn/", "locale": "SR_LATN"}]
    intro = data["parent"]["intro"]
    assert "Dobrodošli u" in intro and "Skupština opštine" in intro and "LJUDI, NJIVE" in intro
    assert 'href="/sr-latn/kalendar/"' in intro
    assert intro == to_latin_html(
        gql('{ page(path: "/sr/") { ... on HomePage { intro } } }')["page"]["intro"]
    ).replace('href="/sr/', 'href="/sr-latn/')
    translations = {entry["locale"]: entry for entry in data["translations"]}
    assert translations["SR"] == {"locale": "SR", "url": "/sr/kalendar/", "title": "Календар догађаја"}
    assert translations["SQ"] == {"locale": "SQ", "url": "/kalendari/", "title": "Kalendari"}
    assert "SR_LATN" not in translations


def test_cyrillic_and_other_pages_list_the_latin_translation(gql, serbian):
    cyrillic = gql('{ page(path: "/sr/kalendar/") { title url locale translations { locale url title } } }')
    page = cyrillic["page"]
    assert (page["title"], page["url"], page["locale"]) == ("Календар догађаја", "/sr/kalendar/", "SR")
    translations = {entry["locale"]: entry for entry in page["translations"]}
    assert translations["SR_LATN"] == {
        "locale": "SR_LATN",
        "url": "/sr-latn/kalendar/",
        "title": "Kalendar događaja",
    }
    albanian = gql('{ page(path: "/kalendari/") { translations { locale url title } } }')["page"]
    assert {entry["locale"] for entry in albanian["translations"]} == {"SR", "SR_LATN"}


def test_locale_argument_and_mixed_roots_in_one_request(gql, serbian):
    data = gql(
        """query($id: ID) { latin: homePage(locale: SR_LATN) { title url locale }
             cyrillic: homePage(locale: SR) { title url locale }
             byId: page(id: $id, locale: SR_LATN) { title url } }""",
        {"id": str(serbian["index"].pk)},
    )
    assert data["latin"] == {"title": "Opština", "url": "/sr-latn/", "locale": "SR_LATN"}
    assert data["cyrillic"] == {"title": "Општина", "url": "/sr/", "locale": "SR"}
    assert data["byId"] == {"title": "Kalendar događaja", "url": "/sr-latn/kalendar/"}


def test_reference_data_and_documents_in_latin(gql, db):
    body = BodyFactory(name="Kuvendi", name_sr="Скупштина општине", abbreviation="KK", abbreviation_sr="СО")
    DepartmentFactory(name="Drejtoria", name_sr="Дирекција за финансије", email="финансије@komuna.example")
    document = make_document("Vendimi", issuing_body=body, reference_number="01-016/2024")
    document.title = "Одлука о буџету"
    document.save()
    data = gql(
        """{ bodies(locale: SR_LATN) { name abbreviation slug locale }
             departments(locale: SR_LATN) { name email }
             documents(locale: SR_LATN) { edges { node { title number filename issuingBody { name } } } } }"""
    )
    assert data["bodies"] == [
        {"name": "Skupština opštine", "abbreviation": "SO", "slug": body.slug, "locale": "SR_LATN"}
    ]
    assert data["departments"] == [{"name": "Direkcija za finansije", "email": "финансије@komuna.example"}]
    node = data["documents"]["edges"][0]["node"]
    assert node["title"] == "Odluka o budžetu"
    assert node["number"] == "01-016/2024"
    assert node["issuingBody"] == {"name": "Skupština opštine"}


def test_events_in_latin(gql, serbian, locales):
    assembly = BodyFactory(name="Kuvendi", slug="kuvendi", name_sr="Скупштина општине")
    place = PlaceFactory(name="Salla", name_sr="Велика сала", address="Sheshi", address_sr="Трг слободе 1")
    topic = TopicFactory(name="Buxheti", name_sr="Буџет")
    start = dt.datetime(2026, 6, 10, 10, tzinfo=BELGRADE)
    event = EventPageFactory(
        parent=serbian["index"],
        title="Festivali",
        slug="festivali",
        start=start,
        place=place,
        organiser=assembly,
        online_url="https://примери.example/уживо",
    )
    event.topics.set([topic])
    publish(event)
    event_sr = translate_page(event, locales["sr"], "Фестивал културе", "festival")
    event_sr.summary = "Џез и ђаци"
    publish(event_sr)
    meeting = MeetingPageFactory(
        parent=serbian["index"], title="Seanca", slug="seanca", start=start, organiser=assembly
    )
    AgendaItem.objects.create(page=meeting, locale=meeting.locale, number="1", title="Buxheti", sort_order=0)
    publish(meeting)
    meeting_sr = translate_page(meeting, locales["sr"], "Седница", "sednica")
    item = AgendaItem.objects.get(page=meeting_sr)
    item.title, item.rapporteur = "Буџет за 2026", "Шеф канцеларије"
    item.save()
    query = """query($locale: Locale) {
      eventOccurrences(locale: $locale, from: "2026-06-01T00:00:00+02:00", to: "2026-07-01T00:00:00+02:00") {
        localStart page { title url slug locale
          ... on EventPage { summary onlineUrl place { name address } organiser { name } topics { name } }
          ... on MeetingPage { agendaItems { title rapporteur } } } }
      events(locale: $locale) { edges { node { title url } } }
      upcoming: calendarMonth(locale: $locale, year: 2026, month: 6) {
        weeks { days { occurrences { page { title } } } } }
    }"""
    latin = gql(query, {"locale": "SR_LATN"})
    cyrillic = gql(query, {"locale": "SR"})
    festival, session = (o["page"] for o in latin["eventOccurrences"])
    assert (
        festival["title"] == "Festival kulture" == to_latin(cyrillic["eventOccurrences"][0]["page"]["title"])
    )
    assert festival["summary"] == "Džez i đaci"
    assert festival["onlineUrl"] == "https://примери.example/уживо"
    assert festival["place"] == {"name": "Velika sala", "address": "Trg slobode 1"}
    assert festival["organiser"] == {"name": "Skupština opštine"}
    assert festival["topics"] == [{"name": "Budžet"}]
    assert (festival["url"], festival["slug"], festival["locale"]) == (
        "/sr-latn/kalendar/festival/",
        "festival",
        "SR_LATN",
    )
    assert session["agendaItems"] == [{"title": "Budžet za 2026", "rapporteur": "Šef kancelarije"}]
    assert [e["node"] for e in latin["events"]["edges"]] == [
        {"title": "Festival kulture", "url": "/sr-latn/kalendar/festival/"},
        {"title": "Sednica", "url": "/sr-latn/kalendar/sednica/"},
    ]
    month_titles = {
        o["page"]["title"]
        for week in latin["upcoming"]["weeks"]
        for day in week["days"]
        for o in day["occurrences"]
    }
    assert month_titles == {"Festival kulture", "Sednica"}
    assert latin["eventOccurrences"][0]["localStart"] == cyrillic["eventOccurrences"][0]["localStart"]


def test_variables_choose_latin_too(client, serbian):
    from .conftest import graphql_data, post

    data = graphql_data(post(client, "query($p: String) { page(path: $p) { title } }", {"p": "/sr-latn/"}))
    assert data["page"]["title"] == "Opština"


def test_every_glossary_term_reaches_the_api_in_latin(gql, db):
    from home.glossary import load_glossary

    rows = list(load_glossary().values())
    for index, row in enumerate(rows):
        TopicFactory(slug=f"term-{index}", name=row["sq"] or row["key"], name_sr=row["sr_cyrl"])
    topics = gql("{ topics(locale: SR_LATN) { slug name } }")["topics"]
    names = {topic["slug"]: topic["name"] for topic in topics}
    assert len(names) == len(rows)
    for index, row in enumerate(rows):
        assert names[f"term-{index}"] == row["sr_latn"], row["key"]
    assert "Skupština opštine" in names.values()


def test_change_feed_in_latin(gql, serbian):
    query = """{ changes(since: "2000-01-01T00:00:00Z", locale: SR_LATN, first: 100) {
      edges { node { title url } } } }"""
    nodes = [edge["node"] for edge in gql(query)["changes"]["edges"]]
    calendar = [node for node in nodes if node["url"] and node["url"].endswith("/kalendar/")]
    assert calendar, nodes
    assert calendar[-1]["title"] == "Kalendar događaja"
    assert calendar[-1]["url"].endswith("/sr-latn/kalendar/")
