from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from citizens.panels import open_data
from cms.api import api_router
from cms.health import healthz
from cms.sitemap import sitemap
from frontend_api.http.view import GraphQLView
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("graphql/", GraphQLView.as_view(), name="graphql"),
    path("api/v2/", api_router.urls),
    path("open311/v2/", include("citizens.open311_urls")),
    re_path(r"^open-data/citizens-monthly\.(?P<format>csv|json)$", open_data, name="citizens_open_data"),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    # The mail provider's delivery reports (bounces, complaints: outreach/deliverability.py),
    # only with the basic-auth secret that keeps anyone else from posting them. Not inbound mail.
    from anymail import urls as anymail_urls

    tracking = [url for url in anymail_urls.urlpatterns if url.name.endswith("tracking_webhook")]
    urlpatterns += [path("anymail/", include((tracking, "anymail")))]

if settings.BENCH:
    urlpatterns += [path("bench/", include("bench.urls"))]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Albanian at the root, other locales under their prefix (/sr/, /en/).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("ical/", include("events.urls")),
    path("citizens/", include("citizens.urls")),
    path("subscriptions/", include("outreach.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
