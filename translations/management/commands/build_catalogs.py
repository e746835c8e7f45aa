"""Derive the Serbian Latin catalogs from the Cyrillic ones and compile every catalog (.mo)."""

from django.core.management import BaseCommand, call_command

from translations import catalogs


class Command(BaseCommand):
    help = "Derive sr_Latn from the sr catalogs (transliterated, never translated twice) and compile them."

    def handle(self, *args, **options):
        for source in catalogs.serbian_catalogs():
            target = catalogs.derive_latin(source)
            if options["verbosity"] > 1:
                self.stdout.write(f"{source} → {target}")
        call_command(
            "compilemessages",
            locale=[*catalogs.LANGUAGES, catalogs.LATIN],
            ignore_patterns=[".venv", "var", "node_modules"],
            verbosity=options["verbosity"],
        )
