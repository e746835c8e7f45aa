"""The demo library: real PDFs in three languages, linked as versions, loaded idempotently."""

import pytest

from documents import demo
from documents.models import Document
from home.demo import DemoContext
from home.demo import reference as reference_demo

pytestmark = pytest.mark.django_db


def test_demo_documents_are_real_pdfs_in_three_languages_linked_as_versions(
    django_capture_on_commit_callbacks,
):
    ctx = DemoContext(write=lambda message: None)
    reference_demo.load(ctx)
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(ctx)
    assert Document.objects.count() == 3 * len(demo.DEMO_DOCUMENTS)

    original = Document.objects.get(reference_number="01-016/2015-12", language="sq")
    versions = {version.language: version for version in original.get_language_versions()}
    assert set(versions) == {"sr", "en"}
    assert versions["sr"].original == original
    assert {v.language for v in versions["sr"].get_language_versions()} == {"sq", "en"}
    assert original.document_type.slug == "vendim"
    assert original.issuing_body.slug == "kuvendi"

    for document in Document.objects.all():
        assert document.mime_type == "application/pdf"
        assert document.page_count == 3
        assert document.extraction_status == Document.ExtractionStatus.DONE
    assert "Канцеларија за комуникацију" in versions["sr"].extracted_text
    assert "Zyra për Komunikim dhe Informim" in original.extracted_text
    assert Document.objects.search("јавну расвету").count() >= 1

    again = DemoContext(write=lambda message: None)
    demo.load(again)
    assert again.created == {}
    assert Document.objects.count() == 3 * len(demo.DEMO_DOCUMENTS)
