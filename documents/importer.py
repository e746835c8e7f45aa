"""Bulk import of an existing document archive: a folder of files and a CSV describing them.

The columns are documented in ``docs/documents.md``. Every file goes through the
same checks as an admin upload; a row that fails any check is reported with its
reason and nothing of it is saved. A file whose SHA-256 is already in the library
is skipped, so running an import again imports nothing twice.
"""

import csv
import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection

from home.models import Body, DocumentType

from .models import Document
from .validation import validate_upload

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
REQUIRED_COLUMNS = {"file"}


class ImportAborted(Exception):
    """The import as a whole cannot run (a missing folder, an unreadable CSV)."""


class RowRejected(Exception):
    pass


@dataclass
class Rejection:
    line: int
    file: str
    reason: str


@dataclass
class ImportReport:
    imported: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    total: int = 0


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_rows(csv_path):
    try:
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [name.strip() for name in reader.fieldnames or []]
            missing = REQUIRED_COLUMNS - set(header)
            if missing:
                raise ImportAborted(
                    _("%(csv)s has no column %(columns)s.")
                    % {"csv": csv_path, "columns": ", ".join(sorted(missing))}
                )
            unknown = [name for name in header if name not in COLUMNS]
            if unknown:
                raise ImportAborted(
                    _("%(csv)s has unknown columns: %(unknown)s. Known: %(known)s.")
                    % {"csv": csv_path, "unknown": ", ".join(unknown), "known": ", ".join(COLUMNS)}
                )
            reader.fieldnames = header
            # Line 1 is the header.
            return [
                (number, {k: (v or "").strip() for k, v in row.items() if k})
                for number, row in enumerate(reader, 2)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ImportAborted(
            _("Cannot read %(csv)s: %(error)s") % {"csv": csv_path, "error": error}
        ) from error


class DocumentImporter:
    def __init__(self, folder, csv_path, *, dry_run=False, progress=None):
        self.folder = Path(folder).resolve()
        self.csv_path = Path(csv_path)
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total, report: None)
        if not self.folder.is_dir():
            raise ImportAborted(_("%(folder)s is not a folder.") % {"folder": folder})
        self.document_types = {item.slug: item for item in DocumentType.objects.all()}
        self.bodies = {item.slug: item for item in Body.objects.all()}
        self.collections = {}

    def run(self):
        rows = read_rows(self.csv_path)
        report = ImportReport(total=len(rows))
        files_in_csv = {row["file"] for _line, row in rows if row.get("file")}
        by_file = {}
        links = []
        seen = {}
        for done, (line, row) in enumerate(rows, start=1):
            name = row.get("file", "")
            try:
                path, fields, sha256 = self._check(row, files_in_csv)
                if sha256 in seen:
                    raise RowRejected(_("the same file as line %(line)s") % {"line": seen[sha256]})
                seen[sha256] = line
                existing = Document.objects.filter(sha256=sha256).first()
                if existing:
                    report.duplicates.append((line, name, existing))
                    by_file[name] = existing
                else:
                    document = None if self.dry_run else self._create(path, fields, sha256)
                    report.imported.append((line, name, document))
                    by_file[name] = document
                if fields["original"]:
                    links.append((line, name, fields["original"]))
            except RowRejected as rejection:
                report.rejected.append(Rejection(line, name, str(rejection)))
            self.progress(done, report.total, report)
        if not self.dry_run:
            self._link_versions(links, by_file, report)
        return report

    def _check(self, row, files_in_csv):
        name = row.get("file", "")
        if not name:
            raise RowRejected(_("the file column is empty"))
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.folder):
            raise RowRejected(_("the file is outside the import folder"))
        if not path.is_file():
            raise RowRejected(_("no such file in %(folder)s") % {"folder": self.folder})
        with open(path, "rb") as fh:
            try:
                checked = validate_upload(File(fh, name=path.name))
            except ValidationError as error:
                raise RowRejected(" ".join(error.messages)) from error
        fields = {
            "title": row.get("title") or path.stem.replace("_", " ").replace("-", " "),
            "document_type": self._lookup(
                self.document_types,
                row.get("document_type"),
                _("unknown document type “%(slug)s” (known: %(known)s)"),
            ),
            "issuing_body": self._lookup(
                self.bodies, row.get("issuing_body"), _("unknown issuing body “%(slug)s” (known: %(known)s)")
            ),
            "reference_number": row.get("reference_number", ""),
            "date_issued": self._date(row.get("date_issued")),
            "language": self._language(row.get("language")),
            "original": row.get("original", ""),
            "collection": self._collection(row.get("collection")),
            "tags": [tag.strip() for tag in row.get("tags", "").replace(";", ",").split(",") if tag.strip()],
            "file_name": checked.name,
        }
        if len(fields["title"]) > 255:
            raise RowRejected(_("the title is longer than 255 characters"))
        if len(fields["reference_number"]) > 100:
            raise RowRejected(_("the reference number is longer than 100 characters"))
        if fields["original"]:
            if fields["original"] == name:
                raise RowRejected(_("a document cannot be a language version of itself"))
            if fields["original"] not in files_in_csv:
                raise RowRejected(
                    _("the original “%(file)s” is not a file listed in the CSV")
                    % {"file": fields["original"]}
                )
        return path, fields, sha256_of(path)

    @staticmethod
    def _lookup(objects, slug, unknown):
        if not slug:
            return None
        if slug not in objects:
            raise RowRejected(unknown % {"slug": slug, "known": ", ".join(sorted(objects)) or "-"})
        return objects[slug]

    @staticmethod
    def _date(value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise RowRejected(
                _("date_issued “%(value)s” is not a date like 2015-03-31") % {"value": value}
            ) from error

    @staticmethod
    def _language(value):
        if not value:
            return Document.Language.ALBANIAN
        if value not in Document.Language.values:
            raise RowRejected(
                _("language “%(value)s” is not one of %(codes)s")
                % {"value": value, "codes": ", ".join(Document.Language.values)}
            )
        return value

    def _collection(self, name):
        if not name:
            return None
        if name not in self.collections:
            collection = Collection.objects.filter(name=name).first()
            if collection is None and not self.dry_run:
                collection = Collection.get_first_root_node().add_child(name=name)
            self.collections[name] = collection
        return self.collections[name]

    def _create(self, path, fields, sha256):
        with open(path, "rb") as fh, transaction.atomic():
            document = Document(
                title=fields["title"],
                document_type=fields["document_type"],
                issuing_body=fields["issuing_body"],
                reference_number=fields["reference_number"],
                date_issued=fields["date_issued"],
                language=fields["language"],
            )
            if fields["collection"]:
                document.collection = fields["collection"]
            document.file = File(fh, name=fields["file_name"])
            document.save()
            if document.sha256 != sha256:
                # Raised inside the transaction, so nothing of the row is kept.
                document.file.delete(save=False)
                raise RowRejected(_("the file changed while it was being imported"))
            if fields["tags"]:
                document.tags.add(*fields["tags"])
        return document

    @staticmethod
    def _link_versions(links, by_file, report):
        for line, name, original_name in links:
            document, original = by_file.get(name), by_file.get(original_name)
            if document is None or original is None:
                report.rejected.append(
                    Rejection(
                        line,
                        name,
                        _("not linked: the original “%(file)s” was not imported") % {"file": original_name},
                    )
                )
                continue
            root = original.original or original
            if document.original_id != root.pk and document.pk != root.pk:
                Document.objects.filter(pk=document.pk).update(original=root)
