import datetime

import pytest

from home.factories import BodyFactory, DocumentTypeFactory

from .conftest import graphql_errors, make_document, post

DOCUMENTS = """
query Documents($locale: Locale, $where: DocumentFilter, $first: Int, $after: String, $order: DocumentOrder) {
  documents(locale: $locale, where: $where, first: $first, after: $after, order: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id title url filename fileExtension size mimeType number dateIssued language
        type { id name locale }
        issuingBody { name abbreviation kind }
        languageVersions { language title }
      }
    }
  }
}
"""

pytestmark = pytest.mark.django_db


@pytest.fixture
def decisions(db):
    decision = DocumentTypeFactory(name_sq="Vendim", name_sr="Одлука", name_en="Decision", slug="vendim")
    minutes = DocumentTypeFactory(name_sq="Procesverbal", slug="procesverbal")
    assembly = BodyFactory(
        name_sq="Kuvendi Komunal", name_sr="Скупштина општине", abbreviation_sq="KK", slug="kk"
    )
    first = make_document(
        "Vendimi 1",
        document_type=decision,
        issuing_body=assembly,
        reference_number="01-016/2024",
        date_issued=datetime.date(2024, 3, 1),
    )
    make_document(
        "Odluka 1",
        document_type=decision,
        original=first,
        language="sr",
        date_issued=datetime.date(2024, 3, 1),
    )
    make_document("Procesverbali", document_type=minutes, date_issued=datetime.date(2024, 5, 1))
    return {"decision": decision, "minutes": minutes, "assembly": assembly, "first": first}


@pytest.mark.parametrize(
    ("locale", "type_name", "body_name"),
    [
        ("SQ", "Vendim", "Kuvendi Komunal"),
        ("SR", "Одлука", "Скупштина општине"),
        ("EN", "Decision", "Kuvendi Komunal"),
    ],
)
def test_documents_in_every_locale(gql, decisions, locale, type_name, body_name):
    where = {"number": "01-016/2024"}
    documents = gql(DOCUMENTS, {"locale": locale, "where": where})["documents"]
    assert documents["totalCount"] == 1
    node = documents["edges"][0]["node"]
    assert node["type"] == {"id": str(decisions["decision"].pk), "name": type_name, "locale": locale}
    assert node["issuingBody"]["name"] == body_name  # English falls back to Albanian
    assert node["url"] == f"http://testserver{decisions['first'].url}"
    assert node["mimeType"] == "application/pdf"
    assert node["size"] == len(b"%PDF-1.4 test")
    assert node["fileExtension"] == "pdf"
    assert node["dateIssued"] == "2024-03-01"
    assert node["language"] == "ALBANIAN"
    assert node["languageVersions"] == [{"language": "SERBIAN", "title": "Odluka 1"}]


def test_filters_and_ordering(gql, decisions):
    def titles(variables):
        return [edge["node"]["title"] for edge in gql(DOCUMENTS, variables)["documents"]["edges"]]

    assert titles({"where": {"type": decisions["minutes"].pk}}) == ["Procesverbali"]
    assert titles({"where": {"issuingBody": decisions["assembly"].pk}}) == ["Vendimi 1"]
    assert titles({"where": {"language": "sr"}}) == ["Odluka 1"]
    assert titles({"where": {"issuedFrom": "2024-04-01"}}) == ["Procesverbali"]
    assert titles({"where": {"issuedTo": "2024-04-01"}, "order": "TITLE"}) == ["Odluka 1", "Vendimi 1"]
    assert titles({"order": "NEWEST"})[0] == "Procesverbali"


def test_pagination_with_cursors(gql, decisions):
    first = gql(DOCUMENTS, {"first": 2, "order": "TITLE"})["documents"]
    assert first["totalCount"] == 3
    assert first["pageInfo"]["hasNextPage"] is True
    rest = gql(DOCUMENTS, {"first": 2, "order": "TITLE", "after": first["pageInfo"]["endCursor"]})[
        "documents"
    ]
    assert [edge["node"]["title"] for edge in rest["edges"]] == ["Vendimi 1"]
    assert rest["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize("first", [0, 101, -1])
def test_page_size_is_limited_to_100(client, decisions, first):
    errors = graphql_errors(post(client, DOCUMENTS, {"first": first}))
    assert errors[0]["message"] == f"`first` must be between 1 and 100, got {first}."


def test_bad_cursor_is_explained(client, decisions):
    errors = graphql_errors(post(client, DOCUMENTS, {"after": "nonsense"}))
    assert errors[0]["message"] == "`after` is not a valid cursor."
