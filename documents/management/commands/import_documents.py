"""manage.py import_documents <folder> <metadata.csv> [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.importer import COLUMNS, DocumentImporter, ImportAborted

BAR_WIDTH = 30


def summary(report, dry_run):
    """The closing lines of the report: one sentence per count, so that each noun agrees with its number."""
    values = {"count": len(report.imported), "total": report.total}
    if dry_run:
        done = ngettext(
            "Would import %(count)s row out of %(total)s.",
            "Would import %(count)s rows out of %(total)s.",
            len(report.imported),
        )
    else:
        done = ngettext(
            "Imported %(count)s row out of %(total)s.",
            "Imported %(count)s rows out of %(total)s.",
            len(report.imported),
        )
    sentences = [
        done % values,
        ngettext(
            "%(count)s file already in the library.",
            "%(count)s files already in the library.",
            len(report.duplicates),
        )
        % {"count": len(report.duplicates)},
        ngettext("%(count)s row rejected.", "%(count)s rows rejected.", len(report.rejected))
        % {"count": len(report.rejected)},
    ]
    if dry_run:
        sentences.append(_("Dry run: nothing was saved."))
    return " ".join(sentences)


class Command(BaseCommand):
    help = (
        "Import a folder of documents described by a CSV file "
        f"(columns: {', '.join(COLUMNS)}; see docs/documents.md). "
        "Files already in the library (same SHA-256) are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The folder holding the files named in the CSV.")
        parser.add_argument("metadata", help="The CSV file describing the documents, one row each.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report, but save nothing."
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, folder, metadata, dry_run, no_progress, **options):
        progress = None if no_progress else self._progress
        try:
            report = DocumentImporter(folder, metadata, dry_run=dry_run, progress=progress).run()
        except ImportAborted as error:
            raise CommandError(str(error)) from error
        if progress:
            self.stderr.write("")

        if report.rejected:
            count = len(report.rejected)
            self.stdout.write(self.style.WARNING(_("Rejected rows (%(count)s):") % {"count": count}))
            for rejection in report.rejected:
                self.stdout.write(
                    "  "
                    + _("line %(line)s (%(file)s): %(reason)s")
                    % {"line": rejection.line, "file": rejection.file or "-", "reason": rejection.reason}
                )
        self.stdout.write(self.style.SUCCESS(summary(report, dry_run)))

    def _progress(self, done, total, report):
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        # Label and value: no word has to agree with a number.
        counts = _("new: %(new)s  present: %(present)s  rejected: %(rejected)s") % {
            "new": len(report.imported),
            "present": len(report.duplicates),
            "rejected": len(report.rejected),
        }
        line = f"\r[{bar}] {done}/{total}  {counts}"
        self.stderr.write(line, ending="")
        self.stderr.flush()
