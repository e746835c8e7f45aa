"""Text normalisation and stemming for search, the same at index and at query time.

Citizens type the way their keyboard lets them: Albanian without ë and ç,
Serbian in either script and often without diacritics, every word in whatever
case and form the sentence needed. Search therefore never compares the words
as written; both the indexed text and the query go through the same two steps:

``fold(text, language)``
    One spelling per word: case-folded; Serbian Cyrillic transliterated to
    Latin with the project's transliterator (``translations.transliteration``);
    then every diacritic removed (Albanian ë→e, ç→c; Serbian š→s, č/ć→c, ž→z,
    dž→dz, đ→dj; other Latin letters through Unicode NFKD); punctuation,
    symbols and control characters become spaces, whitespace is collapsed.
    Digits are kept: decisions are found by their number.

``stem(word, language)``
    One form per word, applied to folded words:

    - Serbian (``sr``, ``sr-latn``): Snowball's ``serbian`` algorithm. It reads
      Cyrillic, Latin with diacritics and Latin without them (it reads "dj"
      as đ). It is fed the folded word and its result is folded again, so a
      word typed with diacritics and the same word typed without them always
      get the same stem; the few suffix rules written with č/ć/š/ž simply do
      not fire, which only makes the stemmer more conservative.
    - English (``en``): Snowball's ``english`` (Porter 2) algorithm.
    - Albanian (``sq``): ``stem_albanian`` below, a light suffix stemmer for
      the definite article and case endings (see ``ALBANIAN_SUFFIXES``). It is
      written for folded words (-ës is -es, -në is -ne), so "Komunës" and
      "komunes" share their stem by construction.
    - Any other language: no stemming, folding only.

A diacritic-free typist writes đ as "dj" or as "d". ``fold`` produces the
"dj" form; ``variants`` adds the "d" form, and ``index_terms`` indexes both,
so either spelling in a query finds the word.

``index_terms`` gives the words a document contributes to the extra indexed
text (the original text stays as it is, for display and highlighting);
``query_terms`` gives the terms of a query, capped at ``MAX_QUERY_LENGTH``
characters. Neither raises on any string.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from translations.transliteration import to_latin

MAX_QUERY_LENGTH = 200

# Latin letters that Unicode does not decompose into a base letter and a mark.
UNDECOMPOSED_LETTERS = str.maketrans(
    {"đ": "dj", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"}
)
# A word: letters and digits of any script; everything else separates words.
WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# No word of these languages is longer; longer tokens (codes, hashes, runs of
# letters in extracted text) are indexed as they are, without a stem.
MAX_WORD_LENGTH = 64
# Operators of web search syntax, dropped from queries when typed in capitals.
QUERY_OPERATORS = frozenset({"AND", "OR", "NOT"})

SNOWBALL_ALGORITHMS = {"sr": "serbian", "en": "english"}

# Albanian definite article and case endings, as they look after folding
# (ë→e): the indefinite -ë of feminine nouns (komunë), the definite -i/-u/-a
# (kuvendi, parku, komuna), accusative -in/-un/-en (buxhetin, komunën),
# genitive/dative -it/-ut/-es/-se (buxhetit, komunës, shoqërisë), and the
# plural -e/-et/-at/-t with their genitive -eve/-ave/-ive/-uve (vendimet,
# komunat, vendimeve, shtëpive).
#
# The stemmer removes the longest matching ending, then looks again, until
# none matches or the stem would be shorter than ALBANIAN_MIN_STEM letters;
# the same stem therefore comes out of a word with one ending (buxheti) or
# two (vendime-t; shtëpinë is shtepi-n-e). Words of four letters or fewer are
# never changed, which leaves short stems unmatched (punë, puna) rather than
# risk merging short words.
#
# Not listed, because longest-first they would cut into the stem and give a
# different stem than the word's other forms: -në and -të (komunë would lose
# its n; -e then -in/-it give the same result: shtëpinë → shtep), -ja/-je
# (the j is handled by ALBANIAN_GLIDE), -rë/-ra (punëtorë would lose its r),
# -ve alone (Kosovë would lose its v; -eve/-ave/-ive/-uve name the vowel
# before it), -s and -n alone (-ës, -se, -in, -un, -en cover them).
ALBANIAN_SUFFIXES = (
    "ave",
    "eve",
    "ive",
    "uve",
    "it",
    "ut",
    "in",
    "un",
    "en",
    "es",
    "et",
    "at",
    "se",
    "i",
    "u",
    "a",
    "e",
    "t",
)
ALBANIAN_MIN_STEM = 4
# The j that feminine nouns in -e take before their endings (çerdhe, çerdhja,
# çerdhes; mbledhje, mbledhja) is dropped from the end of a stem, except in
# the letters gj and nj (ligj, punonj) and after a vowel (kryej).
ALBANIAN_GLIDE = re.compile(r"[^aeiouygn]j$")


def language_family(language):
    """``sr-latn``/``sr_Latn``/``SR`` → ``sr``; an empty or missing language → ``""``."""
    return re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]


def _as_text(text):
    if text is None:
        return ""
    if not isinstance(text, str):
        raise TypeError(f"search text must be a string, not {type(text).__name__}")
    return text


def fold(text, language=None):
    """One spelling for ``text``: lower case, Latin script, no diacritics, words separated by one space.

    ``language`` is accepted so that every function here has the same
    signature; the rules are the same for every language, because a page in
    one language quotes names and titles in the others.
    """
    text = _as_text(text)
    if CYRILLIC.search(text):
        text = to_latin(text)
    # Compatibility forms first (𝑨 → A, ﬁ → fi), so that case folding sees plain letters.
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(WORD.findall(text))


def variants(word):
    """Other spellings of a folded word that a query may use: "dj" (đ) written as "d"."""
    return [word.replace("dj", "d")] if "dj" in word else []


_stemmers = threading.local()


def _snowball(algorithm):
    # A Snowball stemmer keeps the word it works on in the instance: one per thread.
    stemmers = _stemmers.__dict__
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


def stem_albanian(word):
    """Strip Albanian article and case endings from a folded word (rules at ``ALBANIAN_SUFFIXES``)."""
    while True:
        for suffix in ALBANIAN_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= ALBANIAN_MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    if ALBANIAN_GLIDE.search(word) and len(word) > ALBANIAN_MIN_STEM:
        word = word[:-1]
    return word


def stem(word, language):
    """The stem of one word in ``language``, folded; a word with digits or a very long one is kept as it is."""
    return _stem_folded(fold(word, language), language_family(language))


@lru_cache(maxsize=65536)
def _stem_folded(word, family):
    # Documents repeat their words: the cache saves most of the stemming at index time.
    if not word or " " in word or len(word) > MAX_WORD_LENGTH or any(char.isdigit() for char in word):
        return word
    if family == "sq":
        return stem_albanian(word)
    if family in SNOWBALL_ALGORITHMS:
        # Snowball's Serbian reads "dj" as đ and answers with đ: fold again.
        return fold(_snowball(SNOWBALL_ALGORITHMS[family]).stemWord(word))
    return word


def _terms(words, language):
    family = language_family(language)
    terms = {}
    for word in words:
        stemmed = _stem_folded(word, family)
        for term in (word, *variants(word), stemmed, *variants(stemmed)):
            terms.setdefault(term, None)
    return list(terms)


def index_terms(text, language):
    """What a document's text adds to the index: each folded word, its "d" variant and stem, once, in order."""
    return _terms(fold(text, language).split(), language)


