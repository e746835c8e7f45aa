"""The types of search: a connection of results with facets, a corrected query and suggestions."""

import graphene
from django.db.models import prefetch_related_objects

from events.models import EventPage, MeetingPage
from home.models import BasePage

from ..core.connections import CountableConnection
from ..core.loads import selected_loads
from ..core.locale import Locale
from ..core.lookahead import children, connection_nodes
from ..core.pages import Page
from ..core.site import site_context
from ..documents.types import Document
from ..events.schema import EVENT_LOADS
from ..home.schema import BASE_LOADS, LISTINGS


class SearchResult(graphene.ObjectType):
    """A page (or a document) found by a search."""

    title = graphene.String(required=True, description="Title of what was found, in its language.")
    url = graphene.String(required=True, description="Public URL path (a page) or download URL (a document).")
    locale = graphene.Field(graphene.NonNull(Locale), description="Language of what was found.")
    typename = graphene.String(
        required=True,
        description="Type of what was found: the page's `__typename` (NewsPage, DecisionPage...).",
    )
    highlight = graphene.String(
        required=True,
        description="An extract of the text around the words found, as HTML: the text escaped, the words in `<mark>`.",
    )
    score = graphene.Float(
        required=True, description="Rank of the result (higher is better); only for ordering."
    )
    page = graphene.Field(Page, description="The page found; null when a document was found.")
    document = graphene.Field(Document, description="The document found; null when a page was found.")
    published_on = graphene.List(
        graphene.NonNull(Page),
        required=True,
        description="For a document: the live public pages of the language searched that publish it (at most 5).",
    )

    @staticmethod
    def resolve_published_on(result, info):
        return result.pages

    @staticmethod
    def resolve_url(result, info):
        if result.page is not None:
            return site_context(info).url_of(result.page) or result.url
        return result.url


class SearchTypeFacet(graphene.ObjectType):
    """How many results have one type."""

    value = graphene.String(required=True, description="The type name, for `where.types`.")
    label = graphene.String(required=True, description="The type's name in the language searched (plural).")
    count = graphene.Int(required=True, description="Number of results of this type.")


class SearchYearFacet(graphene.ObjectType):
    """How many results are of one year (the item's own date, else its first publication)."""

    value = graphene.Int(required=True, description="The year, for `where.year`.")
    label = graphene.String(required=True, description="The year as text.")
    count = graphene.Int(required=True, description="Number of results of this year.")


class SearchReferenceFacet(graphene.ObjectType):
    """How many results belong to one body or department."""

    value = graphene.ID(required=True, description="Its id, for `where.bodies` or `where.departments`.")
    label = graphene.String(required=True, description="Its name in the language searched.")
    count = graphene.Int(required=True, description="Number of results that belong to it.")


class SearchFacets(graphene.ObjectType):
    """Counts of all results (not only this page of them) by type, year, body and department, most first."""

    types = graphene.List(graphene.NonNull(SearchTypeFacet), required=True, description="By type.")
    years = graphene.List(
        graphene.NonNull(SearchYearFacet), required=True, description="By year, newest first."
    )
    bodies = graphene.List(
        graphene.NonNull(SearchReferenceFacet),
        required=True,
        description="By body: the issuing body of decisions and regulations, the organiser of events and sessions.",
    )
    departments = graphene.List(
        graphene.NonNull(SearchReferenceFacet),
        required=True,
        description="By department: the department offering a competition.",
    )


class SearchTruncation(graphene.ObjectType):
    """The query was longer than a search reads: only its beginning was used."""

    max_length = graphene.Int(required=True, description="Number of characters of the query that were used.")
    message = graphene.String(required=True, description="What to tell the reader, in the language searched.")


class SearchPromotion(graphene.ObjectType):
    """A result the editors put first for this query (in the admin's promoted search results)."""

    title = graphene.String(required=True, description="Title of the page, or the text of the external link.")
    url = graphene.String(required=True, description="Public URL path of the page, or the external link.")
    description = graphene.String(
        required=True, description="What the editors say about it, in the language searched; may be empty."
    )
    page = graphene.Field(Page, description="The page promoted, in the language searched; null for a link.")

    @staticmethod
    def resolve_url(promotion, info):
        if promotion.page is not None:
            return site_context(info).url_of(promotion.page) or promotion.url
        return promotion.url


class SearchResultConnection(CountableConnection):
    class Meta:
        node = SearchResult
        description = "A page of search results, with facets over all of them."

    facets = graphene.Field(graphene.NonNull(SearchFacets), description="Counts of all results.")
    corrected_query = graphene.String(
        description=(
            "When nothing was found: the query with its words spelled as the site spells them, if that "
            'finds something ("Did you mean …"); null otherwise.'
        )
    )
    corrected_count = graphene.Int(
        required=True, description="Number of results of `correctedQuery` (0 without one)."
    )
    truncated = graphene.Field(SearchTruncation, description="Set when the query was cut; null otherwise.")
    promotions = graphene.List(
        graphene.NonNull(SearchPromotion),
        required=True,
        description=(
            "What the editors promote for this query, to show before the results (which may contain them "
            "too); on the first page only (without `after`)."
        ),
    )


class SearchSuggestion(graphene.ObjectType):
    """A title completing what is being typed."""

    title = graphene.String(required=True, description="Title of the page, in its language.")
    url = graphene.String(required=True, description="Public URL path of the page.")
    locale = graphene.Field(graphene.NonNull(Locale), description="Language of the page.")
    typename = graphene.String(required=True, description="The page's `__typename`.")

    @staticmethod
    def resolve_url(suggestion, info):
        return site_context(info).url_of(suggestion.page) or suggestion.url


# What the `page` of a result reads, per page model (the listings' declarations).
PAGE_LOADS = {model: {**BASE_LOADS, **loads} for model, _connection, _filter, loads in LISTINGS.values()}
PAGE_LOADS.update({EventPage: EVENT_LOADS, MeetingPage: EVENT_LOADS})


def page_loads(model):
    if model in PAGE_LOADS:
        return PAGE_LOADS[model]
    return BASE_LOADS if issubclass(model, BasePage) else {}


def load_result_pages(info, pages):
    """Load what the query's `page` selection reads for every candidate: queries per type, not per result.

    Every candidate, not only the page of results shown, so that the number of
    queries does not depend on `first` (the candidates are already read whole).
    """
    selected = children(info, connection_nodes(info).get("page", []))
    if not selected:
        return
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        joins, prefetches = selected_loads(info, page_loads(model), selected)
        if joins or prefetches:
            prefetch_related_objects(group, *joins, *prefetches)
