"""Decisions and regulations: fields, listings, filters and what never leaks."""

import datetime

import pytest
import time_machine

from home.factories import BodyFactory, DecisionPageFactory, RegulationPageFactory, publish_test_data
from home.models import DecisionDocument, RegulationAmendment

from .conftest import make_document
from .content import make_private, sections_fixture, translations, unpublish  # noqa: F401  (fixture)

DECISIONS = """
query Decisions($locale: Locale, $where: DecisionFilter, $fallback: Boolean) {
  decisions(locale: $locale, where: $where, fallback: $fallback) {
    totalCount
    edges {
      node {
        title url locale isFallback number dateAdopted status isInForce summary
        issuingBody { name }
        repealedBy { title url }
        document { title }
        attachments { title }
      }
    }
  }
}
"""
REGULATIONS = """
query Regulations($locale: Locale, $where: RegulationFilter) {
  regulations(locale: $locale, where: $where) {
    totalCount
    edges {
      node {
        title url number dateAdopted inForceFrom repealedOn isInForce
        issuingBody { name }
        consolidatedText { title }
        amendments { number dateAdopted decision { title url } document { title } }
      }
    }
  }
}
"""

pytestmark = pytest.mark.django_db


def nodes(data, field):
    return [edge["node"] for edge in data[field]["edges"]]


@pytest.fixture
def assembly(db):
    return BodyFactory(
        slug="kuvendi", name_sq="Kuvendi i Komunës", name_sr="Скупштина општине", name_en="Municipal Assembly"
    )


@pytest.fixture
def decision(sections, locales, assembly, private_collection):
    index = sections["decisions"]["sq"]
    newer = DecisionPageFactory(
        parent=index, title="Vendimi i ri", slug="vendimi-i-ri", issuing_body=assembly
    )
    old = DecisionPageFactory(
        parent=index,
        title="Vendimi i vjetër",
        slug="vendimi-i-vjeter",
        number="01-001/2025",
        date_adopted=datetime.date(2025, 2, 1),
        issuing_body=assembly,
        status="repealed",
        repealed_by=newer,
        document=make_document("Teksti"),
    )
    DecisionDocument.objects.create(page=old, document=make_document("Aneksi"))
    DecisionDocument.objects.create(page=old, document=make_document("Sekret", collection=private_collection))
    publish_test_data(old)
    translations(newer, locales, sr="Нова одлука", en="New decision")
    return translations(old, locales, sr="Стара одлука", en="Old decision")


@pytest.mark.parametrize(
    ("locale", "title", "body", "repealed_by"),
    [
        ("SQ", "Vendimi i vjetër", "Kuvendi i Komunës", ("Vendimi i ri", "/vendime/vendimi-i-ri/")),
        ("SR", "Стара одлука", "Скупштина општине", ("Нова одлука", "/sr/odluke/vendimi-i-ri-sr/")),
        ("EN", "Old decision", "Municipal Assembly", ("New decision", "/en/decisions/vendimi-i-ri-en/")),
    ],
)
def test_decision_in_every_locale(gql, decision, locale, title, body, repealed_by):
    data = gql(DECISIONS, {"locale": locale, "where": {"status": "REPEALED"}})
    [node] = nodes(data, "decisions")
    assert node["title"] == title
    assert node["locale"] == locale
    assert node["number"] == "01-001/2025"
    assert node["dateAdopted"] == "2025-02-01"
    assert (node["status"], node["isInForce"]) == ("REPEALED", False)
    assert node["issuingBody"]["name"] == body
    assert (node["repealedBy"]["title"], node["repealedBy"]["url"]) == repealed_by
    assert node["document"]["title"] == "Teksti"
    assert node["attachments"] == [{"title": "Aneksi"}]  # the private one never appears


def test_repealed_by_a_page_not_public_is_null(gql, decision):
    newer = decision["sq"].repealed_by.specific
    make_private(newer)
    [node] = nodes(gql(DECISIONS, {"where": {"status": "REPEALED"}}), "decisions")
    assert node["repealedBy"] is None
    unpublish(newer)
    [node] = nodes(gql(DECISIONS, {"where": {"status": "REPEALED"}}), "decisions")
    assert node["repealedBy"] is None


def test_decision_document_in_a_private_collection_is_null(gql, decision, private_collection):
    document = decision["sq"].document
    document.collection = private_collection
    document.save()
    [node] = nodes(gql(DECISIONS, {"where": {"status": "REPEALED"}}), "decisions")
    assert node["document"] is None


