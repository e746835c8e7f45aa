"""Reads from a PostgreSQL read replica, when one is configured (``DATABASE_REPLICA_URL``).

Only web requests read from the replica, and only while that cannot show a
visitor something older than what the primary already told them:

* ``ReplicaMiddleware`` lets a GET or HEAD request read from the replica; every
  other method (a form, a GraphQL POST, a mutation) reads and writes on the
  primary from its first query, so it never decides on stale data;
* the first write of a request (or any query inside a transaction) pins the
  rest of that request to the primary;
* a request that wrote sets a short-lived cookie, and the same browser's
  requests read from the primary while it lasts
  (``DATABASE_REPLICA_PIN_SECONDS``): an editor redirected after saving, or a
  user after signing in, sees their own change even when the replica lags;
* outside requests (``db_worker``, cron commands, ``manage.py shell``) every
  query goes to the primary: they read in order to write.

Migrations run on the primary only; the replica follows it by replication.
"""

import contextvars
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"
PIN_COOKIE = "cms_primary"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass
class _RequestState:
    replica_allowed: bool
    wrote: bool = False


_state = contextvars.ContextVar("cms_db_router_state", default=None)


class PrimaryReplicaRouter:
    """Writes to ``primary``; reads to ``replica`` when the current request allows it."""

    def __init__(self, primary=DEFAULT_DB_ALIAS, replica=REPLICA_DB_ALIAS):
        self.primary = primary
        self.replica = replica

    def db_for_read(self, model, **hints):
        state = _state.get()
        if state is None or not state.replica_allowed or state.wrote:
            return self.primary
        if connections[self.primary].in_atomic_block:
            # Inside a transaction, reads must see what it wrote and what it locks.
            return self.primary
        return self.replica

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not None:
            state.wrote = True
        return self.primary

    def allow_relation(self, obj1, obj2, **hints):
        aliases = {self.primary, self.replica}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == self.primary


class ReplicaMiddleware:
    """Decides, per request, whether its reads may go to the replica (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = request.method in SAFE_METHODS and PIN_COOKIE not in request.COOKIES
        state = _RequestState(replica_allowed=allowed)
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 10),
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response
