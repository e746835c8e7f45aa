"""Response caching and its invalidation.

Cached responses carry the *generation* number, kept in the cache, they were
made in: any publish, unpublish, move or delete of a page, and any change to
reference data, snippets, documents, images, sites or privacy settings,
increments it, so every response cached before the change is simply never read
again (and expires).
The CDN is told through Wagtail's frontend-cache backends, when configured.
"""

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from ..conf import api_setting
from ..core.site import snapshots

logger = logging.getLogger(__name__)

GENERATION_KEY = "frontend_api:generation"
SURROGATE_KEY = "graphql"


class _Local:
    """This process's copy of the generation and of recently used responses.

    Reading the shared cache costs a network round trip, which is most of the
    time of a cached answer. A process trusts the generation it last read for
    ``GENERATION_CHECK_INTERVAL`` seconds (0: never), so a change made through
    another process reaches it at most that late; changes made in this process
    apply at once. Responses are kept up to ``LOCAL_CACHE_BYTES`` and only ever
    served for the generation they were made in.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.read_at = 0.0
        self.responses = OrderedDict()
        self.size = 0

    def trusted_generation(self):
        interval = api_setting("GENERATION_CHECK_INTERVAL")
        if interval and self.generation is not None and clock() - self.read_at < interval:
            return self.generation
        return None

    def set_generation(self, value):
        self.generation, self.read_at = value, clock()

    def get(self, key, current):
        with self.lock:
            stored = self.responses.get(key)
            if stored is None:
                return None
            entry, expires_at = stored
            # Like the shared cache, a copy lives RESPONSE_CACHE_TIMEOUT at most:
            # time-derived answers (open vacancies, current announcements) change.
            if entry[0] != current or time.time() >= expires_at:
                self._drop(key)
                return None
            self.responses.move_to_end(key)
            return entry

    def put(self, key, entry):
        limit = api_setting("LOCAL_CACHE_BYTES")
        if not limit or len(entry[1]) > limit:
            return
        expires_at = time.time() + api_setting("RESPONSE_CACHE_TIMEOUT")
        with self.lock:
            if key in self.responses:
                self._drop(key)
            self.responses[key] = (entry, expires_at)
            self.size += len(entry[1])
            while self.size > limit:
                self._drop(next(iter(self.responses)))

    def _drop(self, key):
        entry, _expires_at = self.responses.pop(key)
        self.size -= len(entry[1])

    def clear(self):
        with self.lock:
            self.responses.clear()
            self.size = 0
            self.generation = None


_local = _Local()
clock = time.monotonic


def generation():
    value = _local.trusted_generation()
    if value is None:
        value = _read_generation()
    return value


def _read_generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, not 1: if the cache loses this key (eviction,
        # restart), responses stored under an earlier generation stay unread.
        start = time.time_ns() // 1000
        cache.add(GENERATION_KEY, start, timeout=None)
        # A cache that keeps nothing (DummyCache) gives nothing back: then every read is a
        # new generation, and no site values or responses computed before are used again.
        value = cache.get(GENERATION_KEY, start)
    _local.set_generation(value)
    return value


def bump_generation():
    """Make every response and site value computed so far unreadable.

    Bumped at once (this process sees its own change) and again when the
    change commits: a request another process ran between the two read the
    data from before the commit, and what it cached must not outlive it.
    """
    _bump()
    transaction.on_commit(_after_commit)


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    _read_generation()


def _after_commit():
    _bump()
    purge_cdn()


def clear_local():
    """Forget this process's copies (tests that clear the shared cache call this too)."""
    _local.clear()
    snapshots.clear()


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


def response_key(document_hash, operation_name, variables, request):
    """Cache key of a response: the document, the operation, its variables and the requested origin.

    The origin (scheme, host, port) stands for the site: resolving the site
    takes a query, and a cache hit must not cost one. A change to sites bumps
    the generation like any other change.
    """
    origin = [request.scheme, request._get_raw_host(), request.get_port()]
    payload = json.dumps([document_hash, operation_name, variables, origin], sort_keys=True, default=str)
    return "frontend_api:response:" + hashlib.sha256(payload.encode()).hexdigest()


def get_response(key):
    """(body, site id) of the response cached under ``key`` in the current generation, or None.

    When this process holds a copy made in the current generation, answering
    costs at most reading the (small) generation from the shared cache, or
    nothing while it trusts the generation it read last; otherwise one more
    round trip fetches the entry, which carries its generation.
    """
    current = generation()
    entry = _local.get(key, current)
    if entry is None:
        entry = cache.get(key)
        if entry is None or entry[0] != current:
            return None
        _local.put(key, entry)
    return entry[1], entry[2]


def set_response(key, body, site_id, made_in):
    """Store a response made in generation ``made_in`` (read before executing the query)."""
    entry = (made_in, body, site_id)
    cache.set(key, entry, timeout=api_setting("RESPONSE_CACHE_TIMEOUT"))
    _local.put(key, entry)
