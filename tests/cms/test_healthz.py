"""``/healthz`` against real services: a healthy stack, then a broken cache and database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter, so the broken service is configured exactly as in production.
PROBE = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": json.loads(response.content)}))
"""


def probe(**environ):
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
    env.update(environ, DJANGO_SETTINGS_MODULE="cms.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthy_with_redis_cache():
    result = probe(CACHE_URL="redis://127.0.0.1:6379/9")
    assert result["status"] == 200
    assert result["body"]["checks"]["cache"] == "ok"


def test_broken_cache_is_503_naming_the_cache():
    # Nothing listens on port 1: the cache is unreachable.
    result = probe(CACHE_URL="redis://127.0.0.1:1/0")
    assert result["status"] == 503
    assert result["body"]["failing"] == ["cache"]
    assert result["body"]["checks"]["database"] == "ok"


def test_broken_database_is_503_naming_the_database():
    result = probe(DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing")
    assert result["status"] == 503
    assert "database" in result["body"]["failing"]
    assert "Traceback" not in json.dumps(result["body"])


def test_a_read_replica_is_checked_too(tmp_path):
    result = probe(DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'replica.sqlite3'}")
    assert result["status"] == 200
    assert result["body"]["checks"] == {"database": "ok", "replica": "ok", "cache": "ok", "storage": "ok"}


def test_broken_replica_is_503_naming_the_replica():
    result = probe(DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:1/nothing")
    assert result["status"] == 503
    assert result["body"]["failing"] == ["replica"]
    assert result["body"]["checks"]["database"] == "ok"
