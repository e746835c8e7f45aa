"""Per-process site values (restrictions, private collections) live only as long as the shared generation.

A change made through another process reaches this one by the generation in the
shared cache alone: simulated here by writing without signals (``bulk_create``)
and incrementing the generation as the other process would.
(The same with two real app processes: ``tests/frontend_api/test_two_processes.py``.)
"""

import pytest
from django.core.cache import cache
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from frontend_api.core.site import snapshots
from frontend_api.http import cache as response_cache

from .conftest import get, graphql_data, make_document

pytestmark = pytest.mark.django_db

# Each request a different document: no cached response, only the kept site values are reused.
PAGE = "query Page{n}($path: String!) {{ page(path: $path) {{ title }} }}"
DOCUMENTS = "query Documents{n} {{ documents(first: 10) {{ edges {{ node {{ title }} }} }} }}"


@pytest.fixture
def interval(settings):
    settings.FRONTEND_API = {**settings.FRONTEND_API, "GENERATION_CHECK_INTERVAL": 60}
    response_cache.clear_local()
    yield 60
    response_cache.clear_local()


def later(monkeypatch, seconds):
    now = response_cache.clock()
    monkeypatch.setattr(response_cache, "clock", lambda: now + seconds)


def title(client, n, path="/lajme/"):
    page = graphql_data(get(client, PAGE.format(n=n), {"path": path}))["page"]
    return page and page["title"]


def document_titles(client, n):
    data = graphql_data(get(client, DOCUMENTS.format(n=n)))
    return [edge["node"]["title"] for edge in data["documents"]["edges"]]


def test_a_restriction_made_elsewhere_applies_once_the_shared_generation_is_read(
    client, tree, interval, monkeypatch
):
    assert title(client, 1) == "Lajme"
    assert snapshots.generation == response_cache.generation()

    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=tree["news"], restriction_type="login")]
    )
    cache.incr(response_cache.GENERATION_KEY)  # the other process's bump
    assert title(client, 2) == "Lajme"  # this process trusts the generation it read for the interval

    later(monkeypatch, interval + 1)
    assert title(client, 3) is None
    assert snapshots.generation == cache.get(response_cache.GENERATION_KEY)


def test_a_private_collection_made_elsewhere_applies_once_the_shared_generation_is_read(
    client, tree, interval, monkeypatch
):
    internal = Collection.get_first_root_node().add_child(name="Internal")
    make_document("Budget draft", collection=internal)
    assert document_titles(client, 1) == ["Budget draft"]

    CollectionViewRestriction.objects.bulk_create(
        [CollectionViewRestriction(collection=internal, restriction_type="password", password="x")]
    )
    cache.incr(response_cache.GENERATION_KEY)
    later(monkeypatch, interval + 1)
    assert document_titles(client, 2) == []


def test_without_a_new_generation_the_kept_values_are_used(client, tree):
    """What the values are keyed by: nothing but the generation (the test above needs the bump)."""
    assert title(client, 1) == "Lajme"
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=tree["news"], restriction_type="login")]
    )
    assert title(client, 2) == "Lajme"
    cache.incr(response_cache.GENERATION_KEY)
    assert title(client, 3) is None


def test_a_cache_that_keeps_nothing_never_reuses_site_values(client, tree, settings):
    """With DummyCache there is no shared generation to key by: every request reads the database."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response_cache.clear_local()
    assert title(client, 1) == "Lajme"
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=tree["news"], restriction_type="login")]
    )
    assert title(client, 2) is None
