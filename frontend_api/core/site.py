"""What a request knows about its site: locale roots, URL prefixes, privacy.

Computed once per request (a handful of queries) so that URLs, routing and the
"only live, public content" rule cost no query per page.
"""

from functools import cached_property

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from .locale import default_language


class SiteContext:
    def __init__(self, request):
        self.request = request

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
            "pk", "path", "depth", "url_path", "locale_id", "translation_key", "title", "live", "slug"
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

    @cached_property
    def restricted_paths(self):
        """Tree paths of pages with a view restriction: they and their descendants are private."""
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def private_collection_ids(self):
        paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        if not paths:
            return []
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return list(Collection.objects.filter(condition).values_list("pk", flat=True))

    def public_page_q(self, prefix=""):
        """A Q() for live pages in this site's locale trees that no restriction covers."""
        within = Q()
        for root in self.roots.values():
            within |= Q(**{f"{prefix}path__startswith": root.path})
        if not self.roots:
            within = Q(**{f"{prefix}pk__in": []})
        condition = Q(**{f"{prefix}live": True}) & within
        for path in self.restricted_paths:
            condition &= ~Q(**{f"{prefix}path__startswith": path})
        return condition

    def is_public(self, page):
        if not page.live:
            return False
        if not any(page.path.startswith(root.path) for root in self.roots.values()):
            return False
        return not any(page.path.startswith(path) for path in self.restricted_paths)

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
        context = SiteContext(request)
        if request is not None:
            request._api_site_context = context
    return context
