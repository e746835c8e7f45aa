"""manage.py restore SRC: a backup into an empty database and empty storage (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.backup.archive import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (its folder, or the latest complete one under SRC, a directory or "
        "s3://bucket/prefix) into an empty database and empty file storage. Every file is checked "
        "against the manifest first; the database is loaded in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A backup's folder, or where backups are kept.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database and storage that are not empty.",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Do not rebuild the search index afterwards (update_index).",
        )

    def handle(self, source, yes, force, no_index, **options):
        if not yes and options.get("interactive", True):
            answer = input(
                _("Restore %(source)s into this site's database and storage? [y/N] ") % {"source": source}
            )
            if answer.strip().lower() not in {"y", "yes", "p", "po", "д", "да", "da"}:
                raise CommandError(_("Restore cancelled. Nothing was changed."))
        try:
            manifest = restore(source, force=force, index=not no_index)
        except BackupError as error:
            raise CommandError(str(error)) from error
        count = len(manifest["files"])
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Restored the backup of %(created)s: the database and %(count)s file.",
                    "Restored the backup of %(created)s: the database and %(count)s files.",
                    count,
                )
                % {"created": manifest["created"], "count": count}
            )
        )
