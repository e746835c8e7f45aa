"""Serbian in two scripts: Cyrillic is stored, Latin is derived (DESIGN.md §5).

``to_latin(text)`` and ``to_latin_html(html)`` are the public API used by the
GraphQL layer, iCal feeds and search. Only text is transliterated: URLs,
e-mail addresses, HTML attributes and code keep their exact bytes.

The other direction, ``to_cyrillic``/``to_cyrillic_html``, repairs Serbian
content typed in Latin script; ``find_latin_words``/``find_latin_words_html``
detect it. Latin → Cyrillic is ambiguous for a few digraphs (``nadživeti`` is
над-живети, not наџивети), so known prefixes and stems are handled, and words
that cannot be Serbian (q, w, x, y, "th", "ck", "ph", Roman numerals, names in
``TRANSLITERATION_KEEP_LATIN``) are left alone.
"""

import re
from functools import cache

from django.conf import settings

CYRILLIC_TO_LATIN = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž", "З": "Z",
    "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "Ć", "У": "U", "Ф": "F", "Х": "H", "Ц": "C",
    "Ч": "Č", "Џ": "Dž", "Ш": "Š",
}  # fmt: skip
CYRILLIC_TO_LATIN.update({cyr.lower(): lat.lower() for cyr, lat in list(CYRILLIC_TO_LATIN.items())})
DIGRAPH_CAPITALS = {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}

LATIN_TO_CYRILLIC = {
    "lj": "љ", "nj": "њ", "dž": "џ",
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф",
    "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip
# Where two Latin letters are two Cyrillic letters, not one digraph.
SPLIT_DIGRAPH_STEMS = {
    "dž": ("nadž", "podž", "odž", "predž", "ispodž", "iznadž"),
    "nj": ("injek", "konjun", "konjug", "vanjez", "injunk"),
    "lj": (),
}
FOREIGN_MARKERS = re.compile(r"[qwxy]|th|ck|ph", re.IGNORECASE)
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")

# Tokens that are never text: transliterating them would break a link or an address.
PROTECTED = re.compile(
    r"""(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"']+"""  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);"  # character references
    r"|(?<![\w.])(?:[\w-]+\.)+(?:com|org|net|eu|rs|al|info|gov|int|io)(?:/[^\s<>\"']*)?(?![\w])",  # bare domains
    re.IGNORECASE,
)
CODE_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "var"}
TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
LATIN_WORD = re.compile(r"[A-Za-zČčĆćĐđŠšŽž]+")
# A whole word in Latin script: ë, ç and other Latin letters are letters, not word breaks.
ANY_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")


def _split_protected(text):
    """Yield (is_protected, chunk) pieces of ``text``."""
    position = 0
    for match in PROTECTED.finditer(text):
        if match.start() > position:
            yield False, text[position : match.start()]
        yield True, match.group(0)
        position = match.end()
    if position < len(text):
        yield False, text[position:]


def _cyrillic_to_latin(text):
    out = []
    for index, char in enumerate(text):
        if char in DIGRAPH_CAPITALS:
            neighbours = text[index - 1 : index] + text[index + 1 : index + 2]
            # A capital digraph next to another capital is part of an all-caps word: ЉУДИ → LJUDI.
            if any(n.isalpha() and n.isupper() for n in neighbours):
                out.append(DIGRAPH_CAPITALS[char])
                continue
        out.append(CYRILLIC_TO_LATIN.get(char, char))
    return "".join(out)


def to_latin(text):
    """Serbian Cyrillic → Latin for plain text; URLs and e-mail addresses are kept as they are."""
    if not text:
        return text
    return "".join(
        chunk if protected else _cyrillic_to_latin(chunk) for protected, chunk in _split_protected(text)
    )


def _map_text_nodes(html, convert):
    # A tokenizer rather than a parser, so that tags and attributes keep their exact bytes.
    out = []
    code_depth = 0
    position = 0
    for match in TAG.finditer(html):
        text = html[position : match.start()]
        out.append(convert(text) if text and not code_depth else text)
        tag = match.group(0)
        name = TAG_NAME.match(tag)
        if name and name.group(2).lower() in CODE_TAGS and not tag.endswith("/>"):
            code_depth = max(0, code_depth + (-1 if name.group(1) else 1))
        out.append(tag)
        position = match.end()
    text = html[position:]
    out.append(convert(text) if text and not code_depth else text)
    return "".join(out)


def to_latin_html(html):
    """Serbian Cyrillic → Latin for the text nodes of an HTML fragment (never attributes or code)."""
    if not html:
        return html
    return _map_text_nodes(html, to_latin)


@cache
def _keep_latin():
    return {word.lower() for word in getattr(settings, "TRANSLITERATION_KEEP_LATIN", ())}


def is_convertible_word(word):
    """Whether a Latin word looks like Serbian typed in Latin script (and not English, a name or a numeral)."""
    if not LATIN_WORD.fullmatch(word):
        return False
    if FOREIGN_MARKERS.search(word) or word.lower() in _keep_latin():
        return False
    return not (len(word) > 1 and ROMAN_NUMERAL.match(word))


def _is_split_digraph(lower, index, pair):
    for stem in SPLIT_DIGRAPH_STEMS[pair]:
        start = lower.find(stem)
        if start >= 0 and start + stem.index(pair) == index:
            return True
    return False


def _word_to_cyrillic(word):
    lower = word.lower()
    out = []
    index = 0
    while index < len(word):
        pair = lower[index : index + 2]
        if pair in SPLIT_DIGRAPH_STEMS and not _is_split_digraph(lower, index, pair):
            chunk, length = LATIN_TO_CYRILLIC[pair], 2
        else:
            chunk, length = LATIN_TO_CYRILLIC.get(lower[index], word[index]), 1
        original = word[index : index + length]
        if original[:1].isupper():
            chunk = chunk.upper()
        out.append(chunk)
        index += length
    return "".join(out)


def _convert_words(text):
    return LATIN_WORD.sub(
        lambda m: _word_to_cyrillic(m.group(0)) if is_convertible_word(m.group(0)) else m.group(0), text
    )


def to_cyrillic(text):
    """Serbian Latin → Cyrillic for plain text, leaving URLs, addresses and foreign words alone."""
    if not text:
        return text
    return "".join(
        chunk if protected else _convert_words(chunk) for protected, chunk in _split_protected(text)
    )


def to_cyrillic_html(html):
    """Serbian Latin → Cyrillic for the text nodes of an HTML fragment."""
    if not html:
        return html
    return _map_text_nodes(html, to_cyrillic)


def _is_latin_text(word):
    """Serbian typed in Latin script, or a word of another Latin-script language (Albanian "Komunës")."""
    if LATIN_WORD.fullmatch(word):
        return is_convertible_word(word)
    return word.lower() not in _keep_latin()


def find_latin_words(text):
    """The words of ``text`` that look like Serbian typed in Latin script."""
    words = []
    for protected, chunk in _split_protected(text or ""):
        if not protected:
            words.extend(m.group(0) for m in ANY_LATIN_WORD.finditer(chunk) if _is_latin_text(m.group(0)))
    return words


def find_latin_words_html(html):
    """``find_latin_words`` over the text nodes of an HTML fragment."""
    if not html:
        return []
    words = []
    _map_text_nodes(html, lambda text: words.extend(find_latin_words(text)) or text)
    return words
