"""The admin documents listing shows the municipal metadata and filters by it."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection

from documents.models import Document
from home.factories import BodyFactory, DocumentTypeFactory
from tests.documents import files

pytestmark = pytest.mark.django_db


def make(title, **fields):
    document = Document(title=title, file=ContentFile(files.pdf(title), name=f"{title}.pdf"), **fields)
    document.save()
    return document


@pytest.fixture
def library(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return _library()


def _library():
    decision = DocumentTypeFactory(slug="vendim", name="Vendim")
    minutes = DocumentTypeFactory(slug="procesverbal", name="Procesverbal")
    assembly = BodyFactory(slug="kuvendi", name="Kuvendi i Komunës")
    return {
        "sq": make("Vendimi A", document_type=decision, issuing_body=assembly, language="sq",
                   reference_number="01-016/1", date_issued=datetime.date(2015, 3, 1)),
        "sr": make("Одлука А", document_type=decision, language="sr", date_issued=datetime.date(2016, 5, 1)),
        "en": make("Minutes B", document_type=minutes, language="en"),
    }  # fmt: skip


def titles(response):
    content = response.content.decode()
    return {title for title in ("Vendimi A", "Одлука А", "Minutes B") if title in content}


def test_listing_shows_the_metadata_columns_an_editor_needs(admin_client, library):
    response = admin_client.get("/admin/documents/")
    assert response.status_code == 200
    assert [column.name for column in response.context["table"].columns.values()] == [
        "bulk_actions",
        "title",
        "document_type",
        "language",
        "issuing_body",
        "date_issued",
        "usage_count",
    ]
    content = response.content.decode()
    for value in ("Vendim", "Procesverbal", "Kuvendi i Komunës"):
        assert value in content
    assert titles(response) == {"Vendimi A", "Одлука А", "Minutes B"}


def test_listing_adds_the_collection_column_when_filtering_by_collection(admin_client, library):
    # Wagtail offers the collection filter (and column) once there is more than one collection.
    root = Collection.get_first_root_node()
    root.add_child(name="Vendimet")
    response = admin_client.get("/admin/documents/", {"collection_id": root.pk})
    names = [column.name for column in response.context["table"].columns.values()]
    assert names[-2:] == ["collection", "usage_count"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "sr"}, {"Одлука А"}),
        ({"document_type": "procesverbal"}, {"Minutes B"}),
        ({"date_issued_from": "2015-01-01", "date_issued_to": "2015-12-31"}, {"Vendimi A"}),
        ({"extraction_status": "done"}, {"Vendimi A", "Одлука А", "Minutes B"}),
        ({"extraction_status": "failed"}, set()),
        ({"mime_type": "application/pdf"}, {"Vendimi A", "Одлука А", "Minutes B"}),
    ],
)
def test_listing_filters(admin_client, library, params, expected):
    params = dict(params)
    if "document_type" in params:
        params["document_type"] = library["en"].document_type_id
    response = admin_client.get("/admin/documents/", params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_listing_filter_by_body_combined_with_search(admin_client, library):
    response = admin_client.get(
        "/admin/documents/", {"q": "Vendimi", "issuing_body": library["sq"].issuing_body_id}
    )
    assert titles(response) == {"Vendimi A"}


def test_listing_query_count_does_not_grow_with_documents(
    admin_client, library, django_assert_max_num_queries
):
    admin_client.get("/admin/documents/")
    for number in range(15):
        make(
            f"Extra {number}",
            document_type=library["sq"].document_type,
            issuing_body=library["sq"].issuing_body,
        )
    with django_assert_max_num_queries(30):
        assert admin_client.get("/admin/documents/").status_code == 200


def test_edit_view_shows_metadata_and_language_versions(admin_client, library):
    library["sr"].original = library["sq"]
    library["sr"].save()
    response = admin_client.get(f"/admin/documents/edit/{library['sq'].pk}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert library["sq"].sha256 in content
    assert "application/pdf" in content
    assert "Language versions" in content or "Одлука А" in content
    assert "Одлука А" in content
    assert 'name="reference_number"' in content
    assert 'name="original"' in content
