"""Fixtures and helpers for the GraphQL API tests."""

import json

import pytest
from django.core.cache import cache

from frontend_api.http import cache as response_cache
from frontend_api.http.documents import documents


@pytest.fixture(autouse=True)
def _fresh_caches():
    cache.clear()
    response_cache.clear_local()
    documents.clear()
    yield
    cache.clear()
    response_cache.clear_local()


def post(client, query, variables=None, accept="application/json", **extra):
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    body.update(extra)
    return client.post(
        "/graphql/", data=json.dumps(body), content_type="application/json", HTTP_ACCEPT=accept
    )


def get(client, query=None, variables=None, accept="application/json", **params):
    data = {key: json.dumps(value) if isinstance(value, dict) else value for key, value in params.items()}
    if query is not None:
        data["query"] = query
    if variables is not None:
        data["variables"] = json.dumps(variables)
    return client.get("/graphql/", data=data, HTTP_ACCEPT=accept)


def graphql_data(response):
    """The response's data; fails on any error or a non-200 status."""
    assert response.status_code == 200, response.content
    content = response.json()
    assert "errors" not in content, content["errors"]
    return content["data"]


def graphql_errors(response):
    content = response.json()
    assert content.get("errors"), content
    return content["errors"]


@pytest.fixture
def gql(client):
    """Run a query by POST and return its data (failing on any error)."""

    def run(query, variables=None):
        return graphql_data(post(client, query, variables))

    return run


def add_page(parent, title, slug, live=True, **fields):
    """A plain page under ``parent`` in the parent's locale, published unless ``live=False``."""
    from wagtail.models import Page

    page = parent.add_child(
        instance=Page(title=title, slug=slug, locale_id=parent.locale_id, live=False, **fields)
    )
    if live:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def translate_page(page, locale, title, slug, live=True):
    """The translation of ``page`` into ``locale`` (its parent must be translated already)."""
    translation = page.copy_for_translation(locale)
    translation.title, translation.slug = title, slug
    translation.save()
    if live:
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation


@pytest.fixture
def tree(home_pages, locales):
    """sq: /lajme/ → /lajme/lajm-1/, /draft/ (never published), /private/ (password) → /private/brenda/.
    sr: /sr/vesti/ → /sr/vesti/vest-1/. en: /en/news/ only (its child is not translated)."""
    from wagtail.models import PageViewRestriction

    news = add_page(home_pages["sq"], "Lajme", "lajme")
    item = add_page(news, "Lajm 1", "lajm-1")
    draft = add_page(home_pages["sq"], "Draft", "draft", live=False)
    private = add_page(home_pages["sq"], "Private", "private")
    inside = add_page(private, "Brenda", "brenda")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    news_sr = translate_page(news, locales["sr"], "Вести", "vesti")
    item_sr = translate_page(item, locales["sr"], "Вест 1", "vest-1")
    news_en = translate_page(news, locales["en"], "News", "news")
    return {
        "news": news,
        "item": item,
        "draft": draft,
        "private": private,
        "inside": inside,
        "news_sr": news_sr,
        "item_sr": item_sr,
        "news_en": news_en,
    }


def make_document(title, collection=None, **fields):
    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    from documents.models import Document

    collection = collection or Collection.get_first_root_node()
    document = Document(title=title, collection=collection, mime_type="application/pdf", **fields)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.file_size = document.file.size
    document.save()
    return document


@pytest.fixture
def private_collection(db):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="password", password="x")
    return collection
