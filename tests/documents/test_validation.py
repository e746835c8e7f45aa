"""Every document that arrives goes through one set of checks; each refusal says why."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from pypdf.actions import JavaScript

from documents.models import Document
from documents.validation import (
    PDF_MAX_OBJECT_STREAM_SIZE,
    SCAN_CHUNK_BYTES,
    SNIFF_BYTES,
    _active_pdf_name,
    sanitise_filename,
    validate_upload,
)
from tests.documents import files


def check(name, data):
    return validate_upload(SimpleUploadedFile(name, data))


def refusal(name, data):
    """The refusal, its message in English: the tests check the wording of the msgids."""
    with translation.override("en"), pytest.raises(ValidationError) as caught:
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
        with translation.override("en"), pytest.raises(ValidationError) as caught:
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
    padding = 20 * 1024 * 1024
    head, tail = files.raw_pdf_parts(padding=padding)
    with open(path, "wb") as fh:
        fh.write(head)
        fh.seek(len(head) + padding)  # sparse: no 20 MB in memory or on disk
        fh.write(tail)
    with open(path, "rb") as fh:
        counting = CountingFile(fh, "large.pdf")
        validate_upload(counting)
    assert counting.largest_read <= SCAN_CHUNK_BYTES


@pytest.mark.parametrize(
    ("action", "what", "code"),
    [
        (b"<< /S /JavaScript /JS (app.alert(1)) >>", "a PDF with JavaScript", "pdf_script"),
        (b"<</S/Launch/F(cmd.exe)>>", "a PDF that launches programs", "pdf_launch"),
    ],
)
def test_pdf_with_script_or_launch_actions_is_refused(action, what, code):
    data = (
        b"%PDF-1.4\n"
        + b"x" * (2 * 1024 * 1024)
        + b"\n1 0 obj << /Type /Catalog /OpenAction "
        + action
        + b" >>\n%%EOF\n"
    )
    error = refusal("vendim.pdf", data)
    assert error.code == code
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
    assert "it is an HTML page" in response.content.decode()
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
    ("action", "what", "code"),
    [
        (b"<< /S /J#61vaScript /JS (app.alert(1)) >>", "a PDF with JavaScript", "pdf_script"),
        (b"<</S/L#61unch/F(cmd.exe)>>", "a PDF that launches programs", "pdf_launch"),
        (b"<</S/#4a#61#76#61#53#63#72#69#70#74>>", "a PDF with JavaScript", "pdf_script"),
        (b"<</S/SubmitForm/F(https://x.example)>>", "a PDF that sends form data away", "pdf_submit"),
        (b"<</S/Subm#69tForm/F(https://x.example)>>", "a PDF that sends form data away", "pdf_submit"),
        (b"<</S/Rich#4dedia>>", "rich media", "pdf_rich_media"),
        (b"<</EmbeddedFiles<<>>>>", "files attached", "pdf_embedded_file"),
    ],
)
def test_pdf_names_written_with_escapes_are_read_as_a_reader_reads_them(action, what, code):
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction " + action + b" >>\n%%EOF\n"
    error = refusal("vendim.pdf", data)
    assert error.code == code
    assert what in error.messages[0]


def test_pdf_with_harmless_escaped_names_is_accepted():
    check("vendim.pdf", files.raw_pdf(b"/Font#20Name /A#42C"))


def test_a_zip_bomb_is_refused_without_expanding_it():
    """A small .docx whose content-types part would expand to 20 MB of blanks (the review's case was 1 GB)."""
    data = files.zip_bomb_docx()
    assert len(data) < 100 * 1024
    error = refusal("vendim.docx", data)
    assert error.code == "zip_bomb"
    assert "zip bomb" in error.messages[0]


def test_real_office_files_are_not_taken_for_zip_bombs():
    check("vendim.docx", files.docx("Vendimi për buxhetin. " * 2000))


# The pypdf pass: names as a PDF reader decodes them, in object streams too.


def packed(edit=None):
    """A real PDF (edited by ``edit``) with its dictionaries in a FlateDecode object stream."""
    return files.with_object_streams(files.edited_pdf(edit) if edit else files.pdf("Faqja e parë"))


@pytest.mark.parametrize("name", sorted(files.ACTIVE_PDF_EDITS))
def test_active_content_in_compressed_object_streams_is_refused(name):
    edit, code = files.ACTIVE_PDF_EDITS[name]
    data = packed(edit)
    # The raw bytes give nothing away: only pypdf's reading of the objects finds it.
    assert _active_pdf_name(data) is None
    for hidden in (b"JavaScript", b"/JS", b"Launch", b"Submit", b"ImportData", b"RichMedia", b"Embedded"):
        assert hidden not in data
    error = refusal("vendim.pdf", data)
    assert error.code == code
    assert "vendim.pdf" in error.messages[0]


@pytest.mark.parametrize("name", sorted(files.ACTIVE_PDF_EDITS))
def test_active_content_written_plainly_is_refused_with_the_same_code(name):
    edit, code = files.ACTIVE_PDF_EDITS[name]
    assert refusal("vendim.pdf", files.edited_pdf(edit)).code == code


def test_harmless_pdf_with_compressed_object_and_content_streams_is_accepted():
    data = packed()
    assert b"/ObjStm" in data and b"/FlateDecode" in data
    assert check("vendim.pdf", data).mime_type == "application/pdf"


@pytest.mark.django_db
def test_demo_pdfs_are_accepted():
    from documents.demo import DEMO_DOCUMENTS
    from documents.pdf import build_pdf

    for spec in DEMO_DOCUMENTS:
        for language, pages in spec["pages"].items():
            data = build_pdf(spec["title"][language], pages)
            check(f"{spec['file']}.{language}.pdf", data)
            check(f"{spec['file']}.{language}.pdf", files.with_object_streams(data))


def test_embedded_files_message_says_what_to_do():
    error = refusal("vendim.pdf", packed(files.ACTIVE_PDF_EDITS["attachment"][0]))
    assert error.code == "pdf_embedded_file"
    assert "has files attached inside it" in error.messages[0]
    assert "without attachments" in error.messages[0]


@override_settings(DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES=True)
@pytest.mark.parametrize("name", ["attachment", "file-attachment-annotation"])
def test_embedded_files_are_accepted_when_the_setting_allows_them(name):
    edit, _code = files.ACTIVE_PDF_EDITS[name]
    check("vendim.pdf", files.edited_pdf(edit))
    check("vendim.pdf", packed(edit))


@override_settings(DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES=True)
def test_allowing_embedded_files_allows_nothing_else():
    def attachment_and_script(writer):
        writer.add_attachment("buxheti.csv", b"a,b\n")
        writer.add_open_action(JavaScript("app.alert(1)"))

    assert refusal("vendim.pdf", packed(attachment_and_script)).code == "pdf_script"
    assert refusal("vendim.pdf", files.edited_pdf(attachment_and_script)).code == "pdf_script"


def test_a_pdf_pypdf_cannot_read_is_refused():
    error = refusal("vendim.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert error.code == "pdf_unreadable"
    assert "could not be read as a PDF" in error.messages[0]


def test_password_protected_pdf_is_refused_but_owner_only_protection_is_checked():
    def encrypt(user_password, script=False):
        def edit(writer):
            if script:
                link = files.ACTIVE_PDF_EDITS["javascript-link"][0]
                link(writer)
            writer.encrypt(user_password=user_password, owner_password="pronari", algorithm="AES-128")

        return files.edited_pdf(edit)

    error = refusal("vendim.pdf", encrypt("sekret"))
    assert error.code == "pdf_encrypted"
    assert "protected by a password" in error.messages[0]
    # Opens without a password (printing or copying restricted): read and checked like any other.
    check("vendim.pdf", encrypt(""))
    # A "javascript:" link: its URI is an encrypted string, seen only once pypdf decrypts it.
    scripted = encrypt("", script=True)
    assert b"script:" not in scripted
    assert refusal("vendim.pdf", scripted).code == "pdf_script"


def test_too_many_objects_are_refused_before_they_are_walked():
    with override_settings(DOCUMENTS_PDF_MAX_OBJECTS=5):
        error = refusal("vendim.pdf", packed())
    assert error.code == "pdf_too_complex"
    assert "number of objects 5," in error.messages[0]


def test_object_streams_that_inflate_beyond_the_limit_are_refused_without_inflating_them():
    # 4 MB of blanks in the object stream: a few KB compressed.
    data = files.with_object_streams(files.pdf("Faqja e parë"), padding=4 * 1024 * 1024)
    assert len(data) < 50 * 1024
    with override_settings(DOCUMENTS_PDF_MAX_DECOMPRESSED_SIZE=1024 * 1024):
        error = refusal("vendim.pdf", data)
    assert error.code == "pdf_too_complex"
    assert "decompressed size 1.0\xa0MB," in error.messages[0]
    check("vendim.pdf", data)  # within the default limit (64 MB)


def test_one_object_stream_may_not_inflate_beyond_8_mb():
    """pypdf parses an object stream in one go, so the clock cannot stop it half-way."""
    data = files.with_object_streams(files.pdf("Faqja e parë"), padding=PDF_MAX_OBJECT_STREAM_SIZE + 1)
    assert refusal("vendim.pdf", data).code == "pdf_too_complex"


def test_the_pypdf_pass_stops_when_its_time_is_up():
    with override_settings(DOCUMENTS_PDF_CHECK_SECONDS=0):
        error = refusal("vendim.pdf", packed())
    assert error.code == "pdf_too_complex"
    assert "time 0 s." in error.messages[0]


def test_a_pdf_crafted_to_be_repaired_over_and_over_is_refused_after_bounded_reading():
    """Every cross-reference entry is off by a few bytes: pypdf would search the whole file
    again for each of the 3,000 objects."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    objects += [b"<< /N %d >>" % n for n in range(3000)]
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body) + 3)  # wrong on purpose
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data = bytes(body) + xref
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(body))
    path_size = len(data)
    counting = CountingFile(io.BytesIO(data), "vendim.pdf")
    counting.size = path_size
    with pytest.raises(ValidationError) as caught:
        validate_upload(counting)
    assert caught.value.code == "pdf_unreadable"
    # The byte scan once, then pypdf within its budget (4 × the size + 1 MB).
    assert counting.bytes_read <= path_size + 4 * path_size + 2 * 1024 * 1024
