"""Create (or reset) the development admin account and print its credentials."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Ensure a development superuser exists (refused when DEBUG is off)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin")

    def handle(self, username, password, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings).")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@komuna.example"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        # Wagtail's account form requires a first and last name; keep any the developer chose.
        user.first_name = user.first_name or "Agron"
        user.last_name = user.last_name or "Shala"
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} development admin account: username '{username}', password '{password}'"
                " (log in at /admin/)"
            )
        )
