from django.template.response import TemplateResponse
from wagtail.models import Locale

from .promotions import promotions
from .service import encode_cursor
from .service import search as search_service
from .text import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 10
MAX_PAGE = 20  # the service ranks its best 200 results


def page_number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def search(request):
    """Full-text search over live public pages of the active language (``search.service``)."""
    query = " ".join(request.GET.get("query", "").split())
    number = page_number(request.GET.get("page", 1))
    after = encode_cursor((number - 1) * RESULTS_PER_PAGE - 1) if number > 1 else None
    results = search_service(query, Locale.get_active(), first=RESULTS_PER_PAGE, after=after, request=request)
    if number > 1 and not results.results:
        number, results = (
            1,
            search_service(query, Locale.get_active(), first=RESULTS_PER_PAGE, request=request),
        )
    # The editors' promotions come first, on the first page, and are not repeated below them.
    promoted = promotions(query, Locale.get_active(), request=request) if number == 1 else []
    promoted_pks = {promotion.page.pk for promotion in promoted if promotion.page is not None}
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "promotions": promoted,
            "results": [result for result in results if result.page.pk not in promoted_pks],
            "previous_page": number - 1 if number > 1 else None,
            "next_page": number + 1 if results.has_next_page and number < MAX_PAGE else None,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
