"""Response caching and its invalidation.

Cached responses are keyed by a *generation* number kept in the cache: any
publish, unpublish, move or delete of a page, and any change to reference data,
snippets, documents, images or privacy settings, increments it, so every
response cached before the change is simply never read again (and expires).
The CDN is told through Wagtail's frontend-cache backends, when configured.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from ..conf import api_setting

logger = logging.getLogger(__name__)

GENERATION_KEY = "frontend_api:generation"
SURROGATE_KEY = "graphql"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 2, timeout=None)
    transaction.on_commit(purge_cdn)


def purge_cdn():
    """Purge the endpoint from the configured CDN (none by default)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        purge_urls_from_cache([f"{base}/graphql/", f"{base}/graphql/*"])
    except Exception:  # a CDN outage must never fail a publish
        logger.exception("Purging /graphql/ from the frontend cache failed")


def response_key(document_hash, operation_name, variables, site_id):
    """Cache key for a response; the locale is part of the variables or the document."""
    payload = json.dumps([document_hash, operation_name, variables, site_id], sort_keys=True, default=str)
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return f"frontend_api:response:{generation()}:{digest}"


def get_response(key):
    return cache.get(key)


def set_response(key, body):
    cache.set(key, body, timeout=api_setting("RESPONSE_CACHE_TIMEOUT"))
