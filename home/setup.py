"""Idempotent site set-up: locales, and a home page per locale.

The Albanian home page comes from a migration; the other locales' home pages
are wagtail-localize translations of it, so translators can keep them in sync.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Site
from wagtail_localize.operations import translate_object

from .models import HomePage


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def default_home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_home_translations():
    """Create the missing home-page translations; return home pages by language code."""
    ensure_locales()
    source = default_home_page()
    existing = HomePage.objects.filter(translation_key=source.translation_key)
    missing = list(Locale.objects.exclude(pk__in=existing.values("locale")))
    if missing:
        translate_object(source, missing)
    # wagtail-localize publishes translations on commit, so rename after that.
    transaction.on_commit(lambda: _name_home_slugs(source))
    transaction.on_commit(_ensure_translator_groups)
    return {page.locale.language_code: page for page in existing.select_related("locale")}


def _name_home_slugs(source):
    # wagtail-localize names translated root pages "home-1", "home-2"; name them
    # deliberately (they never appear in URLs: each is a locale's root).
    for page in HomePage.objects.filter(translation_key=source.translation_key).select_related("locale"):
        wanted = "home" if page.pk == source.pk else f"home-{page.locale.language_code}"
        if page.slug != wanted:
            page.slug = wanted
            page.save_revision().publish()


def _ensure_translator_groups():
    # Translator groups get their permissions on each locale's home page, which exists only now.
    from translations.groups import ensure_translator_groups

    ensure_translator_groups()
