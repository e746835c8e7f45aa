"""The ``Page`` interface and the helpers every page type shares.

Pages reach the API only through ``public_pages()`` (live, on the request's
site, not behind a view restriction); ``parent``, ``children``, ``breadcrumbs``
and ``translations`` apply the same rule. Lists are batch-loaded: a page that
came in a list carries that list as ``_api_batch`` so that the first page asking
for its translations or parent loads them for the whole list in one query.
"""

import graphene
from django.db.models import Q
from wagtail.models import Page as WagtailPage

from . import script
from .connections import connection_field, connection_for, resolve_connection
from .locale import Locale, default_language, language_code, locale_argument
from .lookahead import connection_nodes
from .registry import page_type_for
from .site import site_context

# --- Querysets ----------------------------------------------------------------


def public_pages(info, queryset=None):
    """Live pages on the request's site that no view restriction covers."""
    queryset = WagtailPage.objects.all() if queryset is None else queryset
    return queryset.filter(site_context(info).public_page_q())


def localized(info, queryset, language, fallback=False):
    """``queryset`` restricted to ``language``.

    With ``fallback``, items missing in ``language`` are taken from the default
    language instead (flagged ``isFallback``), so a listing never has holes.
    """
    context = site_context(info)
    locale_id = context.locale_id(language)
    if not fallback or language == default_language():
        return queryset.filter(locale_id=locale_id)
    translated = queryset.model.objects.filter(locale_id=locale_id).filter(context.public_page_q())
    return queryset.filter(
        Q(locale_id=locale_id)
        | Q(locale_id=context.locale_id(default_language()))
        & ~Q(translation_key__in=translated.values("translation_key"))
    )


def prepare_pages(info, pages, language=None):
    """Mark each page's batch and fallback flag; return the pages."""
    context = site_context(info)
    requested = context.locale_id(language) if language else None
    for page in pages:
        page._api_batch = pages
        page._api_fallback = requested is not None and page.locale_id != requested
    return pages


def specific_pages(queryset, defer=False):
    """Pages as instances of their own classes; ``defer``: without reading their own tables.

    Deferred, a list costs one query instead of one more per page type, and
    ``__typename`` still names each page's type; fields of the page type itself
    would then be read one page at a time, so defer only when none is selected.
    """
    return queryset.specific(defer=defer)


def interface_only(info):
    """True when the nodes of the connection being resolved select only fields of the Page interface."""
    allowed = set(info.schema.get_type("Page").fields) | {"__typename"}
    return set(connection_nodes(info)) <= allowed


# --- Batch loaders --------------------------------------------------------------


def _batch(page):
    return getattr(page, "_api_batch", None) or [page]


def load_translations(info, page):
    """The live public translations of a page (itself excluded), batch-loaded."""
    if not hasattr(page, "_api_translations"):
        batch = _batch(page)
        keys = {item.translation_key for item in batch}
        found = {}
        for other in public_pages(info).filter(translation_key__in=keys).order_by("locale_id"):
            found.setdefault(other.translation_key, []).append(other)
        for item in batch:
            item._api_translations = [
                other for other in found.get(item.translation_key, []) if other.pk != item.pk
            ]
    return page._api_translations


def load_parent(info, page):
    """The public parent page within the locale tree (None at a locale's root), batch-loaded."""
    if not hasattr(page, "_api_parent"):
        batch = _batch(page)
        context = site_context(info)
        root_paths = {root.path for root in context.roots.values()}
        parent_paths = {
            item.path[: -WagtailPage.steplen]
            for item in batch
            if item.depth > 1 and item.path not in root_paths
        }
        parents = {
            parent.path: parent for parent in specific_pages(public_pages(info).filter(path__in=parent_paths))
        }
        for item in batch:
            item._api_parent = (
                parents.get(item.path[: -WagtailPage.steplen]) if item.path not in root_paths else None
            )
    return page._api_parent


# --- The interface --------------------------------------------------------------


class PageTranslation(graphene.ObjectType):
    """A live translation of a page, for language switchers and hreflang links."""

    locale = graphene.Field(graphene.NonNull(Locale), description="Language of the translation.")
    url = graphene.String(description="Public URL path of the translation, with its locale prefix.")
    title = graphene.String(required=True, description="Title of the translation.")


def _translation_entries(language, url, title):
    """One language-switcher entry; Serbian gives two, Cyrillic and Latin, each in its final script."""
    entries = [PageTranslation(locale=language, url=url, title=title)]
    if language == script.STORED and script.latin_offered():
        entries.append(
            PageTranslation(locale=script.LATIN, url=script.latin_url(url), title=script.latin_text(title))
        )
    for entry in entries:
        entry._api_script_fixed = True
    return entries


