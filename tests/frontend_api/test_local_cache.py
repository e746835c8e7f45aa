"""Cached responses are answered before any GraphQL work, from this process's copy when it may."""

import hashlib

import pytest
from django.core.cache import cache

from frontend_api.http import cache as response_cache

from .conftest import get, graphql_data

pytestmark = pytest.mark.django_db

PAGE = "query Page($path: String!) { page(path: $path) { title } }"


def apq(query):
    return {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(query.encode()).hexdigest()}}


class CountingCache:
    """The shared cache, counting the calls made to it."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(cache, name)


@pytest.fixture
def local_copies(settings):
    settings.FRONTEND_API = {**settings.FRONTEND_API, "GENERATION_CHECK_INTERVAL": 60}
    response_cache.clear_local()
    yield
    response_cache.clear_local()


def test_a_cached_response_costs_no_sql_query(client, tree, django_assert_num_queries):
    get(client, PAGE, {"path": "/lajme/"}, extensions=apq(PAGE))  # registers and caches
    with django_assert_num_queries(0):
        response = get(client, variables={"path": "/lajme/"}, extensions=apq(PAGE))
    assert response["X-Cache"] == "HIT"
    assert graphql_data(response) == {"page": {"title": "Lajme"}}
    assert response["Surrogate-Key"].split() == ["graphql", f"graphql-site-{tree['news'].get_site().pk}"]


def test_a_hit_in_a_trusted_generation_skips_the_shared_cache(client, tree, local_copies, monkeypatch):
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"
    counting = CountingCache()
    monkeypatch.setattr(response_cache, "cache", counting)
    response = get(client, PAGE, {"path": "/lajme/"})
    assert response["X-Cache"] == "HIT"
    assert counting.calls == []


def test_changes_here_apply_at_once_and_from_elsewhere_within_the_interval(
    client, tree, local_copies, monkeypatch
):
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"
    response_cache.bump_generation()  # a publish handled by this process
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "HIT"

    cache.incr(response_cache.GENERATION_KEY)  # a publish handled by another process
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "HIT"  # not yet seen here
    now = response_cache.clock()
    monkeypatch.setattr(response_cache, "clock", lambda: now + 61)
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"


def test_a_lost_generation_never_revives_older_responses(client, tree):
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"
    cache.delete(response_cache.GENERATION_KEY)  # evicted, or the cache restarted
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"


def test_a_mutation_over_get_is_refused_even_when_a_query_of_the_same_document_is_cached(client, tree):
    document = (
        "query Q { topics { name } } "
        'mutation M { submitCitizenMessage(input: {kind: "question", subject: "s", text: "t"}) { trackingCode } }'
    )
    assert get(client, document, operationName="Q")["X-Cache"] == "MISS"
    assert get(client, document, operationName="Q")["X-Cache"] == "HIT"
    assert get(client, document, operationName="M").status_code == 405


def test_a_query_not_matching_its_hash_is_refused_even_when_the_hash_is_cached(client, tree):
    assert get(client, PAGE, {"path": "/lajme/"}, extensions=apq(PAGE))["X-Cache"] == "MISS"
    other = "query Page($path: String!) { page(path: $path) { url } }"
    response = get(client, other, {"path": "/lajme/"}, extensions=apq(PAGE))
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_PERSISTED_QUERY"


def test_a_repeated_get_is_answered_early_with_the_same_response_and_security_headers(client, tree):
    first = get(client, PAGE, {"path": "/lajme/"})
    second = get(client, PAGE, {"path": "/lajme/"})  # answered by CachedGetMiddleware
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for header in ("Cache-Control", "Surrogate-Key", "Cache-Tag", "Vary", "X-Content-Type-Options"):
        assert second[header] == first[header], header
    assert second["Referrer-Policy"]
    # Asked for another media type, the same entry is answered in that type.
    other = get(client, PAGE, {"path": "/lajme/"}, accept="application/graphql-response+json")
    assert other["X-Cache"] == "HIT"
    assert other["Content-Type"].startswith("application/graphql-response+json")


def test_signed_in_users_and_posts_are_never_answered_from_the_cache(client, tree, django_user_model):
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "MISS"
    assert get(client, PAGE, {"path": "/lajme/"})["X-Cache"] == "HIT"
    client.force_login(django_user_model.objects.create_user("redaktor", password="x"))
    response = get(client, PAGE, {"path": "/lajme/"})
    assert response["X-Cache"] == "MISS"
    assert response["Cache-Control"] == "private, no-store"