@dataclass(frozen=True)
class PreparedQuery:
    terms: list
    truncated: bool
    #: Per word of the query, in order: the word as typed (its letters and digits) and its terms.
    #: A document matches the query when it has one term of every group.
    groups: tuple = ()


def prepare_query(text, language):
    """The terms of a query, and whether it was cut to ``MAX_QUERY_LENGTH`` characters.

    A cut inside a word drops that word's incomplete end rather than
    searching for a fragment. Capitalised AND/OR/NOT are operators in the
    syntax people know from web search, not words: they are dropped, like
    quotes, minus signs and asterisks (which folding removes).
    """
    text = _as_text(text)
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        cut_inside_word = WORD.match(text[MAX_QUERY_LENGTH - 1]) and WORD.match(text[MAX_QUERY_LENGTH])
        text = text[:MAX_QUERY_LENGTH]
        if cut_inside_word:
            text = re.sub(r"[^\W_]+$", "", text)
    words = [word for word in text.split() if word not in QUERY_OPERATORS]
    groups = {}
    for typed in WORD.findall(" ".join(words)):
        terms = _terms(fold(typed, language).split(), language)
        if terms:
            groups.setdefault(typed, terms)
    return PreparedQuery(
        terms=_terms(fold(" ".join(words), language).split(), language),
        truncated=truncated,
        groups=tuple((typed, tuple(terms)) for typed, terms in groups.items()),
    )


def query_terms(text, language):
    """The terms to search for ``text`` typed in ``language``; no terms for a query without words."""
    return prepare_query(text, language).terms
