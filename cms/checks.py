"""Deployment checks (``manage.py check --deploy``) for what must be shared between processes.

The GraphQL API keeps per-process copies of responses and of site values (locale
roots, view restrictions, private collections), each under the *generation* kept
in the default cache (``frontend_api/http/cache.py``). Every change bumps that
generation; another process sees the change only if it reads the same
generation. So the default cache must be one store shared by every process on
every machine, with atomic increments:

* ``LocMemCache`` (the default without ``CACHE_URL``) lives inside each process,
  ``DummyCache`` keeps nothing: a view restriction added through one process
  would not reach the API served by another. Error ``cms.E001``.
* ``FileBasedCache`` is shared only by the processes of one machine and
  ``DatabaseCache`` is shared, but neither increments atomically: two changes at
  the same moment can leave the generation at a value responses made before one
  of them were stored under, served until they expire. Warning ``cms.W001``.

Redis (``CACHE_URL=redis://…``, Django's own backend) and Memcached are fine.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

NOT_SHARED = {
    "django.core.cache.backends.locmem.LocMemCache": "keeps a separate cache inside each process",
    "django.core.cache.backends.dummy.DummyCache": "keeps nothing",
}
NOT_ATOMIC = {
    "django.core.cache.backends.filebased.FileBasedCache": (
        "is shared only by the processes of one machine and does not increment atomically"
    ),
    "django.core.cache.backends.db.DatabaseCache": "does not increment atomically",
}
FIX = "Set CACHE_URL (or REDIS_URL) to a Redis server every app process reaches, e.g. CACHE_URL=redis://redis.internal:6379/0."


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in NOT_SHARED:
        return [
            Error(
                f"The default cache ({backend}) {NOT_SHARED[backend]}: the GraphQL API's cache generation "
                "is not shared, so a publish, an unpublish or a new view restriction handled by one "
                "process is not seen by the others, which go on serving what is no longer public.",
                hint=FIX,
                id="cms.E001",
            )
        ]
    if backend in NOT_ATOMIC:
        return [
            Warning(
                f"The default cache ({backend}) {NOT_ATOMIC[backend]}: two changes at the same moment can "
                "leave the GraphQL API's cache generation where responses made before one of them are "
                "still served (until GRAPHQL_CACHE_TIMEOUT).",
                hint=FIX,
                id="cms.W001",
            )
        ]
    return []
