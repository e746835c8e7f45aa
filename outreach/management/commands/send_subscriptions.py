"""The subscriptions' cron job: the daily digests (and whatever an immediate e-mail left behind)."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from outreach import subscriptions


class Command(BaseCommand):
    help = "E-mail every subscription its pages not sent yet: run once a day for the daily digests."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=["immediate", "daily"],
            help="Only the subscriptions of this frequency (default: all).",
        )

    def handle(self, frequency=None, **options):
        results = subscriptions.send_subscriptions(frequency=frequency)
        sent = sum(1 for count in results.values() if count)
        self.stdout.write(
            ngettext("%(count)s subscriber written to.", "%(count)s subscribers written to.", sent)
            % {"count": sent}
        )
