"""manage.py import_documents <folder> <metadata.csv> [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from documents.importer import COLUMNS, DocumentImporter, ImportAborted

BAR_WIDTH = 30


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
            self.stdout.write(self.style.WARNING(f"Rejected rows ({len(report.rejected)}):"))
            for rejection in report.rejected:
                self.stdout.write(f"  line {rejection.line} ({rejection.file or '-'}): {rejection.reason}")
        verb = "Would import" if dry_run else "Imported"
        summary = (
            f"{verb} {len(report.imported)} of {report.total} rows; "
            f"{len(report.duplicates)} already in the library; {len(report.rejected)} rejected."
        )
        if dry_run:
            summary += " Dry run: nothing was saved."
        self.stdout.write(self.style.SUCCESS(summary))

    def _progress(self, done, total, report):
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        line = (
            f"\r[{bar}] {done}/{total}  new {len(report.imported)}"
            f"  present {len(report.duplicates)}  rejected {len(report.rejected)}"
        )
        self.stderr.write(line, ending="")
        self.stderr.flush()
