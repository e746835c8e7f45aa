from django.core.management.base import BaseCommand

from citizens.acknowledgements import send_pending_acknowledgements


class Command(BaseCommand):
    help = "Send the acknowledgements of citizens' messages still owed (e.g. after an SMTP outage); run every few minutes."

    def handle(self, *args, **options):
        sent = send_pending_acknowledgements()
        self.stdout.write(f"{sent} acknowledgement(s) sent.")
