"""The API's settings, read from ``settings.FRONTEND_API`` over these defaults."""

from django.conf import settings

DEFAULTS = {
    # Introspection (and GraphiQL's schema explorer); off in production unless enabled.
    "INTROSPECTION": None,  # None: follow DEBUG
    # Error messages of unexpected exceptions are replaced by a generic message.
    "MASK_ERRORS": None,  # None: mask unless DEBUG
    # "Did you mean ...?" hints reveal the schema; dropped when introspection is off.
    "FIELD_SUGGESTIONS": None,  # None: follow INTROSPECTION
    "MAX_DEPTH": 15,
    "MAX_ALIASES": 30,
    "MAX_FIELDS": 500,
    "MAX_TOKENS": 5000,
    # Objects a query could return, lists and pages multiplied out (frontend_api/http/limits.py).
    "MAX_NODES": 2000,
    # Budget of graphql-core's OverlappingFieldsCanBeMergedRule (its own default: 500,000).
    "MAX_VALIDATION_WORK": 5000,
    "MAX_SOURCE_LENGTH": 100_000,
    "MAX_PAGE_SIZE": 100,
    "DEFAULT_PAGE_SIZE": 20,
    "DOCUMENT_CACHE_SIZE": 500,
    "RESPONSE_CACHE_TIMEOUT": 300,
    # Seconds a process trusts the cache generation it last read (0: read it on every request);
    # a publish handled by another process reaches this one at most that late.
    "GENERATION_CHECK_INTERVAL": 0,
    # Bytes of responses each process keeps in memory in front of the shared cache (0: none).
    "LOCAL_CACHE_BYTES": 16 * 1024 * 1024,
    "APQ_CACHE_TIMEOUT": 60 * 60 * 24 * 7,
    # Cache-Control max-age for anonymous GET responses (browsers) and s-maxage (CDNs).
    "HTTP_MAX_AGE": 60,
    "HTTP_S_MAXAGE": 300,
    "PREVIEW_TOKEN_MAX_AGE": 60 * 60,
}


def api_setting(name):
    value = getattr(settings, "FRONTEND_API", {}).get(name, DEFAULTS[name])
    if value is not None:
        return value
    if name == "INTROSPECTION":
        return settings.DEBUG
    if name == "FIELD_SUGGESTIONS":
        return api_setting("INTROSPECTION")
    if name == "MASK_ERRORS":
        return not settings.DEBUG
    return value
