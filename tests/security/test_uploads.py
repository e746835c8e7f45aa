"""Upload disguises through the admin: each is refused with a clear message and nothing is stored.

One test per disguise, through the admin's document and image forms (single and
multiple upload). The checks themselves are ``documents/validation.py`` (tested
in depth in ``tests/documents/test_validation.py``) and Wagtail's image field
(Willow reads the image; its format must be the extension's).
"""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from documents.models import Document
from tests.documents import files

pytestmark = pytest.mark.django_db

HTML = files.HTML
SVG = files.SVG
POLYGLOT = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n<html><body><script>alert(document.cookie)</script></body></html>\n"


def compressed_script_pdf():
    """A real PDF whose JavaScript open action sits in a FlateDecode object stream."""
    edit, _code = files.ACTIVE_PDF_EDITS["open-action-script"]
    return files.with_object_streams(files.edited_pdf(edit))


@pytest.fixture
def stored(settings):
    """What is stored: document and image rows, and every file under the media and document roots."""

    def snapshot():
        paths = set()
        for root in (settings.MEDIA_ROOT, settings.DOCUMENTS_ROOT):
            for folder, _dirs, names in os.walk(root):
                paths |= {os.path.join(folder, name) for name in names}
        return Document.objects.count(), get_image_model().objects.count(), paths

    return snapshot


@pytest.fixture
def refused(admin_client, home_page, stored):
    """Post ``data`` as ``name`` to an admin upload view; assert it was refused, return the message."""

    def post(name, data, *, kind="document", multiple=False):
        before = stored()
        url = f"/admin/{kind}s/{'multiple/' if multiple else ''}add/"
        upload = SimpleUploadedFile(name, data)
        fields = {"files[]": upload} if multiple else {"title": name, "language": "sq", "file": upload}
        response = admin_client.post(url, fields)
        assert response.status_code == 200, (name, response.status_code)
        assert stored() == before, f"{name}: something was stored"
        if multiple:
            payload = response.json()
            assert payload["success"] is False
            return payload["error_message"]
        return response.content.decode()

    return post


def test_html_renamed_pdf(refused):
    assert "it is an HTML page" in refused("vendim.pdf", HTML)


@pytest.mark.parametrize("name", ["logo.png", "logo.jpg"])
def test_svg_with_script_renamed_as_an_image_document(refused, name):
    assert "SVG image, which can carry scripts" in refused(name, SVG)


@pytest.mark.parametrize("multiple", [False, True])
@pytest.mark.parametrize("name", ["logo.png", "logo.jpg"])
def test_svg_with_script_renamed_as_an_image(refused, name, multiple):
    message = refused(name, SVG, kind="image", multiple=multiple)
    assert "The extension does not match the file format (svg)" in message


@pytest.mark.parametrize("multiple", [False, True])
def test_svg_image(refused, multiple):
    """SVG is not in WAGTAILIMAGES_EXTENSIONS: an SVG can carry scripts."""
    assert "Not a supported image format" in refused("logo.svg", SVG, kind="image", multiple=multiple)


@pytest.mark.parametrize("name", ["foto.jpg", "foto.png", "foto.webp"])
def test_html_renamed_as_an_image(refused, name):
    assert "The extension does not match the file format" in refused(name, HTML, kind="image")


@pytest.mark.parametrize("name", ["foto.png.html", "foto.png.svg"])
def test_double_extension_image(refused, name):
    assert "Not a supported image format" in refused(name, files.png(), kind="image")


def test_png_renamed_jpg_image(refused):
    """The format Willow reads must be the extension's: a PNG is not a .jpg (nor a PSD a .png)."""
    assert "does not match the file format (png)" in refused("foto.jpg", files.png(), kind="image")


def test_pdf_header_followed_by_html_polyglot(refused):
    assert "it is an HTML page" in refused("vendim.pdf", POLYGLOT)


def test_docx_zip_bomb(refused):
    data = files.zip_bomb_docx()
    assert len(data) < 100 * 1024
    assert "zip bomb" in refused("vendim.docx", data)


def test_pdf_with_javascript_in_a_compressed_object_stream(refused):
    data = compressed_script_pdf()
    assert b"JavaScript" not in data
    assert "a PDF with JavaScript" in refused("vendim.pdf", data)


def test_pdf_with_an_attached_file(refused):
    edit, _code = files.ACTIVE_PDF_EDITS["attachment"]
    assert "files attached inside it" in refused(
        "vendim.pdf", files.with_object_streams(files.edited_pdf(edit))
    )


@pytest.mark.parametrize("name", ["report.pdf.html", "report.pdf.htm", "report.pdf.svg", "report.pdf.exe"])
def test_double_extension(refused, name):
    message = refused(name, files.pdf("Teksti"))
    assert "are not accepted" in message and "Allowed types" in message


def test_double_extension_the_other_way_round(refused):
    assert "it is an HTML page" in refused("report.html.pdf", HTML)


def test_path_traversal_in_the_file_name_stays_inside_the_document_storage(
    admin_client, home_page, stored, settings, django_capture_on_commit_callbacks
):
    """Django keeps only the last part of an uploaded name; the checks sanitise it again.

    A real PDF with such a name is a harmless upload: it is stored, under ``passwd.pdf``,
    in the document storage, and nothing is written anywhere else.
    """
    _documents, _images, before = stored()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/documents/add/",
            {
                "title": "x",
                "language": "sq",
                "file": SimpleUploadedFile("../../etc/passwd.pdf", files.pdf("x")),
            },
        )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.filename == "passwd.pdf"
    new = stored()[2] - before
    assert len(new) == 1
    (path,) = new
    assert os.path.realpath(path).startswith(os.path.realpath(settings.DOCUMENTS_ROOT) + os.sep)
    assert os.path.basename(path).startswith("passwd")


# --- Served documents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "disposition"),
    [
        ("vendim.pdf", files.pdf("Teksti"), "inline"),
        # HTML deep inside a real PDF is not looked for: the headers keep a browser from rendering it.
        ("vendim-html.pdf", files.pdf("Teksti") + b"\n<html><script>alert(1)</script></html>\n", "inline"),
        ("tabela.xlsx", files.xlsx(["a"]), "attachment"),
        ("lista.csv", "emri,roli\nArbër,<b>kryetar</b>\n".encode(), "attachment"),
    ],
)
def test_uploaded_documents_are_served_so_that_no_browser_runs_them(
    admin_client, client, home_page, name, data, disposition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/documents/add/", {"title": name, "language": "sq", "file": SimpleUploadedFile(name, data)}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith(disposition)
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert "html" not in served["Content-Type"] and "svg" not in served["Content-Type"]
