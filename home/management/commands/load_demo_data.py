"""Load the demo municipality (idempotent: running it twice creates nothing twice)."""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from home.demo import DemoContext

# Each app adds its loader here, in dependency order.
LOADERS = [
    "home.demo.reference.load",
    "home.demo.pages.load",
    "documents.demo.load",
    "home.demo.content.load",
    "events.demo.load",
    "translations.demo.load",
]


class Command(BaseCommand):
    help = "Load a realistic demo municipality in Albanian, Serbian and English."

    def handle(self, **options):
        ctx = DemoContext(write=lambda message: self.stdout.write(f"  · {message}"))
        self.stdout.write("Loading demo data…")
        for path in LOADERS:
            # Loaders manage their own transactions: wagtail-localize publishes
            # translations on commit, which must happen before the next step.
            import_string(path)(ctx)
        if ctx.created:
            summary = ", ".join(f"{count} {label}" for label, count in sorted(ctx.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: created or updated {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already complete: nothing to create."))
