from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils.html import escape, strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .promotions import promotions
from .service import SearchInputError, date_field, encode_cursor
from .service import search as search_service
from .text import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 10
MAX_PAGE = 20  # the service ranks its best 200 results

#: The filters a reader picks from the facets: URL parameter → the service's argument.
FILTER_PARAMETERS = {"type": "types", "body": "bodies", "department": "departments", "topic": "topics"}


def page_number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def chosen_filters(params):
    """The filters in the URL, as the service takes them; a value the service cannot use is left out."""
    filters = {}
    for parameter, argument in FILTER_PARAMETERS.items():
        value = params.get(parameter, "").strip()
        if value:
            filters[argument] = [value]
    year = params.get("year", "").strip()
    if year.isascii() and year.isdigit() and 1 <= int(year) <= 9999:
        filters["year"] = int(year)
    return filters


def _search(query, filters, after, request):
    """The service's results; a filter value that names nothing (an edited URL) is dropped, not an error."""
    locale = Locale.get_active()
    while True:
        try:
            return filters, search_service(
                query, locale, first=RESULTS_PER_PAGE, after=after, request=request, **filters
            )
        except SearchInputError:
            if not filters:
                raise
            filters = {}


def chosen_parameters(filters):
    """The URL parameters of ``filters`` (as the service took them), for links that keep them."""
    chosen = {
        parameter: filters[argument][0]
        for parameter, argument in FILTER_PARAMETERS.items()
        if argument in filters
    }
    if "year" in filters:
        chosen["year"] = filters["year"]
    return chosen


#: The service's facets, and the URL parameter that filters by each.
FACET_PARAMETERS = {"types": "type", "years": "year", "bodies": "body", "departments": "department"}
FACET_HEADINGS = {"types": _("Type"), "years": _("Year"), "bodies": _("Body"), "departments": _("Department")}


def facet_groups(results, query, chosen):
    """The facets as links: each value's URL toggles it, keeping the query and the other filters."""
    groups = []
    for name, parameter in FACET_PARAMETERS.items():
        links = []
        for facet in getattr(results.facets, name):
            selected = str(chosen.get(parameter)) == str(facet.value)
            params = {key: value for key, value in chosen.items() if key != parameter}
            if not selected:
                params[parameter] = facet.value
            links.append(
                {
                    "label": facet.label,
                    "count": facet.count,
                    "selected": selected,
                    "url": "?" + urlencode({"query": query, **params}),
                }
            )
        if links:
            groups.append({"name": name, "heading": FACET_HEADINGS[name], "links": links})
    return groups


def result_rows(results, hidden_pks):
    """What each result shows: what it is (a news item, a decision...) and its date, besides the service's fields."""
    rows = []
    for result in results:
        item = result.page if result.page is not None else result.document
        if result.page is not None and result.page.pk in hidden_pks:
            continue
        name = date_field(type(item)) if result.page is not None else None
        rows.append(
            {
                "title": result.title,
                "url": result.url,
                # A page whose only text is its title: the highlight would repeat the link.
                "highlight": "" if strip_tags(result.highlight) == escape(result.title) else result.highlight,
                "kind": capfirst(type(item)._meta.verbose_name),
                "date": getattr(item, name, None) if name else None,
                "pages": getattr(result, "pages", None) or [],
            }
        )
    return rows


def search(request):
    """Full-text search over live public pages of the active language (``search.service``)."""
    query = " ".join(request.GET.get("query", "").split())
    number = page_number(request.GET.get("page", 1))
    after = encode_cursor((number - 1) * RESULTS_PER_PAGE - 1) if number > 1 else None
    filters, results = _search(query, chosen_filters(request.GET), after, request)
    if number > 1 and not results.results:
        number = 1
        filters, results = _search(query, filters, None, request)
    # The editors' promotions come first, on the first page, and are not repeated below them.
    promoted = promotions(query, Locale.get_active(), request=request) if number == 1 else []
    promoted_pks = {promotion.page.pk for promotion in promoted if promotion.page is not None}
    chosen = chosen_parameters(filters)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "promotions": promoted,
            "results": result_rows(results, promoted_pks),
            "facet_groups": facet_groups(results, query, chosen),
            "filtered": bool(chosen),
            "page_query": urlencode({"query": query, **chosen}),
            "correction_url": "?" + urlencode({"query": results.corrected_query, **chosen}),
            "previous_page": number - 1 if number > 1 else None,
            "next_page": number + 1 if results.has_next_page and number < MAX_PAGE else None,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
