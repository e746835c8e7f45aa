"""Load the demo municipality (idempotent: running it twice creates nothing twice)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.demo import DemoContext

# Each app adds its loader here, in dependency order.
LOADERS = [
    "home.demo.reference.load",
    "home.demo.pages.load",
    "documents.demo.load",
    "home.demo.content.load",
    "outreach.demo.load",
    "citizens.demo.load",
    "events.demo.load",
    "outreach.demo.load_notice_history",
    "translations.demo.load",
]


class Command(BaseCommand):
    help = "Load a realistic demo municipality in Albanian, Serbian and English."

    def handle(self, **options):
        ctx = DemoContext(write=lambda message: self.stdout.write(f"  · {message}"))
        self.stdout.write("Loading demo data…")
        # The usage index ("Used by") is rebuilt once at the end rather than queued as
        # one task per save: the loaders replace child rows (agenda materials, related
        # pages), which a queued task would no longer find.
        with disable_reference_index_auto_update():
            for path in LOADERS:
                # Loaders manage their own transactions: wagtail-localize publishes
                # translations on commit, which must happen before the next step.
                import_string(path)(ctx)
        if ctx.created:
            call_command("rebuild_references_index", verbosity=0)
            summary = ", ".join(f"{count} {label}" for label, count in sorted(ctx.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: created or updated {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already complete: nothing to create."))
