"""Open311 GeoReport v2 (citizens/open311.py), at /open311/v2/: each resource as .json or .xml."""

from django.urls import re_path

from . import open311

app_name = "open311"
FORMAT = r"\.(?P<format>json|xml)$"

urlpatterns = [
    re_path(rf"^services{FORMAT}", open311.services, name="services"),
    re_path(rf"^services/(?P<code>[\w-]+){FORMAT}", open311.service_definition, name="service"),
    re_path(rf"^requests{FORMAT}", open311.requests, name="requests"),
    re_path(rf"^requests/(?P<request_id>[\w-]+){FORMAT}", open311.service_request, name="request"),
]
