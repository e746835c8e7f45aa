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

Filters narrow the candidates before the backend searches them: ``types``
(page type names), ``bodies`` (ids of ``home.Body``: the issuing body of
decisions and regulations, the organiser of events and sessions),
``departments`` (ids of ``home.Department``: the department of a
competition), ``topics`` (ids of ``home.Topic``) and ``year``. Ids, because
the API identifies reference data by id everywhere else; bodies and
departments are separate tables whose ids overlap, hence two filters. The year
of a page is the year of its own date where it has one (``date_field`` of a
category item: the date of news, the adoption of a decision, the opening of a
competition...; the start of an event, in the office's time zone), else of its
first publication.

``facets`` count the candidates (all of them, not only the page shown) by
type, year, body and department, with labels in the language searched. When a
query finds nothing, ``corrected_query`` is the query with its unknown words
replaced by the closest words of the titles of the locale's public pages
(``difflib``, the same on every database) if that query finds something, and
``corrected_count`` how many. ``suggestions`` completes a prefix into titles.

SQL queries: the same number for any ``first``: the candidates are read in
one query per page type among them, reference names for the facets in one
query per kind; a search without results adds the vocabulary and the search
for the correction.
"""

import base64
import binascii
import datetime
import difflib
import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import capfirst
from modelsearch.query import And, Or, PlainText
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from cms.public import public_pages
from home.models import Body, Department
from translations.transliteration import to_cyrillic, to_latin

from .text import MAX_QUERY_LENGTH, WORD, fold, index_terms, language_family, prepare_query, variants

MAX_CANDIDATES = 200
MAX_FIRST = 100
#: The type name of documents among the results (``types`` filter, facets, ``typename``).
DOCUMENT_TYPE = "Document"
#: Documents found per search, ranked among the pages (each lists the pages that publish it).
MAX_DOCUMENT_HITS = 10
HIGHLIGHT_WORDS = 30
MARK = ("<mark>", "</mark>")
#: Reference data a page links, by filter: the page fields that hold it.
REFERENCE_FIELDS = {
    "bodies": ("issuing_body", "organiser"),
    "departments": ("department",),
    "topics": ("topics",),
}
#: Reference data counted in the facets: the model whose names label it.
FACET_MODELS = {"bodies": Body, "departments": Department}
#: A word of a query is corrected only to a word at least this similar (difflib's ratio).
CORRECTION_CUTOFF = 0.75
#: Shorter words are never corrected: too many words are one letter away.
CORRECTION_MIN_LENGTH = 4
MAX_SUGGESTIONS = 20
MAX_PREFIX_WORDS = 10
ID = re.compile(r"[0-9]{1,18}")
#: Suggestions are taken from the newest titles of the locale.
MAX_SUGGESTION_CANDIDATES = 5000
#: A query that finds nothing is corrected against the words of the newest titles of its locale.
MAX_VOCABULARY_TITLES = 2000


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
    #: A document found (the hit is the document, not a page).
    document: object = None
    #: For a document: the live public pages of the locale that publish it.
    pages: list = field(default_factory=list)


@dataclass
class FacetValue:
    #: What to filter by: a type name, a year, the id of a body or department.
    value: object
    #: ``value`` for people, in the language searched.
    label: str
    count: int


@dataclass
class SearchFacets:
    """How many candidates have each type, year, body and department, most first (years: newest first)."""

    types: list = field(default_factory=list)
    years: list = field(default_factory=list)
    bodies: list = field(default_factory=list)
    departments: list = field(default_factory=list)


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
    facets: SearchFacets = field(default_factory=SearchFacets)
    #: When nothing is found: the query with its words spelled like the site's, if that finds something.
    corrected_query: str = ""
    corrected_count: int = 0
    #: Every candidate, ranked (the results are a window of them): surfaces batch-load what results need.
    pages: list = field(default_factory=list)

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
    unknown = [name for name in types if name not in by_name and name != DOCUMENT_TYPE]
    if unknown:
        raise SearchInputError(f"Unknown page type: {', '.join(unknown)}.")
    pages = [by_name[name] for name in types if name != DOCUMENT_TYPE]
    return ContentType.objects.get_for_models(*pages).values() if pages else []


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
    # A summary repeated in the body is shown once.
    return " ".join(dict.fromkeys(text for text in texts() if text and text != page.title)) or page.title


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


def _ids(name, values):
    """Ids of reference data, as integers; anything else is an input error."""
    if values is None:
        return None
    ids = []
    for value in values:
        # ASCII digits only, and no more than a 64-bit column holds (SQLite refuses larger numbers).
        if isinstance(value, bool) or not ID.fullmatch(str(value).strip()):
            raise SearchInputError(f"{name} takes ids, got {value!r}.")
        ids.append(int(str(value).strip()))
    return ids


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def date_field(model):
    """The name of a page model's own date (see the module doc); None: the year is its first publication's."""
    name = getattr(model, "date_field", None)
    if name is None and _has_field(model, "start"):
        name = "start"
    return name if name and _has_field(model, name) else None


def page_year(page):
    """The year of a page (see the module doc) or of a document (issued, else uploaded)."""
    if isinstance(page, get_document_model()):
        value = page.date_issued or page.created_at
    else:
        name = date_field(type(page))
        value = getattr(page, name) if name else page.first_published_at
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).year if timezone.is_aware(value) else value.year
    return value.year if value else None


def _reference_q(names, ids):
    """Pages whose fields ``names`` (foreign keys or many-to-many) hold one of ``ids``."""
    condition = Q(pk__in=[])
    for model in get_page_models():
        for name in names:
            if _has_field(model, name):
                condition |= Q(pk__in=model.objects.filter(**{f"{name}__in": ids}).values("pk"))
    return condition


def _year_q(year):
    undated, condition = [], Q(pk__in=[])
    for model in get_page_models():
        name = date_field(model)
        if name:
            condition |= Q(pk__in=model.objects.filter(**{f"{name}__year": year}).values("pk"))
        else:
            undated.append(model)
    if undated:
        content_types = ContentType.objects.get_for_models(*undated).values()
        condition |= Q(content_type__in=content_types, first_published_at__year=year)
    return condition


@dataclass(frozen=True)
class _Filters:
    types: tuple = ()
    bodies: tuple = None
    departments: tuple = None
    topics: tuple = None
    year: int = None

    def apply(self, candidates):
        if self.types:
            candidates = candidates.filter(content_type__in=_content_types(self.types))
        for name in REFERENCE_FIELDS:
            ids = getattr(self, name)
            if ids is not None:
                candidates = candidates.filter(_reference_q(REFERENCE_FIELDS[name], ids))
        if self.year is not None:
            candidates = candidates.filter(_year_q(self.year))
        return candidates

    @property
    def documents_wanted(self):
        """Documents are results unless the types exclude them or a filter only pages have is set."""
        if self.types and DOCUMENT_TYPE not in self.types:
            return False
        return self.departments is None and self.topics is None

    def keeps_document(self, document):
        if self.bodies is not None and document.issuing_body_id not in self.bodies:
            return False
        return self.year is None or page_year(document) == self.year


def _filters(types, bodies, departments, topics, year):
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999):
        raise SearchInputError("year must be a year, such as 2026.")
    if types:
        _content_types(types)  # unknown names are an error before anything is searched
    return _Filters(
        types=tuple(types or ()),
        bodies=_ids("bodies", bodies),
        departments=_ids("departments", departments),
        topics=_ids("topics", topics),
        year=year,
    )


def _ranked(prepared, locale, filters, request):
    """The public candidates matching ``prepared``, best first, and their scores."""
    language = locale.language_code
    candidates = filters.apply(Page.objects.filter(locale=locale))
    public = public_pages(candidates, request)
    pages = Page.objects.filter(pk__in=public.values("pk")).specific()
    found = list(pages.search(backend_query(prepared.groups, language))[:MAX_CANDIDATES])

    # The backend's order is its relevance (its raw scores differ in sign and scale between databases).
    scores = {
        page.pk: score(page, prepared.groups, language, position) for position, page in enumerate(found)
    }
    found.sort(key=lambda page: (-scores[page.pk], -_published(page), -page.pk))
    return found, scores


def _facet(counter, labels):
    values = [FacetValue(value=value, label=labels[value], count=count) for value, count in counter.items()]
    return sorted(values, key=lambda facet: (-facet.count, facet.label.casefold(), str(facet.value)))


def facets(pages, language):
    """The facets of ``pages``, labelled in ``language`` (one query per kind of reference data present)."""
    types, years = Counter(), Counter()
    references = {name: Counter() for name in FACET_MODELS}
    models = {}
    for page in pages:
        typename = page_typename(type(page))
        types[typename] += 1
        models[typename] = type(page)
        year = page_year(page)
        if year is not None:
            years[year] += 1
        for name in FACET_MODELS:
            found = {getattr(page, f"{field}_id", None) for field in REFERENCE_FIELDS[name]}
            for pk in found - {None}:
                references[name][pk] += 1
    with translation.override(language):
        outcome = SearchFacets(
            types=_facet(
                types, {name: str(capfirst(m._meta.verbose_name_plural)) for name, m in models.items()}
            ),
            years=sorted(
                (FacetValue(value=year, label=str(year), count=count) for year, count in years.items()),
                key=lambda facet: -facet.value,
            ),
        )
        for name, model in FACET_MODELS.items():
            if references[name]:
                labels = {obj.pk: obj.name for obj in model.objects.filter(pk__in=references[name])}
                counter = Counter({pk: count for pk, count in references[name].items() if pk in labels})
                setattr(outcome, name, _facet(counter, labels))
    return outcome


def _vocabulary(locale, request):
    """{folded word: the word as the titles of the locale's public pages write it}, and their terms.

    From the newest ``MAX_VOCABULARY_TITLES`` titles: reading every title made a search that finds
    nothing grow with the site (600 ms at 50,000 pages).
    """
    language = locale.language_code
    words, terms = {}, set()
    titles = (
        public_pages(Page.objects.filter(locale=locale), request)
        .order_by("-first_published_at", "-pk")
        .values_list("title", flat=True)[:MAX_VOCABULARY_TITLES]
    )
    for title in titles:
        for word in WORD.findall(title):
            folded = fold(word, language)
            if len(folded) >= CORRECTION_MIN_LENGTH and not any(char.isdigit() for char in folded):
                words.setdefault(folded, word.lower())
        terms.update(index_terms(title, language))
    return words, terms


def corrected(prepared, locale, request):
    """The query with each word the titles do not know replaced by the closest one they do; None: no change."""
    words, terms = _vocabulary(locale, request)
    spelled, changed = [], False
    for typed, group in prepared.groups:
        folded = fold(typed, locale.language_code)
        if terms & set(group) or len(folded) < CORRECTION_MIN_LENGTH:
            spelled.append(typed)
            continue
        match = difflib.get_close_matches(folded, list(words), n=1, cutoff=CORRECTION_CUTOFF)
        if match:
            spelled.append(words[match[0]])
            changed = True
        else:
            spelled.append(typed)
    return " ".join(spelled) if changed else None


def search(
    query,
    locale,
    *,
    types=None,
    bodies=None,
    departments=None,
    topics=None,
    year=None,
    first=20,
    after=None,
    user=None,
    request=None,
):
    """The live public pages of ``locale`` matching ``query``, best first, ``first`` after the cursor ``after``.

    ``user`` is the person searching: the public definition does not depend on
    who asks, so everyone gets the public pages (the admin searches its own way).
    ``request`` selects the site (all sites' trees without one). Every filter
    given must hold; within one, any of its values (see the module doc).
    """
    if not isinstance(first, int) or not 0 < first <= MAX_FIRST:
        raise SearchInputError(f"first must be a number from 1 to {MAX_FIRST}.")
    offset = decode_cursor(after)
    filters = _filters(types, bodies, departments, topics, year)
    query = query if isinstance(query, str) else ""
    language = locale.language_code
    prepared = prepare_query(query, language)
    outcome = SearchResults(query=query, truncated=prepared.truncated)
    if not prepared.groups:
        return outcome

    found, scores = _ranked(prepared, locale, filters, request)
    outcome.pages = found
    hits = _document_hits(prepared, locale, filters, request)
    # Documents rank among the pages by the same score; equal scores: the newest first.
    ranked = [(scores[page.pk], _published(page), page.pk, page, None) for page in found]
    # A document is not an item of its own: with as many title words, the page that publishes it first.
    ranked += [(hit.score - 1, hit.document.created_at.timestamp(), 0, hit.document, hit) for hit in hits]
    ranked.sort(key=lambda entry: (-entry[0], -entry[1], -entry[2]))
    outcome.count = len(ranked)
    outcome.facets = facets([entry[3] for entry in ranked], language)
    if not ranked:
        correction = corrected(prepared, locale, request)
        if correction is not None:
            outcome.corrected_count = len(
                _ranked(prepare_query(correction, language), locale, filters, request)[0]
            )
            outcome.corrected_query = correction if outcome.corrected_count else ""
    window = ranked[offset : offset + first]
    outcome.has_next_page = offset + first < len(ranked)
    for position, (ranked_score, _date, _pk, page, hit) in enumerate(window, start=offset):
        if hit is not None:
            outcome.results.append(
                SearchResult(
                    page=None,
                    document=hit.document,
                    pages=hit.pages,
                    title=hit.title,
                    url=hit.url,
                    locale=locale.language_code,
                    typename=DOCUMENT_TYPE,
                    score=ranked_score,
                    highlight=hit.highlight,
                    cursor=encode_cursor(position),
                )
            )
            continue
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


def _document_hits(prepared, locale, filters, request):
    """The public documents found (``search.documents``), when the filters let documents be results."""
    if not filters.documents_wanted:
        return []
    from .documents import document_hits

    hits = document_hits(prepared, locale, request=request, limit=MAX_DOCUMENT_HITS)
    return [hit for hit in hits if filters.keeps_document(hit.document)]


@dataclass
class Suggestion:
    title: str
    url: str
    locale: str
    typename: str
    page: Page


def _prefix_words(prefix, language):
    """The prefix's folded words, each once, at most ``MAX_PREFIX_WORDS``: every title is matched against them."""
    prefix = prefix if isinstance(prefix, str) else ""
    return list(dict.fromkeys(fold(prefix[:MAX_QUERY_LENGTH], language).split()))[:MAX_PREFIX_WORDS]


def _title_match(title_words, prefix_words):
    """The position of the title word the first prefix word starts; None when a prefix word starts none."""
    first = None
    for index, wanted in enumerate(prefix_words):
        positions = [
            position
            for position, word in enumerate(title_words)
            if any(form.startswith(wanted) for form in (word, *variants(word)))
        ]
        if not positions:
            return None
        if index == 0:
            first = positions[0]
    return first


def suggestions(prefix, locale, limit=10, request=None):
    """Titles of the live public pages of ``locale`` with words starting like ``prefix``, best first.

    The prefix and the titles are folded (``search.text.fold``): no diacritics
    needed, either script for Serbian. Titles whose first word matches come
    first, then items before index pages, then the newest; at most ``limit``
    (1 to ``MAX_SUGGESTIONS``), from the locale's ``MAX_SUGGESTION_CANDIDATES``
    newest pages, read in one query whatever the limit.
    """
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= MAX_SUGGESTIONS:
        raise SearchInputError(f"The number of suggestions must be from 1 to {MAX_SUGGESTIONS}.")
    language = locale.language_code
    words = _prefix_words(prefix, language)
    if not words:
        return []
    pages = (
        public_pages(Page.objects.filter(locale=locale), request)
        .only(
            "pk", "title", "url_path", "path", "depth", "locale_id", "content_type_id", "first_published_at"
        )
        .order_by("-first_published_at", "-pk")[:MAX_SUGGESTION_CANDIDATES]
    )
    matched = []
    for page in pages:
        position = _title_match(fold(page.title, language).split(), words)
        if position is not None:
            model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
            listing = getattr(model, "search_listing_page", False)
            matched.append(
                ((position > 0, listing, -_published(page), len(page.title), -page.pk), page, model)
            )
    matched.sort(key=lambda entry: entry[0])
    return [
        Suggestion(
            title=page.title,
            url=page.get_url(request) or "",
            locale=language,
            typename=page_typename(model),
            page=page,
        )
        for _key, page, model in matched[:limit]
    ]
