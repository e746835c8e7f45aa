"""`check --deploy` refuses a default cache that the app processes do not share."""

import os
import subprocess
import sys

import pytest
from django.core.checks import Error, Warning, run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.checks import check_shared_cache
from tests.cms.test_settings import CONFIG_VARS, ROOT


def cache(backend):
    return {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}


@pytest.mark.parametrize("backend", ["locmem.LocMemCache", "dummy.DummyCache"])
def test_a_per_process_cache_is_an_error(settings, backend):
    settings.CACHES = cache(backend)
    [error] = check_shared_cache()
    assert isinstance(error, Error) and error.id == "cms.E001"
    assert "CACHE_URL=redis://" in error.hint


@pytest.mark.parametrize("backend", ["filebased.FileBasedCache", "db.DatabaseCache"])
def test_a_cache_without_atomic_increments_is_a_warning(settings, backend):
    settings.CACHES = cache(backend)
    [warning] = check_shared_cache()
    assert isinstance(warning, Warning) and warning.id == "cms.W001"
    assert "CACHE_URL=redis://" in warning.hint


@pytest.mark.parametrize("backend", ["redis.RedisCache", "memcached.PyMemcacheCache"])
def test_a_shared_cache_passes(settings, backend):
    settings.CACHES = cache(backend)
    assert check_shared_cache() == []


def test_it_is_a_deploy_check(settings):
    settings.CACHES = cache("locmem.LocMemCache")
    assert "cms.E001" not in [message.id for message in run_checks()]
    assert "cms.E001" in [message.id for message in run_checks(include_deployment_checks=True)]
    with pytest.raises(SystemCheckError, match="cms.E001"):
        call_command("check", "--deploy")


def deploy_check(**environ):
    # Not what the browser journeys' conftest sets for itself when the whole suite is collected.
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-production-like-secret-key-of-more-than-fifty-characters-0123456789",
        ALLOWED_HOSTS="komuna.example",
        CSRF_TRUSTED_ORIGINS="https://komuna.example",
        WAGTAILADMIN_BASE_URL="https://komuna.example",
        **environ,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_without_a_shared_cache_fail_the_deploy_check():
    result = deploy_check()
    assert result.returncode != 0
    assert "cms.E001" in result.stderr and "CACHE_URL=redis://" in result.stderr


def test_production_settings_with_redis_pass_the_deploy_check():
    # Checks do not connect: no Redis server is needed here.
    result = deploy_check(CACHE_URL="redis://127.0.0.1:6379/2")
    assert result.returncode == 0, result.stderr
