from django.core.management.base import BaseCommand, CommandError

from frontend_api.schema_file import SCHEMA_FILE, printed_schema


class Command(BaseCommand):
    help = "Write the GraphQL schema to frontend_api/schema.graphql (or --check that it is up to date)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if the committed file differs.")

    def handle(self, *args, check=False, **options):
        current = printed_schema()
        if check:
            if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text() != current:
                raise CommandError(f"{SCHEMA_FILE.name} is out of date: run `make schema`.")
            self.stdout.write(f"{SCHEMA_FILE.name} is up to date.")
            return
        SCHEMA_FILE.write_text(current)
        self.stdout.write(f"Wrote {SCHEMA_FILE}.")
