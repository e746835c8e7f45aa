"""Every document that arrives goes through one set of checks; each refusal says why."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from documents.models import Document
from documents.validation import SCAN_CHUNK_BYTES, SNIFF_BYTES, sanitise_filename, validate_upload
from tests.documents import files


def check(name, data):
    return validate_upload(SimpleUploadedFile(name, data))


def refusal(name, data):
    with pytest.raises(ValidationError) as caught:
        check(name, data)
    return caught.value


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("vendim.pdf", files.pdf("Faqja e parë"), "application/pdf"),
        (
            "raport.docx",
            files.docx("Teksti"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "buxheti.xlsx",
            files.xlsx(["a", "b"]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "prezantim.pptx",
            files.pptx("Slide"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("procesverbal.odt", files.odf("odt", "Teksti"), "application/vnd.oasis.opendocument.text"),
        ("tabela.ods", files.odf("ods", "1"), "application/vnd.oasis.opendocument.spreadsheet"),
        ("foto.png", files.png(), "image/png"),
        ("arkiva.zip", files.zip_of({"a.pdf": files.pdf("x"), "b.txt": "tekst"}), "application/zip"),
        ("lista.csv", "emri,mbiemri\nArbër,Gashi\n".encode(), "text/csv"),
    ],
)
def test_real_files_of_allowed_types_are_accepted(name, data, mime):
    assert check(name, data).mime_type == mime


def test_html_renamed_pdf_is_refused():
    error = refusal("vendim.pdf", files.HTML)
    assert error.code == "html"
    assert "HTML page" in error.messages[0]
    assert "vendim.pdf" in error.messages[0]


def test_svg_is_refused_by_extension_and_by_content():
    assert refusal("logo.svg", files.SVG).code == "extension_not_allowed"
    error = refusal("logo.png", files.SVG)
    assert error.code == "svg"
    assert "SVG" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100, "executable"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "executable"),
        ("app.txt", b"const token = document.cookie;\nfetch('/x')", "javascript"),
        ("raport.docx", files.docx("makro", macros=True), "macros"),
        ("raport.odt", files.odf("odt", "makro", macros=True), "macros"),
        ("arkiva.zip", files.zip_of({"faqja.html": "<p>x</p>"}), "active_member"),
        ("arkiva.zip", files.zip_of({"raport.docm": "x"}), "active_member"),
    ],
)
def test_active_content_is_refused(name, data, code):
    assert refusal(name, data).code == code


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("foto.jpg", files.png()),
        ("raport.docx", files.odf("odt", "x")),
        ("raport.odt", files.docx("x")),
        ("raport.xlsx", files.docx("x")),
        ("vendim.pdf", files.png()),
        ("raport.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_content_must_match_the_extension(name, data):
    error = refusal(name, data)
    assert error.code == "type_mismatch"
    assert f"not a real .{name.rpartition('.')[2]} file" in error.messages[0]


@pytest.mark.parametrize(
    "name", ["install.exe", "faqja.html", "skript.js", "raport.docm", "tabela.xlsm", "x.pptm"]
)
def test_extensions_outside_the_allowlist_are_refused(name):
    error = refusal(name, b"%PDF-1.4")
    assert error.code == "extension_not_allowed"
    assert "Allowed types" in error.messages[0]


class CountingFile(File):
    """A large file on disk that records how much of it is read, and in what pieces."""

    def __init__(self, fh, name):
        super().__init__(fh, name)
        self.bytes_read = 0
        self.largest_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        self.largest_read = max(self.largest_read, len(data))
        return data


def test_oversize_file_is_refused_before_anything_is_read(tmp_path):
    path = tmp_path / "big.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(60 * 1024 * 1024)  # sparse: no 60 MB in memory or on disk
    with open(path, "rb") as fh:
        counting = CountingFile(fh, "big.pdf")
        with pytest.raises(ValidationError) as caught:
            validate_upload(counting)
    assert caught.value.code == "file_too_large"
    assert "the limit is 50" in caught.value.messages[0]
    assert counting.bytes_read == 0


def test_file_under_the_limit_is_sniffed_from_a_bounded_prefix(tmp_path):
    path = tmp_path / "large.csv"
    with open(path, "wb") as fh:
        fh.write(b"emri,roli\n")
        fh.truncate(20 * 1024 * 1024)
    with open(path, "rb") as fh:
        fh.seek(0)
        counting = CountingFile(fh, "large.csv")
        with pytest.raises(ValidationError):  # NUL bytes: not text
            validate_upload(counting)
    assert 0 < counting.bytes_read <= SNIFF_BYTES


def test_large_pdf_is_scanned_in_bounded_chunks(tmp_path):
    path = tmp_path / "large.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(20 * 1024 * 1024)
    with open(path, "rb") as fh:
        counting = CountingFile(fh, "large.pdf")
        validate_upload(counting)
    assert counting.largest_read <= SCAN_CHUNK_BYTES


@pytest.mark.parametrize(
    ("action", "what"),
    [
        (b"<< /S /JavaScript /JS (app.alert(1)) >>", "a PDF with JavaScript"),
        (b"<</S/Launch/F(cmd.exe)>>", "a PDF that launches programs"),
    ],
)
def test_pdf_with_script_or_launch_actions_is_refused(action, what):
    data = (
        b"%PDF-1.4\n"
        + b"x" * (2 * 1024 * 1024)
        + b"\n1 0 obj << /Type /Catalog /OpenAction "
        + action
        + b" >>\n%%EOF\n"
    )
    error = refusal("vendim.pdf", data)
    assert error.code == "pdf_script"
    assert what in error.messages[0]


@pytest.mark.django_db
def test_admin_refuses_oversize_upload_with_the_configured_limit(admin_client, home_page):
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024 * 1024):
        response = admin_client.post(
            "/admin/documents/add/",
            {
                "title": "I madh",
                "language": "sq",
                "file": SimpleUploadedFile("i-madh.pdf", b"%PDF-1.4\n" + os.urandom(2 * 1024 * 1024)),
            },
        )
    assert response.status_code == 200
    assert "too big" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_html_renamed_pdf_with_a_clear_message(upload, home_page):
    response = upload("vendim.pdf", files.HTML, expect_ok=False)
    assert response.status_code == 200
    assert "its content is an HTML page" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_multiple_upload_view_refuses_svg(admin_client, home_page):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("logo.png", files.SVG)},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "SVG" in payload["error_message"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\arben\\Vendim Nr. 5 (final).PDF", "Vendim-Nr-5-final.pdf"),
        ("Одлука о буџету.pdf", "Одлука-о-буџету.pdf"),
        ("Vendimi për buxhetin.pdf", "Vendimi-për-buxhetin.pdf"),
        (".htaccess", "document.htaccess"),
        ("<script>.pdf", "script.pdf"),
        ("a" * 300 + ".pdf", "a" * 76 + ".pdf"),
    ],
)
def test_filenames_are_sanitised(given, expected):
    assert sanitise_filename(given) == expected


@pytest.mark.django_db
def test_uploaded_name_is_sanitised(upload, home_page):
    upload("../Vendim  Nr 5?.pdf", files.pdf("Teksti"))
    document = Document.objects.get()
    assert document.filename == "Vendim-Nr-5.pdf"


def test_sniffing_leaves_the_file_at_its_start():
    upload = SimpleUploadedFile("vendim.pdf", files.pdf("x"))
    validate_upload(upload)
    assert upload.tell() == 0
    assert io.BytesIO(upload.read()).read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("action", "what"),
    [
        (b"<< /S /J#61vaScript /JS (app.alert(1)) >>", "a PDF with JavaScript"),
        (b"<</S/L#61unch/F(cmd.exe)>>", "a PDF that launches programs"),
        (b"<</S/#4a#61#76#61#53#63#72#69#70#74>>", "a PDF with JavaScript"),
        (b"<</S/SubmitForm/F(https://x.example)>>", "a PDF that sends form data away"),
        (b"<</S/Subm#69tForm/F(https://x.example)>>", "a PDF that sends form data away"),
    ],
)
def test_pdf_names_written_with_escapes_are_read_as_a_reader_reads_them(action, what):
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction " + action + b" >>\n%%EOF\n"
    error = refusal("vendim.pdf", data)
    assert error.code == "pdf_script"
    assert what in error.messages[0]


def test_pdf_with_harmless_escaped_names_is_accepted():
    check("vendim.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Font#20Name /A#42C >>\n%%EOF\n")


def test_a_zip_bomb_is_refused_without_expanding_it():
    """A small .docx whose content-types part would expand to 20 MB of blanks (the review's case was 1 GB)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types>" + b" " * (20 * 1024 * 1024) + b"</Types>")
        archive.writestr("word/document.xml", b"<w:document/>")
    data = buffer.getvalue()
    assert len(data) < 100 * 1024
    error = refusal("vendim.docx", data)
    assert error.code == "zip_bomb"
    assert "zip bomb" in error.messages[0]


def test_real_office_files_are_not_taken_for_zip_bombs():
    check("vendim.docx", files.docx("Vendimi për buxhetin. " * 2000))
