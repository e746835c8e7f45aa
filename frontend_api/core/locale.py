"""The ``Locale`` enum, built from the configured content languages.

Every root field takes a ``locale`` argument of this enum. Locales are
configuration: a language added to ``WAGTAIL_CONTENT_LANGUAGES`` (or a derived
variant added to ``locale_choices``, such as Serbian in Latin script) becomes an
enum value without touching the schema code.
"""

import graphene
from django.conf import settings
from django.utils import translation


def locale_choices():
    """(enum name, language code, description) for every locale the API offers."""
    # Descriptions in English whatever the active language: the schema is one file.
    with translation.override("en"):
        choices = [
            (code.upper().replace("-", "_"), code, f"{name} ({code})")
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]
    if any(code == "sr" for _name, code, _description in choices):
        # Derived, not stored: read from the Cyrillic ``sr`` tree and transliterated (core/script.py).
        choices.append(("SR_LATN", "sr-latn", "Serbian in Latin script (sr-latn), derived from sr"))
    return choices


def default_language():
    return settings.LANGUAGE_CODE


def _build_enum():
    choices = locale_choices()
    descriptions = {name: str(description) for name, _code, description in choices}

    def describe(member):
        if member is None:
            return "A content language of the site; the default language is the source of translations."
        return descriptions.get(member.name)

    return graphene.Enum(
        "Locale", [(name, code) for name, code, _description in choices], description=describe
    )


Locale = _build_enum()


def language_code(value):
    """The language code for a ``Locale`` argument (enum member, its value, or None → default)."""
    if value is None:
        return default_language()
    code = getattr(value, "value", value)
    # Latin script is served from the Cyrillic tree (the script middleware marks the request).
    return "sr" if code == "sr-latn" else code


def locale_argument(**kwargs):
    return graphene.Argument(
        Locale,
        description=(
            "Content language; defaults to the site's default language (SQ). "
            "SR_LATN is Serbian in Latin script, derived from the Cyrillic SR content."
        ),
        **kwargs,
    )


def choices_enum(name, choices, description):
    """A graphene enum from Django ``TextChoices``, with each value's English label as its description."""
    with translation.override("en"):
        labels = {member.name: str(member.label) for member in choices}

    def describe(member):
        return labels[member.name] if member else description

    return graphene.Enum(name, [(member.name, member.value) for member in choices], description=describe)
