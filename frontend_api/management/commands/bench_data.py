"""Generate benchmark content: ``manage.py bench_data --per-type N`` (see bench/)."""

from django.core.management.base import BaseCommand, CommandError

from bench.data import generate


class Command(BaseCommand):
    help = "Create N live pages per content type in every locale, with images (for bench/run.py)."

    def add_arguments(self, parser):
        parser.add_argument("--per-type", type=int, default=100, help="Pages per content type and locale.")

    def handle(self, per_type, **options):
        if per_type < 1:
            raise CommandError("--per-type must be at least 1.")
        created = generate(per_type, write=lambda message: self.stdout.write(f"  · {message}"))
        total = sum(created.values())
        self.stdout.write(self.style.SUCCESS(f"Benchmark data ready: {total} pages created per locale."))
