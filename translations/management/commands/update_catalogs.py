"""Refresh the translation catalogs: the project's strings and the packages' (see translations/catalogs.py)."""

from django.core.management import BaseCommand, call_command

from translations import catalogs


class Command(BaseCommand):
    help = "Extract the project's strings and refresh the vendor catalogs (Wagtail, wagtail-localize)."

    def handle(self, *args, **options):
        for language in catalogs.LANGUAGES:
            for domain in catalogs.DOMAINS:
                path, count = catalogs.update_vendor(language, domain)
                self.stdout.write(f"{path}: {count} strings")
        call_command(
            "makemessages",
            locale=list(catalogs.LANGUAGES),
            ignore_patterns=list(catalogs.PROJECT_IGNORE_PATTERNS),
            no_obsolete=True,
            verbosity=options["verbosity"],
        )
