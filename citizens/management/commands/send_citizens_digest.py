from django.core.management.base import BaseCommand

from citizens.digest import send_digest


class Command(BaseCommand):
    help = "E-mail the weekly digest of citizens' messages to the head of office; run once a week."

    def handle(self, *args, **options):
        self.stdout.write(f"Digest sent to {send_digest()} address(es).")
