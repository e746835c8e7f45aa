import pytest
from wagtail.models import Collection

from documents.models import Document
from documents.pdf import build_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def root_collection(db):
    # An earlier transactional test flushes the root collection that migrations create.
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


PAGES = [
    "Rendi i ditës i mbledhjes së Kuvendit.",
    "Pika e dytë: raporti financiar.",
    "Kuvendi vendosi të rinovojë urën e vjetër mbi lumin Ereniku.",
]


def test_editor_uploads_a_pdf_and_finds_a_phrase_from_its_third_page(page, live_server, admin_login):
    admin_login()
    pdf = build_pdf("Procesverbal i mbledhjes", PAGES)

    page.goto(f"{live_server.url}/admin/documents/add/")
    page.set_input_files(
        "#id_file", {"name": "procesverbal.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    page.fill("#id_title", "Procesverbali i marsit")
    page.fill("#id_reference_number", "02-110/3")
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.wait_for_url(lambda url: url.rstrip("/").endswith("/admin/documents"))

    document = Document.objects.get(title="Procesverbali i marsit")
    assert document.page_count == 3
    assert document.extraction_status == Document.ExtractionStatus.DONE, document.extraction_error
    assert "urën e vjetër" in document.extracted_text

    page.goto(f"{live_server.url}/admin/documents/?q=urën e vjetër mbi lumin")
    assert page.locator("table").get_by_text("Procesverbali i marsit").count() == 1
    page.goto(f"{live_server.url}/admin/documents/?q=autostrada")
    assert page.get_by_text("Procesverbali i marsit").count() == 0


def test_editor_sees_why_an_html_file_renamed_pdf_is_refused(page, live_server, admin_login):
    admin_login()
    page.goto(f"{live_server.url}/admin/documents/add/")
    page.set_input_files(
        "#id_file",
        {
            "name": "vendim.pdf",
            "mimeType": "application/pdf",
            "buffer": b"<!DOCTYPE html><html><script>x</script>",
        },
    )
    page.fill("#id_title", "Vendim i rremë")
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.get_by_text("it is an HTML page").wait_for()
    assert not Document.objects.exists()
