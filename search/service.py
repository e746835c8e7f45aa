"""The search service: what every surface (the site, the API, the admin) asks to find pages.

``search(query, locale, ...)`` finds the live public pages of ``locale``
(``cms.public``: live, not expired, in the site's trees, no view restriction)
that contain every word of the query in some form: as folded and stemmed by
``search.text`` against the normalised text pages index (``search.indexing``),
or as typed (for Serbian, in either script). Nothing a person types is an
error: words are taken from the query, everything else is dropped, and a
query longer than ``search.text.MAX_QUERY_LENGTH`` is cut (``truncated``).

Ranking, the same on SQLite and PostgreSQL (``score``): pages whose title
holds the most of the query's words first, then items before index pages (a
category's listing, the calendar, the home page), then the backend's
relevance, then the newest page. The backend's best ``MAX_CANDIDATES`` are ranked this way and
paged with ``first`` and an opaque ``after`` cursor.
"""

import base64
import binascii
import html
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page, get_page_models

from cms.public import public_pages
from translations.transliteration import to_cyrillic, to_latin

from .text import WORD, index_terms, language_family, prepare_query

MAX_CANDIDATES = 200
MAX_FIRST = 100
HIGHLIGHT_WORDS = 30
MARK = ("<mark>", "</mark>")


class SearchInputError(ValueError):
    """A search argument that cannot be used (unknown type, bad cursor, bad ``first``): the message says why."""


@dataclass
class SearchResult:
    page: Page
    title: str
    url: str
    locale: str
    typename: str
    score: float
    highlight: str
    cursor: str = ""


@dataclass
class SearchResults:
    query: str
    results: list = field(default_factory=list)
    #: The query was longer than MAX_QUERY_LENGTH and was cut.
    truncated: bool = False
    #: Results found (at most MAX_CANDIDATES).
    count: int = 0
    has_next_page: bool = False
    end_cursor: str = ""

    def __iter__(self):
        return iter(self.results)

    def __len__(self):
        return len(self.results)


def encode_cursor(offset):
    return base64.urlsafe_b64encode(f"search:{offset}".encode()).decode()


def decode_cursor(cursor):
    """The offset after ``cursor``; a cursor this service did not make is an input error."""
    if not cursor:
        return 0
    try:
        prefix, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        offset = int(number)
    except (binascii.Error, UnicodeError, ValueError) as error:
        raise SearchInputError("The cursor is not one given by a search result.") from error
    if prefix != "search" or offset < 0:
        raise SearchInputError("The cursor is not one given by a search result.")
    return offset + 1


def page_typename(model):
    return model.__name__


def _content_types(types):
    by_name = {page_typename(model): model for model in get_page_models()}
    unknown = [name for name in types if name not in by_name]
    if unknown:
        raise SearchInputError(f"Unknown page type: {', '.join(unknown)}.")
    return ContentType.objects.get_for_models(*(by_name[name] for name in types)).values()


def spellings(typed, language):
    """The word as typed, lower case, and for Serbian in the other script too."""
    words = [typed.lower()]
    if language_family(language) == "sr":
        for variant in (to_cyrillic(typed).lower(), to_latin(typed).lower()):
            if variant not in words:
                words.append(variant)
    return [word for word in words if WORD.fullmatch(word)]


def backend_query(groups, language):
    """One alternative of every word group must match: its normalised terms or its spellings."""
    # Or() of one-word queries, not PlainText(operator="or"): SQLite's backend writes the words of one
    # PlainText without parentheses, and FTS5 binds AND tighter than OR.
    subqueries = []
    for typed, terms in groups:
        alternatives = [PlainText(word) for word in dict.fromkeys([*terms, *spellings(typed, language)])]
        subqueries.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    return subqueries[0] if len(subqueries) == 1 else And(subqueries)


def _word_terms(word, language):
    return {word.lower(), *index_terms(word, language)}


