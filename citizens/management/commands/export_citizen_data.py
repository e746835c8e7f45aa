import json

from django.core.management.base import BaseCommand

from citizens.export import person_data


class Command(BaseCommand):
    help = "Print as JSON everything stored about the person who wrote with this e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(person_data(email), ensure_ascii=False, indent=2))
