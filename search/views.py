from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from translations.transliteration import to_cyrillic, to_latin

SERBIAN = "sr"
# Results per spelling of a Serbian query; merged results are listed, not counted in the database.
MAX_RESULTS_PER_SPELLING = 200


def query_spellings(query, language):
    """The query as typed and, for Serbian, in the other script too: both find the same Cyrillic content."""
    spellings = [query]
    if language == SERBIAN:
        for variant in (to_cyrillic(query), to_latin(query)):
            if variant and variant not in spellings:
                spellings.append(variant)
    return spellings


def search_pages(query, locale):
    """Live public pages of ``locale`` matching ``query`` (for Serbian: in either script), best first."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    spellings = query_spellings(query, locale.language_code)
    if len(spellings) == 1:
        return pages.search(query)
    results, seen = [], set()
    for spelling in spellings:
        for page in pages.search(spelling)[:MAX_RESULTS_PER_SPELLING]:
            if page.pk not in seen:
                seen.add(page.pk)
                results.append(page)
    return results


def search(request):
    """Full-text search over live public pages of the active language."""
    query = request.GET.get("query", "").strip()
    results = Page.objects.none()
    if query:
        results = search_pages(query, Locale.get_active())
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
