from django.core.management.base import BaseCommand

from home.editorial import ensure_editorial_setup
from home.setup import ensure_home_translations
from translations.setup import ensure_translation_editorial_setup


class Command(BaseCommand):
    help = (
        "Ensure the configured locales, a home page per locale and the editorial workflow exist (idempotent)."
    )

    def handle(self, **options):
        pages = ensure_home_translations()
        for code, page in sorted(pages.items()):
            self.stdout.write(f"{code}: {page.title} ({page.url})")
        ensure_editorial_setup()
        workflow = ensure_translation_editorial_setup()
        self.stdout.write(f"Workflow: {workflow.name}")
