"""What an anonymous visitor may see: the one definition every surface uses.

A page is public when it is live, its expiry time (if any) has not passed, it
is in one of the site's locale trees, and no view restriction (login, password
or groups) sits on it or on an ancestor. A document is public when its
collection and the collection's ancestors have no view restriction.

Every surface that shows content to the public takes its pages and documents
from here: the GraphQL API (listings, ``page``, ``node``-style lookups, parent,
children, breadcrumbs, translations, search, the change feed), the HTML
listings, feeds, calendar and iCal, the sitemap, the site search and the media
notices that link content. ``tests/security/test_public_surfaces.py`` lists the
surfaces and fails for one that is not listed, so a new one cannot forget it.

``Visibility`` reads the restrictions once (two small queries) and answers
everything else from memory; the API keeps one per process and cache generation
(``frontend_api/core/site.py``), the HTML site makes one per request.
"""

from functools import cached_property

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site


class Visibility:
    """The public pages and documents of one site (all sites' trees when ``site`` is None)."""

    def __init__(self, site=None):
        self._site = site

    # --- What is read from the database (kept per generation by the API) ----------

    @cached_property
    def restricted_paths(self):
        """Tree paths of pages with a view restriction: they and their descendants are private."""
        return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))

    @cached_property
    def private_collection_ids(self):
        """Collections with a view restriction on themselves or an ancestor."""
        paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        if not paths:
            return []
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return list(Collection.objects.filter(condition).values_list("pk", flat=True))

    @cached_property
    def root_paths(self):
        """Paths of the roots of the site's locale trees (every translation of its root page)."""
        if self._site is None:
            return None
        root = self._site.root_page
        return list(Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True))

    # --- Pages ----------------------------------------------------------------------

    def page_q(self, prefix="", now=None):
        """A Q() for the public pages (``prefix`` for a related page: ``"page__"``)."""
        now = now or timezone.now()
        condition = Q(**{f"{prefix}live": True}) & (
            Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
        )
        roots = self.root_paths
        if roots is not None:
            within = Q(**{f"{prefix}pk__in": []})
            for path in roots:
                within |= Q(**{f"{prefix}path__startswith": path})
            condition &= within
        for path in self.restricted_paths:
            condition &= ~Q(**{f"{prefix}path__startswith": path})
        return condition

    def pages(self, queryset=None):
        """``queryset`` (default: all pages) narrowed to the public ones."""
        queryset = Page.objects.all() if queryset is None else queryset
        return queryset.filter(self.page_q())

    def is_public_page(self, page, now=None):
        if not page.live:
            return False
        expire_at = getattr(page, "expire_at", None)
        if expire_at is not None and expire_at <= (now or timezone.now()):
            return False
        roots = self.root_paths
        if roots is not None and not any(page.path.startswith(path) for path in roots):
            return False
        return not any(page.path.startswith(path) for path in self.restricted_paths)

    # --- Documents ------------------------------------------------------------------

    def document_q(self, prefix=""):
        private = self.private_collection_ids
        return ~Q(**{f"{prefix}collection_id__in": private}) if private else Q()

    def documents(self, queryset=None):
        """``queryset`` (default: all documents) without those in private collections."""
        if queryset is None:
            from wagtail.documents import get_document_model

            queryset = get_document_model().objects.all()
        return queryset.filter(self.document_q())

    def is_public_document(self, document):
        return document.collection_id not in set(self.private_collection_ids)


def for_request(request):
    """The visibility for a request's site, made once per request."""
    visibility = getattr(request, "_public_visibility", None) if request is not None else None
    if visibility is None:
        site = Site.find_for_request(request) if request is not None else None
        visibility = Visibility(site)
        if request is not None:
            request._public_visibility = visibility
    return visibility


def public_pages(queryset=None, request=None):
    """The public pages of ``queryset``, on the request's site (on any site without a request)."""
    return for_request(request).pages(queryset)


def public_documents(queryset=None, request=None):
    return for_request(request).documents(queryset)


def is_public_page(page, request=None):
    return for_request(request).is_public_page(page)


def is_public_document(document, request=None):
    return for_request(request).is_public_document(document)
