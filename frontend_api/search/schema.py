"""Search: `search` (a connection of results with facets) and `searchSuggestions` (autocomplete).

Both ask ``search.service``, the one search of every surface, which reads only
public content (``cms.public``); its input errors become ``ApiError``s.
"""

import graphene
from django.utils import translation
from django.utils.translation import ngettext

from search import service
from search.promotions import promotions
from search.text import MAX_QUERY_LENGTH

from ..core.connections import connection_field, page_size
from ..core.errors import ApiError
from ..core.locale import language_code, locale_argument
from ..core.pages import prepare_pages
from ..core.site import site_context
from .types import (
    SearchResultConnection,
    SearchSuggestion,
    SearchTruncation,
    load_result_pages,
)


class SearchFilter(graphene.InputObjectType):
    """Which results to keep; every condition given must hold, within one any of its values."""

    types = graphene.List(
        graphene.NonNull(graphene.String),
        description="Page types, as their `__typename`: NewsPage, DecisionPage, MeetingPage...; Document for documents.",
    )
    bodies = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Ids of bodies (`bodies`): issuing decisions and regulations, organising events and sessions.",
    )
    departments = graphene.List(
        graphene.NonNull(graphene.ID), description="Ids of departments (`departments`) offering competitions."
    )
    topics = graphene.List(graphene.NonNull(graphene.ID), description="Ids of topics (`topics`).")
    year = graphene.Int(
        description=(
            "Year of the item's own date (news date, adoption, opening of a competition, start of an event), "
            "or of the first publication of pages without one."
        )
    )


def _locale(info, locale):
    language = language_code(locale)
    wagtail_locale = site_context(info).locales.get(language)
    if wagtail_locale is None:
        raise ApiError("No content in that language.")
    return language, wagtail_locale


def truncation(language):
    with translation.override(language):
        message = ngettext(
            "Only the first %(length)s character of the search was used.",
            "Only the first %(length)s characters of the search were used.",
            MAX_QUERY_LENGTH,
        ) % {"length": MAX_QUERY_LENGTH}
    return SearchTruncation(max_length=MAX_QUERY_LENGTH, message=message)


class SearchQueries(graphene.ObjectType):
    search = connection_field(
        SearchResultConnection,
        (
            "Live public pages of a language matching every word of `query` in some form (without "
            "diacritics, for Serbian in either script), best first. Any text is a query: quotes and "
            f"operators are ignored, a query over {MAX_QUERY_LENGTH} characters is cut (`truncated`). "
            f"At most {service.MAX_CANDIDATES} results."
        ),
        query=graphene.String(required=True, description="What the reader typed."),
        locale=locale_argument(),
        where=graphene.Argument(SearchFilter, description="Conditions the results must meet."),
    )
    search_suggestions = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SearchSuggestion))),
        prefix=graphene.String(required=True, description="What the reader has typed so far."),
        locale=locale_argument(),
        first=graphene.Int(
            default_value=10, description=f"Number of suggestions, 1 to {service.MAX_SUGGESTIONS}."
        ),
        description=(
            "Titles of live public pages of a language with words starting like `prefix` (without "
            "diacritics, for Serbian in either script), titles starting with it first."
        ),
    )

    @staticmethod
    def resolve_search(root, info, query, locale=None, where=None, first=None, after=None):
        language, wagtail_locale = _locale(info, locale)
        where = where or {}
        try:
            results = service.search(
                query,
                wagtail_locale,
                types=where.get("types"),
                bodies=where.get("bodies"),
                departments=where.get("departments"),
                topics=where.get("topics"),
                year=where.get("year"),
                first=page_size(first),
                after=after,
                request=info.context,
            )
        except service.SearchInputError as error:
            raise ApiError(str(error)) from None
        promoted = [] if after else promotions(query, wagtail_locale, request=info.context)
        pages = [result.page for result in results if result.page is not None]
        pages += [promotion.page for promotion in promoted if promotion.page is not None]
        pages += [page for result in results for page in result.pages]
        prepare_pages(info, pages, language)
        load_result_pages(info, results.pages)
        edges = [SearchResultConnection.Edge(node=result, cursor=result.cursor) for result in results]
        return SearchResultConnection(
            edges=edges,
            page_info=graphene.relay.PageInfo(
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
                has_previous_page=bool(after),
                has_next_page=results.has_next_page,
            ),
            total_count=results.count,
            facets=results.facets,
            corrected_query=results.corrected_query or None,
            corrected_count=results.corrected_count,
            truncated=truncation(language) if results.truncated else None,
            promotions=promoted,
        )

    @staticmethod
    def resolve_search_suggestions(root, info, prefix, locale=None, first=10):
        _language, wagtail_locale = _locale(info, locale)
        try:
            return service.suggestions(
                prefix, wagtail_locale, limit=10 if first is None else first, request=info.context
            )
        except service.SearchInputError as error:
            raise ApiError(str(error)) from None
