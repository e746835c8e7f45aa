"""Settings come from the environment; checked in a fresh interpreter each time."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db": settings.DATABASES["default"],
    "cache": settings.CACHES["default"],
    "storage": settings.STORAGES["default"],
    "email": settings.EMAIL_BACKEND,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "hosts": settings.ALLOWED_HOSTS,
    "csrf": settings.CSRF_TRUSTED_ORIGINS,
    "base_url": settings.WAGTAILADMIN_BASE_URL,
    "debug": settings.DEBUG,
}, default=str))
"""

CONFIG_VARS = (
    "DATABASE_URL",
    "CACHE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "ALLOWED_HOSTS",
    "SECRET_KEY",
    "DEBUG",
)


def read_settings(module="cms.settings.dev", **environ):
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env.update(environ, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults():
    config = read_settings()
    assert config["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert config["db"]["NAME"].endswith("var/db.sqlite3")
    assert config["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["email"] == "django.core.mail.backends.console.EmailBackend"
    assert config["tasks"] == "django_tasks_db.DatabaseBackend"


def test_database_url():
    config = read_settings(DATABASE_URL="postgres://cms:secret@db.internal:5433/municipality")
    assert config["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert (config["db"]["HOST"], config["db"]["PORT"], config["db"]["NAME"]) == (
        "db.internal",
        5433,
        "municipality",
    )
    assert config["db"]["USER"] == "cms"


def test_s3_storage_when_a_bucket_is_set():
    config = read_settings(
        AWS_STORAGE_BUCKET_NAME="komuna-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="cdn.example.org",
    )
    assert config["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = config["storage"]["OPTIONS"]
    assert options["bucket_name"] == "komuna-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["custom_domain"] == "cdn.example.org"
    assert options["querystring_auth"] is False


@pytest.mark.parametrize(
    ("variable", "url"),
    [("CACHE_URL", "redis://127.0.0.1:6379/3"), ("REDIS_URL", "redis://127.0.0.1:6379/4")],
)
def test_cache_url(variable, url):
    config = read_settings(**{variable: url})
    assert config["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["cache"]["LOCATION"] == url


def test_email_url_and_hosts():
    config = read_settings(
        EMAIL_URL="smtp://mailer:pw@127.0.0.1:2525",
        ALLOWED_HOSTS="komuna.example,www.komuna.example",
    )
    assert config["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["hosts"] == ["komuna.example", "www.komuna.example"]


def test_production_requires_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_with_a_secret_key():
    config = read_settings("cms.settings.production", SECRET_KEY="x" * 50)
    assert config["debug"] is False
