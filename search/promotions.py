"""Search promotions: the results editors put first for a query (Wagtail's "Promoted search results").

Editors promote a page (or an external link) for a query string in the admin
(Settings → Promoted search results). A search shows the promotions of its
query first, in the editors' order, in the searcher's language:

* the query matches a promotion's query string when both fold to the same
  words (``search.text.fold``): "Buxheti", "buxheti" and "buxhetí" are one
  query, and so are "Скупштина", "Skupština" and "skupstina";
* a promoted page is shown in the locale searched: the page itself or its
  translation there, only when that one is public (``cms.public``); a page
  without a public translation in that locale is left out. One promotion thus
  serves every language: the editor picks the page once, in any locale;
* the editors' description is shown in the promoted page's own locale; in the
  other locales the translation's search description or summary is shown,
  since the description is written in one language;
* an external link is shown in every locale, with its text and description.
"""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from cms.public import public_pages

from .text import fold


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    #: The promoted page in the locale searched; None for an external link.
    page: Page | None = None


def _translation_description(page):
    return (getattr(page, "search_description", "") or getattr(page, "summary", "") or "").strip()


def promotions(query, locale, *, request=None):
    """The promotions of ``query`` for a search in ``locale``, in the editors' order (three queries at most)."""
    wanted = fold(query if isinstance(query, str) else "")
    if not wanted:
        return []
    # Few queries have promotions: match them all by their folded form.
    matching = [
        promotion
        for promotion in SearchPromotion.objects.select_related("query", "page").order_by(
            "query_id", "sort_order", "pk"
        )
        if fold(promotion.query.query_string) == wanted
    ]
    if not matching:
        return []
    keys = {promotion.page.translation_key for promotion in matching if promotion.page is not None}
    shown = {}
    if keys:
        translations = public_pages(Page.objects.filter(translation_key__in=keys, locale=locale), request)
        shown = {page.translation_key: page for page in translations.specific()}
    found = []
    for promotion in matching:
        if promotion.page is None:
            if promotion.external_link_url:
                found.append(
                    Promotion(
                        title=promotion.external_link_text or promotion.external_link_url,
                        url=promotion.external_link_url,
                        description=promotion.description,
                    )
                )
            continue
        page = shown.get(promotion.page.translation_key)
        if page is None or any(earlier.page is page for earlier in found):
            continue
        same_locale = promotion.page.locale_id == locale.pk
        found.append(
            Promotion(
                title=page.title,
                url=page.get_url(request) or "",
                description=promotion.description if same_locale else _translation_description(page),
                page=page,
            )
        )
    return found
