"""The normalised text a page or a document adds to the search index, next to its original fields.

The backend indexes the fields as written (for the admin and for display) and,
through ``NormalisedTermsMixin``, two more fields made by
``search.text.index_terms``: ``search_title_terms`` (the title, boosted) and
``search_terms`` (everything the object is found by). A query normalised by
``search.text.prepare_query`` matches these. ``SearchTermsMixin`` says what
that is for a page: title, summary, description, body text, and the names of
the reference data the page links (issuing body, organiser, place,
department, topics); ``documents.models.Document`` says it for a document.
"""

from wagtail.search import index

from .text import index_terms

# Plain text fields searched when a page model has them.
TEXT_FIELDS = (
    "title",
    "seo_title",
    "search_description",
    "summary",
    "number",
    "issue_number",
    "intro",
    "goals",
)
# Reference data (one object or a many-to-many) whose names are searched.
NAME_FIELDS = ("issuing_body", "organiser", "place", "department", "topics")
# StreamFields whose text is searched.
STREAM_FIELDS = ("body",)

TITLE_BOOST = 5


def _field_text(page, name):
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.html import strip_tags

    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:
        return []
    value = getattr(page, name, None)
    if not value:
        return []
    if hasattr(field, "stream_block"):
        return [strip_tags(text) for text in field.get_searchable_content(value)]
    return [strip_tags(str(value))]


def _names(page, name):
    value = getattr(page, name, None)
    if value is None:
        return []
    if hasattr(value, "all"):
        return [str(item) for item in value.all()]
    return [str(value)]


def _joined_terms(text, languages):
    terms = {}
    for language in languages:
        terms.update(dict.fromkeys(index_terms(text, language)))
    return " ".join(terms)


class NormalisedTermsMixin:
    """The two normalised fields of ``SEARCH_TERMS_FIELDS``, from ``title`` and ``search_texts()``.

    A model gives ``search_texts()`` (its text as written) and either
    ``search_language()`` or, when it is written in several, ``search_languages()``.
    """

    def search_languages(self):
        return [self.search_language()]

    def _terms(self, name, text):
        # The backend reads a field once for every vector it builds: normalise each text once.
        key = (text, tuple(self.search_languages()))
        cache = self.__dict__.setdefault("_search_terms_cache", {})
        if cache.get(name, (None,))[0] != key:
            cache[name] = (key, _joined_terms(text, key[1]))
        return cache[name][1]

    def search_title_terms(self):
        return self._terms("title", self.title or "")

    def search_terms(self):
        return self._terms("text", " ".join(self.search_texts()))


class SearchTermsMixin(NormalisedTermsMixin):
    """A page model's normalised search text; its ``search_fields`` add ``SEARCH_TERMS_FIELDS``."""

    #: Index pages (a category's listing, the calendar, the home page) rank after the items.
    search_listing_page = False

    def search_language(self):
        return self.locale.language_code if self.locale_id else ""

    def search_display_texts(self):
        """The page's own text, as written (no reference data: it is read without a query)."""
        for name in (*TEXT_FIELDS, *STREAM_FIELDS):
            yield from _field_text(self, name)

    def search_texts(self):
        """The text of the page, as written, that search finds it by."""
        yield from self.search_display_texts()
        for name in NAME_FIELDS:
            yield from _names(self, name)


SEARCH_TERMS_FIELDS = [
    index.SearchField("search_title_terms", boost=TITLE_BOOST),
    index.SearchField("search_terms"),
]
