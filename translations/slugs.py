"""Page slugs in ASCII in every locale, made from the title (docs/translations.md, "Slugs").

``ascii_slug(text)`` is the one function that turns a title (or a slug typed in
another script) into a slug: Serbian Cyrillic is transliterated to Latin with
``to_latin`` and diacritics are folded (č ć → c, š → s, ž → z, đ → dj, ë → e,
ç → c, other letters by their Unicode decomposition), so that
"Одлука о јавној расвети" becomes ``odluka-o-javnoj-rasveti`` and
"Vendimi për ndriçimin e Komunës" ``vendimi-per-ndricimin-e-komunes``.

A slug is never empty and never a bare number: a title without a letter or a
digit gives the fallback word (the page type's name in the page's language),
and a title that is only a number is prefixed with it (a Serbian session
titled "6": ``sednica-6`` when the catalog names the type "седница"), because
``/sr/kalendar/6/`` says nothing to a reader and looks like an id.

``AsciiSlugMixin`` (translations/mixins.py) applies the rule on every page
save; ``SLUG_FORMATTERS`` gives the admin's slug field the same letters.
"""

import re
import unicodedata

from django.conf import settings
from django.utils import translation

from .transliteration import to_latin

DEFAULT_FALLBACK = "page"
SLUG_MAX_LENGTH = 255  # Page.slug

# Letters that Unicode decomposition does not reduce to ASCII, or reduces badly.
SPECIAL_LETTERS = {
    "đ": "dj", "ð": "d", "ħ": "h", "ı": "i", "ł": "l", "ŀ": "l", "ø": "o", "œ": "oe", "æ": "ae",
    "ß": "ss", "þ": "th", "ŧ": "t", "ĸ": "k", "ŉ": "n", "ſ": "s",
}  # fmt: skip
# Apostrophes join the parts of a word ("Mayor's" → mayors); other marks separate words.
APOSTROPHES = "'’ʼ`´"
APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
# Digits, with hyphens or underscores between them (2026-27): a number, not a word.
NUMBER = re.compile(r"[\d_-]*")
# What an editor may type: ASCII letters, digits, hyphens and underscores (Django's validate_slug).
ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def _fold_char(char):
    if char.isascii():
        return char.lower()
    category = unicodedata.category(char)
    if category[0] == "M":  # a combining accent typed apart from its letter
        return ""
    if category[0] not in "LN":  # a dash, a quotation mark, a symbol: between words
        return " "
    lower = char.lower()
    if lower in SPECIAL_LETTERS:
        return SPECIAL_LETTERS[lower]
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(part for part in decomposed if part.isascii())


def fold(text):
    """Serbian Cyrillic to Latin, then every letter to lower-case ASCII (letters without one are dropped)."""
    latin = unicodedata.normalize("NFC", to_latin(text or ""))
    return "".join(_fold_char(char) for char in latin)


def slugify_ascii(text, max_length=255):
    """The slug of ``text``: may be empty or a number (``ascii_slug`` makes it neither)."""
    words = NOT_ALPHANUMERIC.sub("-", fold(APOSTROPHE.sub("", text or "")))
    return words.strip("-")[:max_length].strip("-")


def is_number(slug):
    return bool(NUMBER.fullmatch(slug or ""))


def is_acceptable_slug(slug):
    """An ASCII slug that is not empty and not a bare number: kept as an editor typed it."""
    return bool(slug) and bool(ASCII_SLUG.fullmatch(slug)) and not is_number(slug)


def ascii_slug(text, max_length=255, fallback=DEFAULT_FALLBACK):
    """A non-empty ASCII slug of ``text`` that is not a bare number.

    ``fallback`` (a word, e.g. the page type's name) is the slug of a text
    without letters or digits and the prefix of a text that is only a number.
    """
    slug = slugify_ascii(text, max_length)
    word = slugify_ascii(fallback, max_length) if fallback else ""
    if is_number(word):
        word = DEFAULT_FALLBACK
    if not slug:
        return word
    if is_number(slug):
        return f"{word}-{slug}"[:max_length].rstrip("-_")
    return slug


