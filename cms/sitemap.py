"""``/sitemap.xml``: the site's public pages in every language, with their translations.

The pages come from ``cms.public.Visibility`` (live, not expired, in the site's
locale trees, no view restriction on the page or an ancestor), like every other
surface. Each entry lists its public translations as ``xhtml:link`` alternates,
so search engines pair the Albanian, Serbian and English versions of a page.
Absolute URLs use the Site's hostname and port.
"""

from collections import defaultdict

from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.public import Visibility


class PublicSitemap(Sitemap):
    # Django's own limit per sitemap file; ``?p=2`` pages on.
    limit = 50_000

    def __init__(self, request=None):
        super().__init__(request)
        self.visibility = Visibility(self.get_wagtail_site())

    def items(self):
        return self.visibility.pages(Page.objects.all()).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        keys = {item.translation_key for item in items}
        for translation in self.visibility.pages(
            Page.objects.filter(translation_key__in=keys)
        ).select_related("locale"):
            translations[translation.translation_key].append(translation)
        urls, last_mods = [], set()
        for item in items:
            location = item.get_full_url(self.request)
            if location is None:
                continue
            lastmod = self.lastmod(item)
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in translations[item.translation_key]
            ]
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    # Not cached: a page restricted or unpublished a moment ago must not stay listed.
    return sitemap_views.sitemap(request, {"pages": PublicSitemap(request)})