class Page(graphene.Interface):
    """A published page of the site's tree, in one language."""

    id = graphene.ID(required=True, description="Page id; each translation has its own.")
    title = graphene.String(required=True, description="Title in the page's language.")
    slug = graphene.String(required=True, description="Last segment of the page's URL.")
    url = graphene.String(
        description="Public URL path with the locale prefix: `/` and `/lajme/` (sq), `/sr/`, `/en/news/`."
    )
    locale = graphene.Field(graphene.NonNull(Locale), description="Language of this page.")
    translations = graphene.List(
        graphene.NonNull(PageTranslation),
        required=True,
        description="The page's published translations in the other languages.",
    )
    is_fallback = graphene.Boolean(
        required=True,
        description="True when the requested language has no translation and this is the source page instead.",
    )
    seo_title = graphene.String(
        required=True, description="Title for the HTML <title>; falls back to the title."
    )
    search_description = graphene.String(required=True, description="Meta description for search engines.")
    last_published_at = graphene.DateTime(description="When the page was last published.")
    first_published_at = graphene.DateTime(description="When the page was first published.")
    parent = graphene.Field(lambda: Page, description="Parent page; null for the home page.")
    breadcrumbs = graphene.List(
        graphene.NonNull(lambda: Page),
        required=True,
        description="Ancestors from the home page down to (excluding) this page.",
    )
    children = graphene.Field(
        graphene.NonNull(lambda: PageConnection),
        description="Published child pages in menu order.",
        first=graphene.Int(description="Number of items, 1 to 100."),
        after=graphene.String(description="Cursor of the item after which to start."),
        fallback=graphene.Boolean(
            default_value=False,
            description="Include children not yet translated into this page's language, from the source tree.",
        ),
    )

    @classmethod
    def resolve_type(cls, instance, info):
        return page_type_for(type(instance)) or GenericPage

    @staticmethod
    def resolve_id(page, info):
        return page.pk

    @staticmethod
    def resolve_url(page, info):
        return site_context(info).url_of(page)

    @staticmethod
    def resolve_locale(page, info):
        return site_context(info).language_of(page)

    @staticmethod
    def resolve_translations(page, info):
        context = site_context(info)
        entries = []
        for other in load_translations(info, page):
            entries += _translation_entries(context.language_of(other), context.url_of(other), other.title)
        if context.language_of(page) == script.STORED:
            # The page itself in the other script: SR_LATN beside SR, SR beside SR_LATN.
            same = _translation_entries(script.STORED, context.url_of(page), page.title)
            entries += [entry for entry in same if (entry.locale == script.LATIN) != script.is_latin(info)]
        return entries

    @staticmethod
    def resolve_is_fallback(page, info):
        return getattr(page, "_api_fallback", False)

    @staticmethod
    def resolve_seo_title(page, info):
        return page.seo_title or page.title

    @staticmethod
    def resolve_search_description(page, info):
        return page.search_description or ""

    @staticmethod
    def resolve_parent(page, info):
        return load_parent(info, page)

    @staticmethod
    def resolve_breadcrumbs(page, info):
        context = site_context(info)
        root = context.roots.get(context.language_of(page))
        if root is None or page.path == root.path:
            return []
        ancestors = specific_pages(
            public_pages(info, WagtailPage.objects.ancestor_of(page)).filter(depth__gte=root.depth)
        ).order_by("depth")
        return list(ancestors)

    @staticmethod
    def resolve_children(page, info, first=None, after=None, fallback=False):
        context = site_context(info)
        language = context.language_of(page)
        condition = Q(path__startswith=page.path)
        if fallback and language != default_language():
            source = WagtailPage.objects.filter(
                translation_key=page.translation_key, locale_id=context.locale_id(default_language())
            ).first()
            if source is not None:
                condition |= Q(path__startswith=source.path)
        queryset = public_pages(info).filter(condition, depth=page.depth + 1)
        queryset = localized(info, queryset, language, fallback=fallback).order_by("path")
        return resolve_connection(
            PageConnection,
            specific_pages(queryset, defer=interface_only(info)),
            first,
            after,
            prepare=lambda items: prepare_pages(info, items, language),
        )


class GenericPage(graphene.ObjectType):
    """A page whose type has no fields of its own in the API."""

    class Meta:
        interfaces = (Page,)


PageConnection = connection_for(Page, "PageConnection", "A page of pages.")


__all__ = [
    "GenericPage",
    "Page",
    "PageConnection",
    "connection_field",
    "language_code",
    "locale_argument",
    "localized",
    "prepare_pages",
    "public_pages",
    "specific_pages",
]
