"""Uploads get their metadata on save and their text in the background, then are found by search."""

import datetime
import hashlib

import pytest
import time_machine
from django.test import override_settings

from documents import tasks
from documents.models import Document
from tests.documents import files

pytestmark = pytest.mark.django_db

THIRD_PAGE = "Kuvendi miratoi planin për ndriçimin publik të fshatit Zhegër"


def test_uploaded_pdf_gets_metadata_and_its_text_is_searchable_in_the_admin(upload, admin_client, home_page):
    data = files.pdf("Rendi i ditës", "Pika e dytë", THIRD_PAGE, title="Vendim për ndriçimin")
    upload("vendim-ndricimi.pdf", data, title="Vendim 12/2015", reference_number="01-016/12")

    document = Document.objects.get()
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.file_size == len(data)
    assert document.mime_type == "application/pdf"
    assert document.page_count == 3
    assert document.extraction_status == Document.ExtractionStatus.DONE
    assert "ndriçimin publik" in document.extracted_text

    response = admin_client.get("/admin/documents/results/", {"q": "ndriçimin publik të fshatit"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [document]
    # A phrase that is in no document finds nothing.
    response = admin_client.get("/admin/documents/results/", {"q": "autostrada"})
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize(
    ("name", "data", "phrase"),
    [
        (
            "raport.docx",
            files.docx("Hyrje", "Raporti vjetor i transparencës"),
            "Raporti vjetor i transparencës",
        ),
        (
            "buxheti.xlsx",
            files.xlsx(["Zëri", "Shuma"], ["Ndriçimi publik", "12000"]),
            "Ndriçimi publik 12000",
        ),
        ("prezantim.pptx", files.pptx("Titulli", "Plani i punës 2015"), "Plani i punës 2015"),
        ("procesverbal.odt", files.odf("odt", "Записник са седнице"), "Записник са седнице"),
        ("tabela.ods", files.odf("ods", "Buxheti komunal"), "Buxheti komunal"),
        ("lista.csv", "emri,roli\nArbër,zëdhënës\n".encode(), "Arbër,zëdhënës"),
    ],
)
def test_text_of_office_formats_is_extracted(upload, home_page, name, data, phrase):
    upload(name, data)
    document = Document.objects.get()
    assert document.extraction_status == Document.ExtractionStatus.DONE
    assert phrase in document.extracted_text


def test_images_have_no_text_to_extract(upload, home_page):
    upload("foto.png", files.png())
    document = Document.objects.get()
    assert document.extraction_status == Document.ExtractionStatus.NOT_APPLICABLE
    assert document.mime_type == "image/png"


def test_extraction_failing_once_then_succeeding(upload, home_page, monkeypatch):
    real_extract = tasks.extract_text
    calls = []

    def flaky(file, mime_type, name=""):
        calls.append(name)
        if len(calls) == 1:
            raise OSError("storage timed out")
        return real_extract(file, mime_type, name)

    monkeypatch.setattr(tasks, "extract_text", flaky)
    upload("vendim.pdf", files.pdf("Teksti i vendimit për tregun e gjelbër"))

    document = Document.objects.get()
    assert len(calls) == 2
    assert document.extraction_status == Document.ExtractionStatus.DONE
    assert document.extraction_error == ""
    assert "tregun e gjelbër" in document.extracted_text
    assert Document.objects.search("tregun gjelbër").count() == 1


@override_settings(DOCUMENTS_EXTRACTION_MAX_ATTEMPTS=3)
def test_extraction_failing_every_time_is_recorded_on_the_document(upload, home_page, monkeypatch):
    calls = []

    def broken(file, mime_type, name=""):
        calls.append(name)
        raise OSError("storage unreachable")

    monkeypatch.setattr(tasks, "extract_text", broken)
    upload("vendim.pdf", files.pdf("Teksti"))

    document = Document.objects.get()
    assert len(calls) == 3
    assert document.extraction_status == Document.ExtractionStatus.FAILED
    assert document.extraction_error == "Failed after 3 attempts: storage unreachable"


def test_damaged_pdf_records_the_reason(upload, home_page):
    # Accepted (nothing active in it), but without a page tree there is no text to read.
    upload("vendim.pdf", files.raw_pdf(pages=False))
    document = Document.objects.get()
    assert document.extraction_status == Document.ExtractionStatus.FAILED
    assert document.extraction_error.startswith("Failed after")
    assert document.page_count is None


def test_retry_waits_longer_each_time_on_a_backend_that_defers(monkeypatch):
    enqueued = []

    class DeferringBackend:
        supports_defer = True

    class Recorder:
        def __init__(self, run_after=None):
            self.run_after = run_after

        def get_backend(self):
            return DeferringBackend()

        def using(self, run_after):
            return Recorder(run_after)

        def enqueue(self, document_id, attempt):
            enqueued.append((attempt, self.run_after))

    monkeypatch.setattr(tasks, "extract_document_text", Recorder())
    now = datetime.datetime(2015, 3, 26, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(now, tick=False):
        for attempt in (1, 2, 3, 4):
            tasks.enqueue_extraction(7, attempt)
    assert enqueued[0] == (1, None)
    delays = [(run_after - now).total_seconds() for _attempt, run_after in enqueued[1:]]
    assert delays == [30, 60, 120]


def test_replacing_the_file_recomputes_metadata_and_text(
    upload, admin_client, home_page, django_capture_on_commit_callbacks
):
    upload("vendim.pdf", files.pdf("Versioni i parë"))
    document = Document.objects.get()
    first_hash = document.sha256
    new = files.pdf("Versioni i dytë", "Faqja shtesë")
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": document.title,
                "language": "sq",
                "collection": document.collection_id,
                "file": SimpleUploadedFile("vendim-v2.pdf", new),
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.sha256 == hashlib.sha256(new).hexdigest() != first_hash
    assert document.page_count == 2
    assert "Versioni i dytë" in document.extracted_text
    assert "Versioni i parë" not in document.extracted_text


def test_editing_metadata_alone_does_not_rehash_or_reextract(upload, home_page, monkeypatch):
    upload("vendim.pdf", files.pdf("Teksti"))
    document = Document.objects.get()
    monkeypatch.setattr(tasks, "enqueue_extraction", lambda *args: pytest.fail("enqueued again"))
    monkeypatch.setattr(Document, "compute_file_metadata", lambda self: pytest.fail("rehashed"))
    document.reference_number = "02-5"
    document.save()


def test_multiple_uploader_creates_the_document_at_once(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("procesverbal.pdf", files.pdf("Faqja 1", "Faqja 2", THIRD_PAGE))},
        )
    payload = response.json()
    assert payload["success"] is True, payload
    document = Document.objects.get(pk=payload["doc_id"])
    assert document.language == Document.Language.ALBANIAN
    assert document.page_count == 3
    assert "fshatit Zhegër" in document.extracted_text
