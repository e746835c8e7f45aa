"""Two real app servers sharing PostgreSQL and Redis see every change within the generation check interval.

Two gunicorn processes with the production settings serve /graphql/ (each keeps
its own copies of responses and site values); this test process, a third one,
changes the content with the ORM as the admin would. Each server must stop
serving a page made private or unpublished, and serve it again once public,
within ``GRAPHQL_GENERATION_CHECK_INTERVAL`` (plus the time a request takes).
"""

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import PageViewRestriction

from frontend_api.http import cache as response_cache
from tests.cms.test_settings import CONFIG_VARS

REDIS = ("127.0.0.1", 6379)
REDIS_DB = 3
INTERVAL = 1.0
# What a loaded CI machine may add to the interval: a poll, a request, a scheduling delay.
SLACK = 2.0
PAGE = "query Page($path: String!) { page(path: $path) { title } }"


def redis_available():
    try:
        with socket.create_connection(REDIS, timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="App servers in other processes need PostgreSQL (set DATABASE_URL).",
    ),
    pytest.mark.skipif(not redis_available(), reason="Needs Redis at 127.0.0.1:6379."),
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_database,
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """``gunicorn cms.wsgi`` with one worker on a free port."""

    def __init__(self, name, env, log):
        self.name = name
        self.port = free_port()
        self.log = log
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--log-level",
            "warning",
        ]
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self):
        return self.log.read_text(errors="replace")[-4000:]

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"App server {self.name} exited:\n{self.output()}")
            try:
                if self.request("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"App server {self.name} did not answer /healthz within {timeout} s:\n{self.output()}")

    def request(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept": "application/json"})
            response = connection.getresponse()
            return response.status, response.getheader("X-Cache"), response.read()
        finally:
            connection.close()

    def page(self, path):
        """(title of the page at ``path`` or None, X-Cache) from this server's API."""
        query = urllib.parse.urlencode({"query": PAGE, "variables": json.dumps({"path": path})})
        status, cache_status, body = self.request(f"/graphql/?{query}")
        assert status == 200, body
        content = json.loads(body)
        assert "errors" not in content, content
        page = content["data"]["page"]
        return (page and page["title"]), cache_status

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def shared_cache():
    """Redis under a key prefix of this test's own, for this process and the app servers."""
    import redis

    prefix = f"test-two-processes-{os.getpid()}-{secrets.token_hex(4)}"
    url = f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    response_cache.clear_local()
    with override_settings(CACHES=caches):
        yield {"CACHE_URL": url, "CACHE_KEY_PREFIX": prefix}
    response_cache.clear_local()
    # Only our keys: other processes may use the same Redis (never FLUSHDB here).
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def servers(shared_cache, tmp_path):
    database = settings.DATABASES["default"]
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env.update(
        shared_cache,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=(
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DOCUMENTS_ROOT=str(settings.DOCUMENTS_ROOT),
        GRAPHQL_GENERATION_CHECK_INTERVAL=str(INTERVAL),
        LOG_LEVEL="WARNING",
    )
    started = []
    try:
        for name in ("A", "B"):
            started.append(AppServer(name, env, tmp_path / f"gunicorn-{name}.log"))
        for server in started:
            server.wait_until_up()
        yield started
    finally:
        for server in started:
            server.stop()


def until_every_server_says(servers, path, title, timeout=INTERVAL + SLACK):
    """Poll until each server answers ``title`` for ``path``; the seconds each one took."""
    start = time.monotonic()
    took = {}
    while len(took) < len(servers):
        elapsed = time.monotonic() - start
        for server in servers:
            if server.name not in took and server.page(path)[0] == title:
                took[server.name] = elapsed
        if len(took) < len(servers):
            if elapsed > timeout:
                answers = {server.name: server.page(path)[0] for server in servers}
                pytest.fail(f"After {elapsed:.1f} s, {path} is still {answers}, expected {title!r}")
            time.sleep(0.05)
    return took


def warm(servers, path, title):
    """Each server answers from its own copies: the change must reach them through Redis."""
    for server in servers:
        assert server.page(path)[0] == title
        assert server.page(path) == (title, "HIT")


def test_changes_reach_every_app_server_within_the_generation_check_interval(servers, tree):
    news = tree["news"]
    warm(servers, "/lajme/", "Lajme")

    restriction = PageViewRestriction.objects.create(page=news, restriction_type="login")
    until_every_server_says(servers, "/lajme/", None)
    until_every_server_says(servers, "/lajme/lajm-1/", None)  # and its descendants

    warm(servers, "/lajme/", None)
    restriction.delete()
    until_every_server_says(servers, "/lajme/", "Lajme")

    warm(servers, "/lajme/", "Lajme")
    news.title = "Lajme të reja"
    news.save_revision().publish()
    until_every_server_says(servers, "/lajme/", "Lajme të reja")

    warm(servers, "/lajme/", "Lajme të reja")
    news.refresh_from_db()
    news.unpublish()
    until_every_server_says(servers, "/lajme/", None)

    warm(servers, "/lajme/", None)
    news.refresh_from_db()
    news.save_revision().publish()
    until_every_server_says(servers, "/lajme/", "Lajme të reja")