def type_word(model, language):
    """The page type's name in ``language`` ("decision", "vendim", "одлука"), for ``ascii_slug``'s fallback."""
    name = getattr(model._meta, "verbose_name", None) or DEFAULT_FALLBACK
    with translation.override(language):
        # A model's name is lazy; a migration's historical model has it as a plain string.
        return translation.gettext(name) if isinstance(name, str) else str(name)


# --- The admin's slug field --------------------------------------------------
# Wagtail's slug widget cleans a typed slug in the browser by dropping every
# non-ASCII letter ("komunës" → "komuns") once WAGTAIL_ALLOW_UNICODE_SLUGS is
# off, and its title-to-slug transliteration follows Russian for Cyrillic
# ("ш" → "sh"). Its formatters (regular expression, replacement) run first, so
# they are given the letters of ``fold``: the browser shows the slug the server
# would make.

SERBIAN_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш"
LATIN_LETTERS = [chr(code) for code in range(0x00C0, 0x0250) if chr(code).isalpha()]
SLUG_PUNCTUATION = r"""[.,;:!?/\\|()\[\]{}"«»„“”‹›<>–—‒―+=*&%#@~^$§°·•…]"""


def _formatters():
    by_replacement = {}
    letters = [*SERBIAN_CYRILLIC, *SERBIAN_CYRILLIC.upper(), *LATIN_LETTERS]
    for char in letters:
        replacement = fold(char)
        # A letter without an ASCII form is left to Wagtail's own transliteration.
        if replacement and replacement != char:
            by_replacement.setdefault(replacement, []).append(char)
    formatters = [(f"[{re.escape(APOSTROPHES)}]", "")]
    formatters += [
        (f"[{''.join(chars)}]", replacement) for replacement, chars in sorted(by_replacement.items())
    ]
    formatters.append((SLUG_PUNCTUATION, " "))
    return formatters


SLUG_FORMATTERS = _formatters()


# --- Pages ---------------------------------------------------------------------


def _language(page, parent):
    if page.locale_id:
        return page.locale.language_code
    if parent is not None:
        return parent.locale.language_code
    return settings.LANGUAGE_CODE


def slug_base(slug, title, fallback, max_length=SLUG_MAX_LENGTH):
    """The slug that replaces an unacceptable ``slug``, before de-duplication among siblings.

    A slug typed in another script is transliterated (it is what the editor
    meant); an empty or numeric one, or one without a letter left, is made
    from the title: a translation's from its translated title.
    """
    if slug and not ASCII_SLUG.fullmatch(slug):
        typed = slugify_ascii(slug, max_length)
        if is_acceptable_slug(typed):
            return typed
    return ascii_slug(title, max_length, fallback=fallback)


def first_free(base, is_taken, max_length=SLUG_MAX_LENGTH):
    """``base``, or ``base-2``, ``base-3``… (as Wagtail numbers slugs): the first that ``is_taken`` refuses."""
    candidate, suffix = base, 1
    while is_taken(candidate):
        suffix += 1
        tail = f"-{suffix}"
        candidate = base[: max_length - len(tail)].rstrip("-_") + tail
    return candidate


def page_slug_base(page, parent=None):
    return slug_base(page.slug, page.title, type_word(type(page), _language(page, parent)))


def available_slug(base, parent, page=None):
    """The first of ``base``, ``base-2``… that no sibling of ``page`` under ``parent`` has."""
    from wagtail.models import Page

    return first_free(base, lambda candidate: not Page._slug_is_available(candidate, parent, page))


def ensure_page_slug(page):
    """Give ``page`` an acceptable, ASCII slug, unique among its siblings once its parent is known.

    An acceptable slug is left alone (Wagtail's own check reports a clash).
    A slug made here is made unique as soon as the parent is known: a page
    validated before it is added to the tree (the admin's create view) gets
    its suffix when it is saved.
    """
    made = getattr(page, "_ascii_slug_made", None)  # (slug, base, checked among siblings)
    if made is not None and made[0] == page.slug:
        if made[2]:
            return
        base = made[1]
    elif is_acceptable_slug(page.slug):
        return
    else:
        base = None
    parent_known = bool(page.path or getattr(page, "_cached_parent_obj", None))
    parent = page.get_parent() if parent_known else None
    if base is None:
        base = page_slug_base(page, parent)
    page.slug = available_slug(base, parent, page) if parent is not None else base
    page._ascii_slug_made = (page.slug, base, parent_known)
