from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from translations.groups import ensure_translator_groups


class Command(BaseCommand):
    help = "Create or complete the translator group of every target locale (idempotent)."

    def handle(self, **options):
        for _code, group in sorted(ensure_translator_groups().items()):
            pages = group.page_permissions.values_list("page__title", flat=True).distinct()
            where = ", ".join(pages) or _("no home page yet: run setup_site first")
            self.stdout.write(f"{group.name}: {where}")
