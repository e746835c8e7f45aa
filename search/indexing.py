"""The normalised text a page adds to the search index, next to its original fields.

The backend indexes the fields as written (for the admin and for display) and,
through ``SearchTermsMixin``, two more fields made by ``search.text.index_terms``:
``search_title_terms`` (the title, boosted) and ``search_terms`` (title,
summary, description, body text, and the names of the reference data the page
links: issuing body, organiser, place, department, topics). A query
normalised by ``search.text.prepare_query`` matches these.
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


class SearchTermsMixin:
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

    def search_title_terms(self):
        return " ".join(index_terms(self.title or "", self.search_language()))

    def search_terms(self):
        return " ".join(index_terms(" ".join(self.search_texts()), self.search_language()))


SEARCH_TERMS_FIELDS = [
    index.SearchField("search_title_terms", boost=TITLE_BOOST),
    index.SearchField("search_terms"),
]
