from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from translations.notifications import notify_deadlines


class Command(BaseCommand):
    help = "E-mail translators about tasks due soon and overdue (each reminder is sent once). Run it hourly."

    def handle(self, **options):
        due_soon, overdue = notify_deadlines()
        # One sentence per count, so that each noun agrees with its number.
        self.stdout.write(
            ngettext(
                "%(count)s reminder sent about a task due soon.",
                "%(count)s reminders sent about tasks due soon.",
                due_soon,
            )
            % {"count": due_soon}
        )
        self.stdout.write(
            ngettext(
                "%(count)s reminder sent about an overdue task.",
                "%(count)s reminders sent about overdue tasks.",
                overdue,
            )
            % {"count": overdue}
        )
