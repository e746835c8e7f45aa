"""Machine translation backends for wagtail-localize (WAGTAILLOCALIZE_MACHINE_TRANSLATOR).

DeepL and Google come with wagtail-localize. ``LibreTranslator`` adds a
self-hostable LibreTranslate server whose API key is optional, and
``GlossaryTranslator`` is deterministic (no network): the office's glossary
for known terms, a marked pass-through for the rest. It serves tests, the demo
and offline installations.

Whatever the backend, wagtail-localize stores its output with
``translation_type="machine"``; a task cannot be approved until a person has
reviewed those segments (``services.approve``).
"""

import re

from django.utils.translation import pgettext
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator as BaseLibreTranslator
from wagtail_localize.strings import StringValue

from home.glossary import load_glossary

COLUMNS = {"sq": "sq", "sr": "sr_cyrl", "sr-latn": "sr_latn", "en": "en"}


def _column(locale):
    code = locale.language_code.lower()
    return COLUMNS.get(code) or COLUMNS.get(code.split("-")[0])


class GlossaryTranslator(BaseMachineTranslator):
    @property
    def display_name(self):
        # Read by wagtail-localize's editor while the translator's language is active.
        return pgettext("machine translator, in 'Translate with …'", "the office's glossary")

    def can_translate(self, source_locale, target_locale):
        source, target = _column(source_locale), _column(target_locale)
        return bool(source and target and source != target)

    def translate(self, source_locale, target_locale, strings):
        source, target = _column(source_locale), _column(target_locale)
        marker = self.options.get("MARKER", "[MT {source}→{target}] ").format(
            source=source_locale.language_code, target=target_locale.language_code
        )
        terms = sorted(
            ((row[source], row[target]) for row in load_glossary().values() if row[source] and row[target]),
            key=lambda pair: -len(pair[0]),
        )
        return {string: StringValue(self.translate_text(string.data, terms, marker)) for string in strings}

    @staticmethod
    def translate_text(text, terms, marker):
        stripped = text.strip()
        for term, translation in terms:
            if stripped.lower() == term.lower():
                return text.replace(stripped, translation)
        result = text
        for term, translation in terms:
            result = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", translation, result, flags=re.IGNORECASE)
        return marker + result


class LibreTranslator(BaseLibreTranslator):
    """LibreTranslate at OPTIONS["LIBRETRANSLATE_URL"], with an optional OPTIONS["API_KEY"]."""

    def __init__(self, options):
        super().__init__({"API_KEY": "", **options})
