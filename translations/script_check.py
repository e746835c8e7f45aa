"""Latin text inside Serbian (Cyrillic) content: detection and the one-click fix.

Serbian is stored in Cyrillic (DESIGN.md §5); text typed in Latin script would
reach readers of the Cyrillic site as it is, and Latin readers through a
second transliteration. Translators see a warning and can convert it.
"""

from django.db import models
from wagtail.fields import RichTextField
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from . import conf, services
from .transliteration import find_latin_words_html, to_cyrillic, to_cyrillic_html

# Fields whose value is an address or an identifier, never prose.
SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title"}


def needs_check(locale):
    return locale.language_code in conf.cyrillic_serbian_languages()


def latin_in_task(task):
    """The translated strings of ``task`` containing Latin words: [(StringTranslation, words)]."""
    if not needs_check(task.target_locale):
        return []
    translation = services.get_translation(task)
    if translation is None:
        return []
    found = []
    contexts = StringSegment.objects.filter(source_id=translation.source_id).values("context_id")
    for string_translation in (
        StringTranslation.objects.filter(locale_id=task.target_locale_id, context_id__in=contexts)
        .exclude(context__path__in=SKIPPED_FIELDS)
        .select_related("context")
    ):
        words = find_latin_words_html(string_translation.data)
        if words:
            found.append((string_translation, words))
    return found


def convert_task(task, user=None):
    """Convert the Latin strings of ``task``'s translation to Cyrillic; return how many changed."""
    changed = 0
    for string_translation, _words in latin_in_task(task):
        string_translation.data = to_cyrillic_html(string_translation.data)
        string_translation.last_translated_by = user
        string_translation.save()
        changed += 1
    return changed


def _text_fields(page):
    for field in page._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or getattr(field, "choices", None):
            continue
        if isinstance(field, RichTextField | models.TextField | models.CharField):
            yield field


def latin_in_page(page):
    """{field name: Latin words} for the text fields of a Serbian page (its latest draft)."""
    if not needs_check(page.locale):
        return {}
    page = page.specific
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    # Segments not translated yet hold the source's text (Albanian, in Latin script): not the translator's.
    untranslated = {}
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        untranslated = services.source_segments(translation.source)
    found = {}
    for path, text in services.instance_segments(draft).items():
        if path in SKIPPED_FIELDS or untranslated.get(path) == text:
            continue
        words = find_latin_words_html(text)
        if words:
            found[path] = words
    return found


def convert_page(page, user=None):
    """Convert a Serbian page's Latin text to Cyrillic: its translated strings, then its latest draft.

    Returns the number of strings and fields changed; the result is saved as a draft.
    """
    page = page.specific
    changed = 0
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        contexts = StringSegment.objects.filter(source_id=translation.source_id).values("context_id")
        strings = StringTranslation.objects.filter(locale_id=page.locale_id, context_id__in=contexts).exclude(
            context__path__in=SKIPPED_FIELDS
        )
        for string_translation in strings:
            if find_latin_words_html(string_translation.data):
                string_translation.data = to_cyrillic_html(string_translation.data)
                string_translation.last_translated_by = user
                string_translation.save()
                changed += 1
        if changed:
            translation.save_target(user=user, publish=False)
            page = type(page).objects.get(pk=page.pk)
    # Text typed straight into the page (not through the translation editor).
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    fields_changed = 0
    for field in _text_fields(draft):
        value = field.value_from_object(draft)
        if not value or not find_latin_words_html(value):
            continue
        convert = to_cyrillic_html if isinstance(field, RichTextField) else to_cyrillic
        setattr(draft, field.attname, convert(value))
        fields_changed += 1
    if fields_changed:
        draft.save_revision(user=user)
    return changed + fields_changed
