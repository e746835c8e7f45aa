"""manage.py import_documents: a folder and a CSV in; a report of what was imported and rejected out."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Collection

from documents.models import Document
from home.factories import BodyFactory, DocumentTypeFactory
from tests.documents import files

pytestmark = pytest.mark.django_db

COLUMNS = [
    "file",
    "title",
    "document_type",
    "reference_number",
    "date_issued",
    "issuing_body",
    "language",
    "original",
    "collection",
    "tags",
]


def write_archive(folder, rows, contents):
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    metadata = folder / "metadata.csv"
    with metadata.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return metadata


def run(folder, metadata, *args, language="en"):
    """The command's report, in English unless ``language`` says otherwise: the tests check the msgids."""
    out, err = io.StringIO(), io.StringIO()
    with translation.override(language):
        call_command("import_documents", str(folder), str(metadata), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def reference_data():
    return {
        "type": DocumentTypeFactory(slug="vendim", name="Vendim"),
        "body": BodyFactory(slug="kuvendi", name="Kuvendi i Komunës"),
    }


@pytest.fixture
def archive(tmp_path, reference_data):
    contents = {
        f"vendim-{number}.pdf": files.pdf(f"Vendimi numër {number} për rrugën {number}")
        for number in range(12)
    }
    contents["odluka-0.pdf"] = files.pdf("Одлука број 0")
    rows = [
        {
            "file": f"vendim-{number}.pdf",
            "title": f"Vendim {number}",
            "document_type": "vendim",
            "reference_number": f"01-016/{number}",
            "date_issued": f"2015-03-{number + 1:02d}",
            "issuing_body": "kuvendi",
            "language": "sq",
            "collection": "Arkiva 2015",
            "tags": "rrugë, buxhet",
        }
        for number in range(12)
    ]
    rows.append({"file": "odluka-0.pdf", "title": "Одлука 0", "language": "sr", "original": "vendim-0.pdf"})
    return tmp_path, write_archive(tmp_path, rows, contents)


def test_import_twice_creates_no_duplicates(archive, reference_data):
    folder, metadata = archive
    out, err = run(folder, metadata)
    assert "Imported 13 rows out of 13. 0 files already in the library. 0 rows rejected." in out
    assert "[" + "#" * 30 + "] 13/13" in err
    assert Document.objects.count() == 13

    document = Document.objects.get(reference_number="01-016/3")
    assert document.title == "Vendim 3"
    assert document.document_type == reference_data["type"]
    assert document.issuing_body == reference_data["body"]
    assert str(document.date_issued) == "2015-03-04"
    assert document.collection.name == "Arkiva 2015"
    assert sorted(document.tags.names()) == ["buxhet", "rrugë"]
    assert document.sha256 and document.page_count == 1

    translation = Document.objects.get(title="Одлука 0")
    assert translation.language == "sr"
    assert translation.original == Document.objects.get(title="Vendim 0")
    assert list(translation.original.get_language_versions()) == [translation]

    out, _err = run(folder, metadata)
    assert "Imported 0 rows out of 13. 13 files already in the library. 0 rows rejected." in out
    assert Document.objects.count() == 13
    assert Collection.objects.filter(name="Arkiva 2015").count() == 1


def test_dry_run_saves_nothing(archive):
    folder, metadata = archive
    out, _err = run(folder, metadata, "--dry-run")
    assert "Would import 13 rows out of 13." in out
    assert "Dry run: nothing was saved." in out
    assert not Document.objects.exists()
    assert not Collection.objects.filter(name="Arkiva 2015").exists()


def test_rejected_rows_are_reported_with_reasons(tmp_path, reference_data):
    contents = {
        "mire.pdf": files.pdf("Në rregull"),
        "faqe.pdf": files.HTML,
        "logo.svg": files.SVG,
        "kopje.pdf": None,  # a byte-for-byte copy of mire.pdf, filled in below
        "data.pdf": files.pdf("Data e gabuar"),
        "lloji.pdf": files.pdf("Lloj i panjohur"),
        "gjuha.pdf": files.pdf("Gjuhë e panjohur"),
    }
    # Generated PDFs carry their creation time: copy the bytes rather than
    # generating twice, or a second tick makes them different files.
    contents["kopje.pdf"] = contents["mire.pdf"]
    rows = [
        {"file": "mire.pdf"},
        {"file": "faqe.pdf"},
        {"file": "logo.svg"},
        {"file": "mungon.pdf"},
        {"file": "kopje.pdf"},
        {"file": "data.pdf", "date_issued": "31.03.2015"},
        {"file": "lloji.pdf", "document_type": "ligj"},
        {"file": "gjuha.pdf", "language": "de"},
        {"file": "../jashte.pdf"},
    ]
    metadata = write_archive(tmp_path, rows, contents)
    # The report quotes the upload checks' reasons in the active language: check the msgids.
    with translation.override("en"):
        out, _err = run(tmp_path, metadata, "--no-progress")

    assert "Imported 1 row out of 9. 0 files already in the library. 8 rows rejected." in out
    assert "line 3 (faqe.pdf): “faqe.pdf” is refused: it is an HTML page." in out
    assert "line 4 (logo.svg): Files of type .svg are not accepted" in out
    assert "line 5 (mungon.pdf): no such file" in out
    assert "line 6 (kopje.pdf): the same file as line 2" in out
    assert "line 7 (data.pdf): date_issued “31.03.2015” is not a date like 2015-03-31" in out
    assert "line 8 (lloji.pdf): unknown document type “ligj” (known: vendim)" in out
    assert "line 9 (gjuha.pdf): language “de” is not one of sq, sr, en, mul" in out
    assert "line 10 (../jashte.pdf): the file is outside the import folder" in out
    assert list(Document.objects.values_list("title", flat=True)) == ["mire"]


def test_unknown_columns_stop_the_import(tmp_path):
    metadata = tmp_path / "metadata.csv"
    metadata.write_text("file,titull\nx.pdf,X\n", encoding="utf-8")
    with pytest.raises(CommandError, match="unknown columns: titull"):
        run(tmp_path, metadata)


def test_missing_folder_stops_the_import(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run(tmp_path / "nowhere", tmp_path / "metadata.csv")


def test_the_report_is_in_the_active_language(tmp_path):
    metadata = write_archive(tmp_path, [{"file": "bosh.pdf"}], {"bosh.pdf": b""})
    out, _err = run(tmp_path, metadata, "--no-progress", language="sq")
    with translation.override("sq"):
        reason = translation.gettext("“%(name)s” is empty.") % {"name": "bosh.pdf"}
        line = translation.gettext("line %(line)s (%(file)s): %(reason)s") % {
            "line": 2,
            "file": "bosh.pdf",
            "reason": reason,
        }
        summary = translation.ngettext("%(count)s row rejected.", "%(count)s rows rejected.", 1) % {
            "count": 1
        }
    assert reason != "“bosh.pdf” is empty."  # a sentence the Albanian catalog has
    assert line in out
    assert summary in out