def test_decision_filters(gql, decision, assembly):
    other = BodyFactory(slug="kpf", name_sq="KPF")
    DecisionPageFactory(parent=decision["sq"].get_parent(), title="Tjetër", slug="tjeter", issuing_body=other)
    titles = lambda where: sorted(n["title"] for n in nodes(gql(DECISIONS, {"where": where}), "decisions"))  # noqa: E731
    assert titles({"issuingBody": str(other.pk)}) == ["Tjetër"]
    assert titles({"status": "IN_FORCE", "issuingBody": str(assembly.pk)}) == ["Vendimi i ri"]
    assert titles({"adoptedTo": "2025-12-31"}) == ["Vendimi i vjetër"]
    assert titles({"number": "01-001/2025"}) == ["Vendimi i vjetër"]


def test_untranslated_decision_with_fallback(gql, sections, assembly):
    DecisionPageFactory(
        parent=sections["decisions"]["sq"], title="Vetëm shqip", slug="vs", issuing_body=assembly
    )
    assert gql(DECISIONS, {"locale": "SR"})["decisions"]["totalCount"] == 0
    [node] = nodes(gql(DECISIONS, {"locale": "SR", "fallback": True}), "decisions")
    assert (node["title"], node["isFallback"], node["locale"]) == ("Vetëm shqip", True, "SQ")
    assert node["issuingBody"]["name"] == "Kuvendi i Komunës"  # no Serbian name given: falls back


@pytest.fixture
def regulations(sections, locales, assembly, private_collection):
    index = sections["regulations"]["sq"]
    amending = DecisionPageFactory(
        parent=sections["decisions"]["sq"], title="Vendimi ndryshues", slug="ndryshues", issuing_body=assembly
    )
    translations(amending, locales, sr="Одлука о измени")
    current = RegulationPageFactory(
        parent=index,
        title="Rregullorja e taksave",
        slug="taksat",
        number="R-01/2024",
        issuing_body=assembly,
        date_adopted=datetime.date(2024, 1, 10),
        in_force_from=datetime.date(2024, 2, 1),
        consolidated_text=make_document("Teksti i konsoliduar"),
    )
    RegulationAmendment.objects.create(
        page=current,
        number="01-5/2025",
        date_adopted=datetime.date(2025, 5, 5),
        decision=amending,
        document=make_document("Ndryshimi"),
    )
    RegulationAmendment.objects.create(
        page=current,
        number="01-6/2025",
        date_adopted=datetime.date(2025, 6, 6),
        document=make_document("Ndryshim sekret", collection=private_collection),
    )
    publish_test_data(current)
    RegulationPageFactory(
        parent=index,
        title="Rregullorja e shfuqizuar",
        slug="shfuqizuar",
        issuing_body=assembly,
        date_adopted=datetime.date(2020, 1, 1),
        repealed_on=datetime.date(2024, 1, 1),
    )
    RegulationPageFactory(
        parent=index,
        title="Rregullorja e ardhshme",
        slug="ardhshme",
        issuing_body=assembly,
        date_adopted=datetime.date(2026, 1, 1),
        in_force_from=datetime.date(2027, 1, 1),
    )
    return translations(current, locales, sr="Правилник о таксама", en="Regulation on fees")


@pytest.mark.parametrize(
    ("locale", "title", "decision"),
    [
        ("SQ", "Rregullorja e taksave", {"title": "Vendimi ndryshues", "url": "/vendime/ndryshues/"}),
        ("SR", "Правилник о таксама", {"title": "Одлука о измени", "url": "/sr/odluke/ndryshues-sr/"}),
        ("EN", "Regulation on fees", None),  # the amending decision is not translated into English
    ],
)
def test_regulation_in_every_locale(gql, regulations, locale, title, decision):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        data = gql(REGULATIONS, {"locale": locale, "where": {"inForce": True}})
    [node] = nodes(data, "regulations")
    assert node["title"] == title
    assert (node["inForceFrom"], node["repealedOn"], node["isInForce"]) == ("2024-02-01", None, True)
    assert node["consolidatedText"]["title"] == "Teksti i konsoliduar"
    first, second = node["amendments"]
    assert first == {
        "number": "01-5/2025",
        "dateAdopted": "2025-05-05",
        "decision": decision,
        "document": {"title": "Ndryshimi"},
    }
    assert second["document"] is None  # private collection


def test_regulations_in_force_filter(gql, regulations):
    def titles(where, moment):
        with time_machine.travel(moment, tick=False):
            return sorted(n["title"] for n in nodes(gql(REGULATIONS, {"where": where}), "regulations"))

    today = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
    assert titles({"inForce": True}, today) == ["Rregullorja e taksave"]
    assert titles({"inForce": False}, today) == ["Rregullorja e ardhshme", "Rregullorja e shfuqizuar"]
    later = datetime.datetime(2027, 1, 2, 12, tzinfo=datetime.UTC)
    assert titles({"inForce": True}, later) == ["Rregullorja e ardhshme", "Rregullorja e taksave"]
    assert titles({"adoptedFrom": "2025-01-01"}, today) == ["Rregullorja e ardhshme"]
