"""The test suite: tasks run immediately, fast password hashing, media in a temp dir."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# A frontend to preview on (the headless preview's tests; a test without one clears it). Set
# before the base settings read it: the preview and the CSP's frame-src both follow it.
os.environ.setdefault("FRONTEND_URL", "http://127.0.0.1:3000")

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="cms-test-media-"))
if env.str("MEDIA_ROOT", default="") and os.environ.get("PYTEST_XDIST_WORKER"):
    # A root given to `make test`'s workers is split between them: tests compare what is stored.
    MEDIA_ROOT /= os.environ["PYTEST_XDIST_WORKER"]
DOCUMENTS_ROOT = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-documents"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("PYTEST_XDIST_WORKER") and CACHES["default"]["BACKEND"].endswith(".RedisCache"):  # noqa: F405
    # Tests clear the cache, and a Redis cache's clear() is FLUSHDB: each of `make test`'s
    # workers (gw0, gw1…) takes the database numbered after the one CACHE_URL names (of 16).
    _cache = urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    _db = (int(_cache.path.strip("/") or 0) + int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw"))) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(_cache._replace(path=f"/{_db}"))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Tests clear the cache between them: read the response-cache generation on every request.
FRONTEND_API = {**FRONTEND_API, "GENERATION_CHECK_INTERVAL": 0}  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Admin screens in English unless a test chooses a language (tests/cms/test_admin_language.py):
# assertions on admin labels stay readable and independent of the catalogs.
ADMIN_DEFAULT_LANGUAGE = "en"

# Tests of the citizens' surfaces turn the proof-of-work on themselves (tests/citizens/test_proof.py).
CITIZENS_PROOF_OF_WORK = False

# The provider's webhooks are mounted (cms/urls.py) and checked with this basic-auth secret.
ANYMAIL = {**ANYMAIL, "WEBHOOK_SECRET": "provider:test-webhook-secret"}  # noqa: F405

# The live-server journeys on SQLite use a test database in a file: the in-memory one is shared
# between threads with table locks that fail at once ("database table is locked") when two
# requests of the browser write together; in a file they wait (the base settings' timeout).
_sqlite_test_file = env.str("SQLITE_TEST_FILE", default="")
if _sqlite_test_file and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": _sqlite_test_file}  # noqa: F405
