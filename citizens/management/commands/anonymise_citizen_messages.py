from django.core.management.base import BaseCommand

from citizens.retention import anonymise_due


class Command(BaseCommand):
    help = (
        "Anonymise answered, forwarded, rejected and closed citizens' messages older than "
        "CITIZENS_RETENTION_DAYS (or --days): personal data and attachments go, the counts stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Instead of CITIZENS_RETENTION_DAYS.")
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days=None, dry_run=False, **options):
        count = anonymise_due(days, dry_run=dry_run)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{count} message(s) {verb}.")
