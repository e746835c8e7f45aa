"""The drill as it happens for real: `manage.py restore` in its own process, into a database just created.

On SQLite the new database is a new file; on PostgreSQL a database created for the test and
dropped after it. Its storage is a new, empty folder. What was restored is read back by
another process and compared with the original.
"""

import hashlib
import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.backup.conftest import snapshot

pytestmark = pytest.mark.django_db

SNAPSHOT = (
    "import django, json, hashlib; django.setup(); "
    "from tests.backup.test_fresh_database import comparable; from tests.backup.conftest import snapshot; "
    "print(json.dumps(comparable(snapshot())))"
)


def comparable(values):
    """The snapshot as JSON would carry it: bytes as their SHA-256, tuples as lists."""

    def plain(value):
        if isinstance(value, bytes):
            return hashlib.sha256(value).hexdigest()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    return plain(values)


@pytest.fixture
def fresh_database(tmp_path):
    """The DATABASE_URL of a new, empty database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip("SQLite and PostgreSQL only")
    import psycopg

    params = settings.DATABASES["default"]
    name = f"restore_drill_{uuid.uuid4().hex[:12]}"
    dsn = {"host": params["HOST"] or "127.0.0.1", "port": params["PORT"] or 5432, "user": params["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{dsn['user']}@{dsn['host']}:{dsn['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url, media_root, *args):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    environment.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(
        [sys.executable, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        cwd=settings.BASE_DIR,
    )


def test_restore_into_a_new_database_in_another_process(content, fresh_database, tmp_path):
    before = comparable(snapshot())
    call_command("backup", str(tmp_path / "backups"))

    media_root = tmp_path / "restored-media"
    restored = manage(fresh_database, media_root, "manage.py", "restore", str(tmp_path / "backups"), "--yes")
    assert restored.returncode == 0, restored.stderr[-3000:]
    assert (tmp_path / "restored-media-documents" / content["document"].file.name).exists()

    read_back = manage(fresh_database, media_root, "-c", SNAPSHOT)
    assert read_back.returncode == 0, read_back.stderr[-3000:]
    assert json.loads(read_back.stdout.strip().splitlines()[-1]) == before

    again = manage(fresh_database, media_root, "manage.py", "restore", str(tmp_path / "backups"), "--yes")
    assert again.returncode != 0
    assert "--force" in again.stderr  # the refusal, in whatever language the command speaks
