"""manage.py backup DEST: the database and every stored file, in a new folder under DEST (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import ngettext

from cms.backup.archive import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (Django's JSON dump) and every stored file with their SHA-256 checksums "
        "into a new folder under DEST, a directory or s3://bucket/prefix. The folder is complete once "
        "its COMPLETE file is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="A directory, or s3://bucket/prefix (settings.BACKUP_S3).")

    def handle(self, destination, **options):
        try:
            report = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Backup %(folder)s written to %(destination)s: the database and %(count)s file (%(size)s).",
                    "Backup %(folder)s written to %(destination)s: the database and %(count)s files (%(size)s).",
                    report.files,
                )
                % {
                    "folder": report.folder,
                    "destination": destination,
                    "count": report.files,
                    "size": filesizeformat(report.bytes),
                }
            )
        )
        if options["verbosity"] > 1:
            for section, count in sorted(report.sections.items()):
                self.stdout.write(f"{section}: {count}")
