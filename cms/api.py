"""Wagtail's REST API v2 (read-only, live public pages), mounted at /api/v2/ only for the benchmark.

The GraphQL API at /graphql/ is what the public website uses, with its cost and
size limits; this endpoint exists only as the reference point of bench/ (same
fields, Wagtail's own serialisers). Without ``BENCH=1`` (never in production)
it answers 404, so it cannot be used to go around the GraphQL limits.
"""

from django.conf import settings
from django.http import Http404
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class BenchPagesAPIViewSet(PagesAPIViewSet):
    def initial(self, request, *args, **kwargs):
        if not settings.BENCH:
            raise Http404("Wagtail's API v2 is mounted only for the benchmark (BENCH=1).")
        super().initial(request, *args, **kwargs)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", BenchPagesAPIViewSet)