def _matches(text, groups, language):
    """How many of the query's word groups ``text`` holds a term of."""
    terms = set(index_terms(text, language)) | {word.lower() for word in WORD.findall(text)}
    return sum(1 for typed, group in groups if terms & {*group, *spellings(typed, language)})


def highlight(text, groups, language, words=HIGHLIGHT_WORDS):
    """An HTML-escaped extract of ``text`` around its first matched word, matched words in <mark>."""
    wanted = set()
    for typed, group in groups:
        wanted.update(group)
        wanted.update(spellings(typed, language))
    tokens = list(WORD.finditer(text))
    marked = [i for i, token in enumerate(tokens) if _word_terms(token.group(), language) & wanted]
    marked_set = set(marked)
    if not tokens:
        return ""
    first = max(0, (marked[0] if marked else 0) - words // 3)
    last = min(len(tokens), first + words)
    start = tokens[first].start() if first else 0
    end = tokens[last - 1].end() if last < len(tokens) else len(text)
    parts, position = [], start
    for i in range(first, last):
        token = tokens[i]
        parts.append(html.escape(text[position : token.start()]))
        if i in marked_set:
            parts.append(MARK[0] + html.escape(token.group()) + MARK[1])
        else:
            parts.append(html.escape(token.group()))
        position = token.end()
    parts.append(html.escape(text[position:end]))
    extract = "".join(parts)
    return ("… " if start > 0 else "") + extract + (" …" if end < len(text) else "")


def _display_text(page):
    texts = getattr(page, "search_display_texts", None)
    if texts is None:
        return page.title
    return " ".join(text for text in texts() if text != page.title) or page.title


def score(page, groups, language, position):
    """Higher is better: 2 per query word in the title, 1 for an item (not an index page), under 1 for relevance.

    Ordering by it is ordering by title words, then items first, then the
    backend's relevance (``position`` in its order).
    """
    in_title = _matches(page.title, groups, language)
    item = 0 if getattr(page, "search_listing_page", False) else 1
    return 2 * in_title + item + 1 / (2 + position)


def _published(page):
    return page.first_published_at.timestamp() if page.first_published_at else 0


def search(query, locale, *, types=None, first=20, after=None, user=None, request=None):
    """The live public pages of ``locale`` matching ``query``, best first, ``first`` after the cursor ``after``.

    ``user`` is the person searching: the public definition does not depend on
    who asks, so everyone gets the public pages (the admin searches its own way).
    ``request`` selects the site (all sites' trees without one).
    """
    if not isinstance(first, int) or not 0 < first <= MAX_FIRST:
        raise SearchInputError(f"first must be a number from 1 to {MAX_FIRST}.")
    offset = decode_cursor(after)
    query = query if isinstance(query, str) else ""
    language = locale.language_code
    prepared = prepare_query(query, language)
    outcome = SearchResults(query=query, truncated=prepared.truncated)
    if not prepared.groups:
        return outcome

    candidates = Page.objects.filter(locale=locale)
    if types:
        candidates = candidates.filter(content_type__in=_content_types(types))
    public = public_pages(candidates, request)
    pages = Page.objects.filter(pk__in=public.values("pk")).specific()
    found = list(pages.search(backend_query(prepared.groups, language))[:MAX_CANDIDATES])

    # The backend's order is its relevance (its raw scores differ in sign and scale between databases).
    scores = {
        page.pk: score(page, prepared.groups, language, position) for position, page in enumerate(found)
    }
    found.sort(key=lambda page: (-scores[page.pk], -_published(page), -page.pk))
    outcome.count = len(found)
    window = found[offset : offset + first]
    outcome.has_next_page = offset + first < len(found)
    for position, page in enumerate(window, start=offset):
        outcome.results.append(
            SearchResult(
                page=page,
                title=page.title,
                url=page.get_url(request) or "",
                locale=locale.language_code,
                typename=page_typename(type(page)),
                score=scores[page.pk],
                highlight=highlight(_display_text(page), prepared.groups, language),
                cursor=encode_cursor(position),
            )
        )
    if outcome.results:
        outcome.end_cursor = outcome.results[-1].cursor
    return outcome
