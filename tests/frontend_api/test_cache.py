"""Response caching, its invalidation, persisted queries and HTTP caching headers."""

import hashlib

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from home.factories import TopicFactory

from .conftest import get, graphql_data, graphql_errors, make_document

PAGE = "query Page($path: String!) { page(path: $path) { title } }"
TOPICS = "{ topics { name } }"
DOCUMENTS = "{ documents { totalCount } }"

pytestmark = pytest.mark.django_db


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def apq(digest):
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_anonymous_get_responses_are_cached_with_http_headers(client, tree):
    first = get(client, PAGE, {"path": "/lajme/"})
    second = get(client, PAGE, {"path": "/lajme/"})
    assert graphql_data(first) == graphql_data(second) == {"page": {"title": "Lajme"}}
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert second["Surrogate-Key"].split() == ["graphql", f"graphql-site-{tree['news'].get_site().pk}"]
    assert "Accept" in second["Vary"]
    assert get(client, PAGE, {"path": "/sr/vesti/"})["X-Cache"] == "MISS"  # other variables, other entry


def test_publishing_invalidates_cached_responses(client, tree, django_capture_on_commit_callbacks):
    assert graphql_data(get(client, PAGE, {"path": "/lajme/"}))["page"]["title"] == "Lajme"
    news = tree["news"]
    news.title = "Lajmet"
    news.save_revision().publish()
    response = get(client, PAGE, {"path": "/lajme/"})
    assert response["X-Cache"] == "MISS"
    assert graphql_data(response)["page"]["title"] == "Lajmet"
    news.unpublish()
    assert graphql_data(get(client, PAGE, {"path": "/lajme/"}))["page"] is None


def test_reference_data_and_documents_invalidate_cached_responses(client):
    topic = TopicFactory(name_sq="Arsimi")
    assert graphql_data(get(client, TOPICS)) == {"topics": [{"name": "Arsimi"}]}
    topic.name_sq = "Kultura"
    topic.save()
    assert graphql_data(get(client, TOPICS)) == {"topics": [{"name": "Kultura"}]}

    assert graphql_data(get(client, DOCUMENTS))["documents"]["totalCount"] == 0
    document = make_document("Vendimi")
    assert graphql_data(get(client, DOCUMENTS))["documents"]["totalCount"] == 1
    document.delete()
    assert graphql_data(get(client, DOCUMENTS))["documents"]["totalCount"] == 0


def test_signed_in_users_get_uncached_private_responses(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    get(client, TOPICS)
    response = get(client, TOPICS)
    assert response["X-Cache"] == "MISS"
    assert response["Cache-Control"] == "private, no-store"


def test_post_responses_are_not_cdn_cacheable(client):
    from .conftest import post

    assert post(client, TOPICS)["Cache-Control"] == "no-cache"


def test_automatic_persisted_query_round_trip(client):
    TopicFactory(name_sq="Arsimi")
    digest = sha256(TOPICS)

    missing = get(client, extensions=apq(digest))
    assert missing.status_code == 200
    error = graphql_errors(missing)[0]
    assert error["message"] == "PersistedQueryNotFound"
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert missing["Cache-Control"] == "private, no-store"

    registered = get(client, TOPICS, extensions=apq(digest))
    assert graphql_data(registered) == {"topics": [{"name": "Arsimi"}]}

    by_hash = get(client, extensions=apq(digest))
    assert graphql_data(by_hash) == {"topics": [{"name": "Arsimi"}]}
    assert by_hash["Cache-Control"].startswith("public")


def test_persisted_query_hash_must_match(client):
    errors = graphql_errors(get(client, TOPICS, extensions=apq(sha256("{ other }"))))
    assert errors[0]["message"] == "provided sha does not match query"


def test_cdn_is_purged_on_publish(client, tree, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tree["news"].save_revision().publish()
    assert f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/graphql/" in RecordingBackend.purged


def test_moving_a_page_invalidates_cached_responses(client, tree):
    assert graphql_data(get(client, PAGE, {"path": "/lajme/lajm-1/"}))["page"]["title"] == "Lajm 1"
    tree["item"].move(tree["news"].get_parent(), pos="last-child")
    assert graphql_data(get(client, PAGE, {"path": "/lajme/lajm-1/"}))["page"] is None
    assert graphql_data(get(client, PAGE, {"path": "/lajm-1/"}))["page"]["title"] == "Lajm 1"


def test_making_a_page_private_invalidates_cached_responses(client, tree):
    from wagtail.models import PageViewRestriction

    assert graphql_data(get(client, PAGE, {"path": "/lajme/"}))["page"] is not None
    PageViewRestriction.objects.create(page=tree["news"], restriction_type="login")
    assert graphql_data(get(client, PAGE, {"path": "/lajme/"}))["page"] is None


def test_parsed_documents_are_cached(client, monkeypatch):
    from frontend_api.http import documents as document_cache

    calls = []
    parse = document_cache.parse
    monkeypatch.setattr(document_cache, "parse", lambda *a, **k: calls.append(1) or parse(*a, **k))
    from .conftest import post

    for _ in range(3):
        graphql_data(post(client, TOPICS))
    assert calls == [1]
