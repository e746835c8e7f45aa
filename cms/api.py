"""Wagtail's REST API v2 (read-only, live public pages), mounted at /api/v2/.

The GraphQL API at /graphql/ is what the public website uses; this endpoint is
kept as the reference point of bench/ (same fields, Wagtail's own serialisers).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
