"""Translator groups: one per target locale, allowed into that locale's page tree only.

The groups themselves come from a data migration; their page permissions need
the locale's home page, which exists only once the site is set up, so
``ensure_translator_groups()`` (idempotent) is called by the demo loader, the
``setup_translators`` command and after every migration.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Site

from . import conf

# Translators draft pages in their locale; publishing is the reviewer's.
# Locking lets a translator keep others out of a page while translating it.
PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
MODEL_PERMISSIONS = (
    ("wagtailadmin", "admin", "access_admin"),
    ("translations", "translationtask", "view_translationtask"),
)


def locale_home_page(locale):
    """The root of ``locale``'s tree: the translation of the default site's root page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale).first()


def _snippet_permissions():
    """Change permission on every translatable snippet model (TRANSLATABLE_SNIPPET_MODELS)."""
    from django.conf import settings

    permissions = []
    for label in getattr(settings, "TRANSLATABLE_SNIPPET_MODELS", ()):
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        permissions += list(
            Permission.objects.filter(content_type=content_type, codename__startswith="change_")
        )
    return permissions


@transaction.atomic
def ensure_translator_groups():
    """Create or complete the translator group of every target locale; return them by language code."""
    groups = {}
    model_permissions = [
        Permission.objects.get(content_type__app_label=app, content_type__model=model, codename=codename)
        for app, model, codename in MODEL_PERMISSIONS
    ]
    page_permissions = list(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page), codename__in=PAGE_PERMISSIONS
        )
    )
    snippet_permissions = _snippet_permissions()
    for code in conf.target_languages():
        group, _created = Group.objects.get_or_create(name=conf.translator_group_name(code))
        group.permissions.add(*model_permissions, *snippet_permissions)
        locale = Locale.objects.filter(language_code=code).first()
        home = locale_home_page(locale) if locale else None
        if home is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        groups[code] = group
    return groups


def translator_locales(user):
    """The language codes ``user`` translates into, from their translator groups."""
    names = {conf.translator_group_name(code): code for code in conf.target_languages()}
    return {names[name] for name in user.groups.values_list("name", flat=True) if name in names}


def is_translator_only(user):
    """A member of translator groups and of no other group: limited to their locales."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    cached = getattr(user, "_is_translator_only", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        translator_names = {conf.translator_group_name(code) for code in conf.target_languages()}
        cached = user._is_translator_only = bool(names) and names <= translator_names
    return cached
