"""Programmatic wagtail-localize translations (demo data, tests, imports).

Fills every string segment of an object's translation source through a
callback and saves the target, exactly as a translator's work in the
wagtail-localize editor would, so the result stays syncable.
"""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from translations.slugs import ascii_slug, type_word


def translate_with(instance, locale, translate, *, user=None, publish=True):
    """Translate ``instance`` into ``locale`` with ``translate(text, field_path)``.

    ``translate`` returns the translated text, or ``None`` to leave a segment
    untranslated (wagtail-localize then falls back to the source text). A page's
    slug is made from its translated title (``ascii_slug``: Serbian in Latin
    letters, ASCII) when the callback leaves it alone.
    Returns the translated instance.
    """
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    # The source is ``instance`` as given (a draft's content when the caller passes it).
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    title = None
    segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    for segment in segments:
        path = segment.context.path
        text = translate(segment.string.data, path)
        if path == "title" and text:
            title = text
        if path == "slug" and text in (None, segment.string.data) and title:
            text = ascii_slug(title, 250, fallback=type_word(type(instance), locale.language_code))
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)
