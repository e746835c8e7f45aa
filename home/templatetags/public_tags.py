"""Template access to ``cms.public``: what a template lists of other pages must be public too."""

from django import template
from django.conf import settings
from django.db.models import QuerySet
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.html import clean_rich_text as clean_html
from cms.html import is_safe_url
from cms.public import for_request, public_pages
from translations.latin_site import LATIN, cyrillic_url, latin_url

register = template.Library()


#: Each reading language named in itself, in the order of ``LANGUAGES``.
NATIVE_NAMES = {"sq": "Shqip", "sr": "Српски", "sr-latn": "Srpski", "en": "English"}


@register.filter
def clean_rich_text(html):
    """Rendered rich text reduced to the editor's elements and safe links (``cms.html``)."""
    # Safe: only allowed elements and attributes are written, every text escaped.
    return mark_safe(clean_html(html))


@register.filter
def link_url(url):
    """``url`` for an ``href`` if it is a web, mail, telephone or relative address, else empty.

    URL fields are checked by the admin's forms, not by imports: a ``javascript:`` address
    stored past them would run when clicked.
    """
    return url if url and is_safe_url(str(url)) else ""


@register.simple_tag(takes_context=True)
def language_versions(context, page):
    """The page in every language the public may read it in (the switcher, ``hreflang``).

    A list of ``{code, name, url, full_url, current}`` in the order of ``LANGUAGES``: the
    page and its public translations, and the Serbian one also in Latin script (``/sr-latn/``);
    without a page (the search page), the view's address in every language.
    """
    request = context.get("request")
    current = get_language()
    versions = _page_versions(page, request) if isinstance(page, Page) else _view_versions(request)
    order = [code for code, _name in settings.LANGUAGES]
    for version in versions:
        version["name"] = NATIVE_NAMES.get(version["code"], version["code"])
        version["current"] = version["code"] == current
    return sorted(
        versions, key=lambda version: order.index(version["code"]) if version["code"] in order else 99
    )


def _view_versions(request):
    """A view under ``i18n_patterns`` (the search page) in every language, its query kept."""
    if request is None:
        return []
    path = request.get_full_path()
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    if len(set(urls.values())) < len(urls):
        return []  # not a view of the public site's languages (the admin's login lock-out)
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return [{"code": code, "url": url, "full_url": root + url} for code, url in urls.items()]


def _page_versions(page, request):
    translations = public_pages(page.get_translations(), request).select_related("locale")
    versions = []
    for version in [page, *translations]:
        code = version.locale.language_code
        url, full_url = version.get_url(request), version.get_full_url(request)
        if url is None:
            continue
        if code == "sr":
            url, full_url = cyrillic_url(url), cyrillic_url(full_url)
            versions.append({"code": LATIN, "url": latin_url(url), "full_url": latin_url(full_url)})
        versions.append({"code": code, "url": url, "full_url": full_url})
    return versions


def _visible(visibility, value):
    from wagtail.documents.models import AbstractDocument
    from wagtail.models import Page

    if value is None or value == "":
        return False
    if isinstance(value, Page):
        return visibility.is_public_page(value)
    if isinstance(value, AbstractDocument):
        return visibility.is_public_document(value)
    raise TypeError(f"public: expected a page or a document, got {type(value).__name__}")


@register.simple_tag(takes_context=True)
def public(context, value, field=None):
    """``value`` when the public may see it, else None; for a list, the items it may see.

    ``{% public page.repealed_by.localized as repealer %}{% if repealer %}…`` keeps a template
    from linking (or naming) a page or document that is a draft, expired, restricted or private.
    ``field`` takes that attribute of each item of a list first:
    ``{% public page.attachments.all field="document" as documents %}``.
    """
    visibility = for_request(context.get("request"))
    if isinstance(value, (list, tuple, QuerySet)):
        items = [getattr(item, field) for item in value] if field else value
        return [item for item in items if _visible(visibility, item)]
    return value if _visible(visibility, value) else None
