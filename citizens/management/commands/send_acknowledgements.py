from django.core.management.base import BaseCommand

from citizens.emails import send_pending


class Command(BaseCommand):
    help = "Send the acknowledgements and replies to citizens still owed (e.g. after an SMTP outage); run every few minutes."

    def handle(self, *args, **options):
        sent = send_pending()
        self.stdout.write(f"{sent} e-mail(s) sent.")
