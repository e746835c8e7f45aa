"""The translation workflow's settings, with their defaults (see docs/translations.md)."""

from django.conf import settings


def default_language():
    return settings.LANGUAGE_CODE


def target_languages():
    """Every configured content language except the default (source) one."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != default_language()]


def due_rules():
    return getattr(settings, "TRANSLATION_DUE_RULES", {})


def default_due_rule():
    return getattr(settings, "TRANSLATION_DUE_DEFAULT", {"working_days": 5})


def official_act_types():
    """Model labels ("home.DecisionPage") whose source may not go live before the Serbian translation."""
    return {label.lower() for label in getattr(settings, "OFFICIAL_ACT_PAGE_TYPES", [])}


def official_languages():
    """Target languages an official act needs before publication (Serbian by default)."""
    return getattr(settings, "OFFICIAL_LANGUAGE_GATE_LOCALES", ["sr"])


def cyrillic_serbian_languages():
    return getattr(settings, "SERBIAN_CYRILLIC_LOCALES", ["sr"])


def task_excluded_types():
    return {label.lower() for label in getattr(settings, "TRANSLATION_TASK_EXCLUDE", [])}


def holidays():
    return set(getattr(settings, "TRANSLATION_HOLIDAYS", ()))


def due_soon_hours():
    return getattr(settings, "TRANSLATION_DUE_SOON_HOURS", 24)


def translator_group_name(language_code):
    return f"Translators ({language_code})"
