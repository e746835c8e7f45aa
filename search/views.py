import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from cms.public import public_pages
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


def search_pages(query, locale, request=None):
    """Live public pages of ``locale`` matching ``query`` (for Serbian: in either script), best first."""
    # The search backend filters on indexed fields only: the public pages come in as a subquery.
    public = public_pages(Page.objects.filter(locale=locale), request)
    pages = Page.objects.filter(pk__in=public.values("pk")).specific()
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


def clean_query(query):
    """What people type, made safe for the search backend: an unbalanced quote is dropped."""
    if query.count('"') % 2:
        query = query.replace('"', " ")
    return " ".join(query.split())


def plain_words(query):
    """The query's words only, for when the backend refuses its syntax."""
    return " ".join(re.findall(r"\w+", query))


def _page(results, number):
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(number)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    page.object_list = list(page.object_list)  # run the search here, where its errors are handled
    return page


def search(request):
    """Full-text search over live public pages of the active language."""
    query = clean_query(request.GET.get("query", ""))
    locale = Locale.get_active()
    number = request.GET.get("page", 1)
    try:
        with transaction.atomic():
            page = _page(search_pages(query, locale, request) if query else Page.objects.none(), number)
    except DatabaseError:
        # The backend could not parse the query (stray operators, quotes): search its words instead.
        words = plain_words(query)
        page = _page(search_pages(words, locale, request) if words else Page.objects.none(), number)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
