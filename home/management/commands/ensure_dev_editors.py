"""Create (or reset) development accounts for the editorial roles and print their credentials."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from home.editorial import EDITORS, HEAD_OF_OFFICE, ensure_editorial_setup
from translations.conf import translator_group_name
from translations.groups import ensure_translator_groups
from translations.setup import ensure_translation_editorial_setup

# username, first name, last name, group, admin language: the editor, the head of office, and the
# demo translators. Wagtail's account form requires a first and last name, so every account has both.
ACCOUNTS = [
    ("redaktor", "Drita", "Berisha", EDITORS, "sq"),
    ("shefi", "Besnik", "Gashi", HEAD_OF_OFFICE, "sq"),
    ("milica", "Milica", "Jovanović", translator_group_name("sr"), "sr"),
    ("arta", "Arta", "Hoxha", translator_group_name("en"), "en"),
]


class Command(BaseCommand):
    help = "Ensure the editor, head-of-office and translator accounts exist (refused when DEBUG is off)."

    def handle(self, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_editors only runs with DEBUG on (development settings).")
        ensure_editorial_setup()
        ensure_translation_editorial_setup()
        ensure_translator_groups()
        User = get_user_model()
        for username, first_name, last_name, group_name, language in ACCOUNTS:
            user, _created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@komuna.example"}
            )
            user.is_active = True
            user.first_name, user.last_name = first_name, last_name
            user.set_password(username)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])
            self.stdout.write(
                self.style.SUCCESS(
                    f"Development account '{username}' / '{username}' in group \"{group_name}\""
                )
            )
