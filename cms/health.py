"""``/healthz``: is the database (and its read replica, if any), the cache and the file storage reachable?

Load balancers and uptime monitors call it; it answers 200 when every part is
healthy and 503 naming the part that failed, never with exception details.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _select_one(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_database():
    _select_one(DEFAULT_DB_ALIAS)


def check_replica():
    # GET requests read from it (cms/db_router.py): an app server that cannot reach it fails them.
    _select_one("replica")


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just stored")
    cache.delete(key)


def check_storage():
    # A read-only probe: listing/stat of a path works on local disk and S3 alike.
    default_storage.exists("healthz-probe")


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def checks():
    if "replica" in connections:
        return {"database": check_database, "replica": check_replica, **CHECKS}
    return CHECKS


@never_cache
@require_GET
def healthz(request):
    results = {}
    failing = []
    for name, check in checks().items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = "error"
            failing.append(name)
        else:
            results[name] = "ok"
    body = {"status": "ok" if not failing else "error", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
