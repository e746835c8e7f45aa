"""What a request knows about its site: locale roots, URL prefixes, privacy.

Computed once per request (a handful of queries) so that URLs, routing and the
"only live, public content" rule cost no query per page. For anonymous API
requests, which know the cache generation they run in (see
``frontend_api/http/cache.py``), the computed values are kept per process and
origin for that generation: any change to pages, sites, locales, collections or
view restrictions bumps the generation, so a request never sees values from
before a change it could otherwise see. The generation is read from the default
cache, which every app process must share (Redis; ``cms/checks.py`` refuses a
per-process cache in production): a change made through one process reaches the
others within ``GENERATION_CHECK_INTERVAL``.
"""

import threading
from functools import cached_property

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.public import Visibility

from .locale import default_language

# What a snapshot keeps: the values that depend only on the origin and the stored data.
SHARED = (
    "site",
    "locales",
    "languages_by_locale_id",
    "roots",
    "prefixes",
    "restricted_paths",
    "private_collection_ids",
)
_MAX_ORIGINS = 100


class _Snapshots:
    """This process's site values for the current generation, per origin."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.by_origin = {}

    def get(self, generation, origin):
        with self.lock:
            if generation != self.generation:
                return None
            return self.by_origin.get(origin)

    def put(self, generation, origin, values):
        with self.lock:
            if generation != self.generation:
                self.generation, self.by_origin = generation, {}
            if len(self.by_origin) >= _MAX_ORIGINS and origin not in self.by_origin:
                self.by_origin.clear()
            self.by_origin[origin] = {**self.by_origin.get(origin, {}), **values}

    def clear(self):
        with self.lock:
            self.generation, self.by_origin = None, {}


snapshots = _Snapshots()


def _origin(request):
    return (request.scheme, request._get_raw_host(), request.get_port())


class SiteContext(Visibility):
    """The request's site values; what is public is ``cms.public.Visibility``'s one definition."""

    def __init__(self, request, generation=None):
        self.request = request
        self.generation = generation if request is not None else None
        if self.generation is not None:
            self.__dict__.update(snapshots.get(self.generation, _origin(request)) or {})

    def keep(self):
        """Keep the values computed so far for later requests in the same generation."""
        if self.generation is None:
            return
        values = {name: self.__dict__[name] for name in SHARED if name in self.__dict__}
        if values:
            snapshots.put(self.generation, _origin(self.request), values)

    @cached_property
    def site(self):
        site = Site.find_for_request(self.request) if self.request is not None else None
        return site or Site.objects.select_related("root_page").get(is_default_site=True)

    @cached_property
    def locales(self):
        """{language code: wagtail Locale}."""
        return {locale.language_code: locale for locale in Locale.objects.all()}

    @cached_property
    def languages_by_locale_id(self):
        return {locale.pk: code for code, locale in self.locales.items()}

    def locale_id(self, language):
        locale = self.locales.get(language)
        return locale.pk if locale else None

    @cached_property
    def roots(self):
        """{language code: the live root page of that locale's tree on this site}."""
        root = self.site.root_page
        pages = Page.objects.filter(translation_key=root.translation_key, live=True).only(
            "pk",
            "path",
            "depth",
            "url_path",
            "locale_id",
            "translation_key",
            "title",
            "live",
            "slug",
            "content_type_id",
        )
        return {self.languages_by_locale_id[page.locale_id]: page for page in pages}

    @cached_property
    def prefixes(self):
        """{language code: URL prefix}: "/" for the default language, "/sr/" for Serbian."""
        prefixes = {}
        for code in self.locales:
            with translation.override(code):
                prefixes[code] = reverse("wagtail_serve", args=("",))
        return prefixes

    @property
    def root_paths(self):
        """The live roots of this site's locale trees (``Visibility`` reads them from ``roots``)."""
        return [root.path for root in self.roots.values()]

    def public_page_q(self, prefix=""):
        """A Q() for live pages in this site's locale trees that no restriction covers."""
        return self.page_q(prefix)

    def is_public(self, page):
        return self.is_public_page(page)

    def language_of(self, page):
        return self.languages_by_locale_id.get(page.locale_id, default_language())

    def url_of(self, page):
        """The public URL path of a page, with its locale prefix ("/", "/sr/lajme/..."), or None."""
        language = self.language_of(page)
        root = self.roots.get(language)
        if root is None or not page.url_path or not page.url_path.startswith(root.url_path):
            return None
        return self.prefixes[language] + page.url_path[len(root.url_path) :]

    def absolute(self, url):
        if url is None or "://" in url or self.request is None:
            return url
        return self.request.build_absolute_uri(url)


def site_context(info_or_request):
    request = getattr(info_or_request, "context", info_or_request)
    context = getattr(request, "_api_site_context", None)
    if context is None:
        context = SiteContext(request, getattr(request, "_api_generation", None))
        if request is not None:
            request._api_site_context = context
    return context
