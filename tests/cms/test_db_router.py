"""The read replica's router (cms/db_router.py) on two real SQLite databases, and its wiring in settings.

The two databases hold different rows on purpose, so every assertion shows which
one a query went to.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from cms.db_router import PIN_COOKIE, PrimaryReplicaRouter, ReplicaMiddleware

ROOT = Path(__file__).resolve().parents[2]
PRIMARY, REPLICA = "router_primary", "router_replica"


@pytest.fixture
def two_databases(tmp_path, django_db_blocker):
    """A primary and a "replica" SQLite database with the group table, one row each, routed by the router."""
    databases = {
        alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / f"{alias}.sqlite3")}
        for alias in ("default", PRIMARY, REPLICA)
    }
    configured = connections.configure_settings(databases)  # Django's defaults filled in
    with django_db_blocker.unblock():
        for alias in (PRIMARY, REPLICA):
            connections.settings[alias] = configured[alias]
            with connections[alias].schema_editor() as editor:
                editor.create_model(Group)
        Group.objects.using(PRIMARY).create(name="on the primary")
        Group.objects.using(REPLICA).create(name="on the replica")
        with override_settings(DATABASE_ROUTERS=[PrimaryReplicaRouter(primary=PRIMARY, replica=REPLICA)]):
            yield
        for alias in (PRIMARY, REPLICA):
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]


def names():
    return sorted(Group.objects.values_list("name", flat=True))


def through_middleware(view, method="get", cookies=None):
    request = getattr(RequestFactory(), method)("/")
    request.COOKIES.update(cookies or {})
    return ReplicaMiddleware(view)(request)


def test_outside_a_request_everything_uses_the_primary(two_databases):
    assert names() == ["on the primary"]
    assert router.db_for_write(Group) == PRIMARY


def test_a_get_reads_from_the_replica_until_it_writes(two_databases):
    seen = {}

    def view(request):
        seen["before"] = names()
        Group.objects.create(name="written")
        seen["after"] = names()
        return HttpResponse()

    response = through_middleware(view)
    assert seen["before"] == ["on the replica"]
    # The write went to the primary, and the rest of the request reads there.
    assert seen["after"] == ["on the primary", "written"]
    assert Group.objects.using(REPLICA).filter(name="written").exists() is False
    # The browser that wrote keeps reading from the primary for a while.
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    assert response.cookies[PIN_COOKIE]["httponly"]


def test_a_get_that_only_reads_sets_no_cookie(two_databases):
    seen = {}

    def view(request):
        seen["names"] = names()
        return HttpResponse()

    response = through_middleware(view)
    assert seen["names"] == ["on the replica"]
    assert PIN_COOKIE not in response.cookies


@override_settings(DATABASE_REPLICA_PIN_SECONDS=3)
def test_the_pin_lasts_the_configured_seconds(two_databases):
    def view(request):
        Group.objects.create(name="written")
        return HttpResponse()

    assert through_middleware(view).cookies[PIN_COOKIE]["max-age"] == 3


def test_a_browser_pinned_by_its_cookie_reads_from_the_primary(two_databases):
    seen = {}

    def view(request):
        seen["names"] = names()
        return HttpResponse()

    through_middleware(view, cookies={PIN_COOKIE: "1"})
    assert seen["names"] == ["on the primary"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_read_from_the_primary_from_their_first_query(two_databases, method):
    seen = {}

    def view(request):
        seen["names"] = names()
        return HttpResponse()

    through_middleware(view, method=method)
    assert seen["names"] == ["on the primary"]


def test_reads_inside_a_transaction_use_the_primary(two_databases):
    seen = {}

    def view(request):
        with transaction.atomic(using=PRIMARY):
            seen["inside"] = names()
        seen["outside"] = names()
        return HttpResponse()

    through_middleware(view)
    assert seen == {"inside": ["on the primary"], "outside": ["on the replica"]}


def test_an_object_read_from_the_replica_is_saved_on_the_primary(two_databases):
    def view(request):
        group = Group.objects.get()
        group.name = "renamed"
        group.save()
        return HttpResponse()

    through_middleware(view)
    assert Group.objects.using(PRIMARY).filter(name="renamed").exists()
    assert Group.objects.using(REPLICA).get().name == "on the replica"


def test_the_state_ends_with_the_request(two_databases):
    through_middleware(lambda request: HttpResponse())
    assert names() == ["on the primary"]


def test_migrations_only_on_the_primary():
    routing = PrimaryReplicaRouter()
    assert routing.allow_migrate("default", "home") is True
    assert routing.allow_migrate("replica", "home") is False


PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "databases": sorted(settings.DATABASES),
    "replica": settings.DATABASES.get("replica"),
    "routers": settings.DATABASE_ROUTERS,
    "middleware": settings.MIDDLEWARE,
}, default=str))
"""


def probe(**variables):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DATABASE_") and key != "CONN_MAX_AGE"
    }
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.test", **variables)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_replica_there_is_no_router():
    settings = probe()
    assert settings["databases"] == ["default"]
    assert settings["routers"] == []
    assert "cms.db_router.ReplicaMiddleware" not in settings["middleware"]


def test_a_replica_url_adds_the_alias_the_router_and_the_middleware():
    settings = probe(
        DATABASE_URL="postgres://app@primary.internal:5432/komuna",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/komuna",
        CONN_MAX_AGE="60",
    )
    assert settings["databases"] == ["default", "replica"]
    assert settings["replica"]["HOST"] == "replica.internal"
    assert settings["replica"]["USER"] == "reader"
    assert settings["replica"]["CONN_MAX_AGE"] == 60
    assert settings["replica"]["TEST"]["MIRROR"] == "default"
    assert settings["routers"] == ["cms.db_router.PrimaryReplicaRouter"]
    middleware = settings["middleware"]
    # After the cached GraphQL GETs (no SQL), before sessions and authentication read the database.
    position = middleware.index("cms.db_router.ReplicaMiddleware")
    assert middleware[position - 1] == "frontend_api.http.middleware.CachedGetMiddleware"
    assert position < middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
