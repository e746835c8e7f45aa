from django.core.management.base import BaseCommand

from translations.notifications import notify_deadlines


class Command(BaseCommand):
    help = "E-mail translators about tasks due soon and overdue (each reminder is sent once). Run it hourly."

    def handle(self, **options):
        due_soon, overdue = notify_deadlines()
        self.stdout.write(f"Reminders sent: {due_soon} due soon, {overdue} overdue.")
