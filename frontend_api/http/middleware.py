"""Repeated anonymous GETs of /graphql/ answered from the response cache, early in the middleware.

Placed right after Django's SecurityMiddleware (HTTPS redirect and security
headers still apply), like Django's own FetchFromCacheMiddleware: a response
the cache already holds needs no session, locale, CSRF or message handling.
Whatever it does not answer (POST, signed-in users, a first GET, a miss) goes
through the whole stack to the view, which caches it for next time.

API responses never depend on the browser's language (the locale is an
argument), so the ``Vary: Accept-Language`` that LocaleMiddleware adds is
taken off them: a CDN keeps one copy, and a hit carries the same headers as
the miss before it.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.cache import cc_delim_re

from .view import cached_get_response


class CachedGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.path = None

    def __call__(self, request):
        if self.path is None:
            try:
                self.path = reverse("graphql")
            except NoReverseMatch:  # a URL configuration without the API
                self.path = ""
        if request.path != self.path:
            return self.get_response(request)
        if request.method == "GET":
            response = cached_get_response(request)
            if response is not None:
                return response
        response = self.get_response(request)
        if response.has_header("Vary"):
            kept = [
                value for value in cc_delim_re.split(response["Vary"]) if value.lower() != "accept-language"
            ]
            response["Vary"] = ", ".join(kept)
            if not kept:
                del response["Vary"]
        return response
