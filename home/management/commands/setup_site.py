from django.core.management.base import BaseCommand

from home.setup import ensure_home_translations


class Command(BaseCommand):
    help = "Ensure the configured locales and a home page per locale exist (idempotent)."

    def handle(self, **options):
        pages = ensure_home_translations()
        for code, page in sorted(pages.items()):
            self.stdout.write(f"{code}: {page.title} ({page.url})")
