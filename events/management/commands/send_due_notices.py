"""Deliver the media notices due at a given moment (the clock can be moved to test a schedule)."""

import datetime as dt

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import notices
from events.models import MediaNotice


def parse_moment(value):
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--now wants an ISO date and time such as 2026-12-15T09:00, not “{value}”."
        ) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)  # Europe/Belgrade, like everything editors type
    return moment


class Command(BaseCommand):
    help = (
        "Send every media notice due now (or at --now). With --worker, run the task worker "
        "(`db_worker --batch`) with the clock moved to --now instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Pretend it is this moment (ISO format; local time if no offset).")
        parser.add_argument(
            "--worker",
            action="store_true",
            help="Run `db_worker --batch` with the clock moved (needs the time-machine package).",
        )

    def handle(self, now=None, worker=False, **options):
        moment = parse_moment(now) if now else timezone.now()
        if worker:
            try:
                import time_machine
            except ImportError as error:
                raise CommandError(
                    "--worker needs time-machine (pip install -r requirements-dev.txt)."
                ) from error
            with time_machine.travel(moment, tick=True):
                call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
            return
        results = notices.send_due_notices(now=moment)
        for pk, status in results.items():
            if status:
                label = MediaNotice.Status(status).label
                self.stdout.write(_("Notice %(number)s: %(status)s") % {"number": pk, "status": label})
            else:
                self.stdout.write(_("Notice %(number)s: skipped (taken by another worker)") % {"number": pk})
        when = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)s notice due at %(when)s.", "%(count)s notices due at %(when)s.", len(results)
                )
                % {"count": len(results), "when": when}
            )
        )
