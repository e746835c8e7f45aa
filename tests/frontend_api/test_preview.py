"""Drafts through wagtail-headless-preview tokens only."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from .conftest import get, graphql_data, graphql_errors, post

SERBIAN_HOME = '{ page(path: "/sr/") { title } }'
PREVIEW = (
    "query Preview($token: String!) { page(token: $token) { title url locale ... on HomePage { intro } } }"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_preview(home_pages):
    """A preview of an unpublished edit of the Serbian home page, as the admin's preview button stores it."""
    home = home_pages["sr"]
    home.title = "Нацрт"
    home.intro = "<p>Нацрт</p>"
    preview = home.create_page_preview()
    preview.save()
    return preview


def test_valid_token_serves_the_draft_uncached(client, draft_preview):
    response = get(client, PREVIEW, {"token": draft_preview.token})
    page = graphql_data(response)["page"]
    assert page == {"title": "Нацрт", "url": "/sr/", "locale": "SR", "intro": "<p>Нацрт</p>"}
    assert response["Cache-Control"] == "private, no-store"
    assert get(client, PREVIEW, {"token": draft_preview.token})["X-Cache"] == "MISS"


def test_published_version_is_unchanged(gql, draft_preview):
    assert gql(SERBIAN_HOME)["page"]["title"] != "Нацрт"


def test_invalid_token_is_refused(client, draft_preview):
    errors = graphql_errors(post(client, PREVIEW, {"token": draft_preview.token + "x"}))
    assert errors[0]["message"] == "The preview token is not valid."
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"
    errors = graphql_errors(post(client, PREVIEW, {"token": "id=1:forged"}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"


def test_expired_token_is_refused(client, draft_preview):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        errors = graphql_errors(post(client, PREVIEW, {"token": draft_preview.token}))
    assert errors[0]["message"] == "The preview token has expired; open the preview again."
    assert errors[0]["extensions"]["code"] == "PREVIEW_EXPIRED"


def test_signed_token_without_stored_preview_is_refused(client, draft_preview):
    draft_preview.delete()
    errors = graphql_errors(post(client, PREVIEW, {"token": draft_preview.token}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"


def test_admin_preview_points_at_the_frontend(admin_client, home_pages, settings):
    home = home_pages["sq"]
    response = admin_client.post(
        f"/admin/pages/{home.pk}/edit/preview/",
        {"title": "Komuna", "slug": home.slug, "intro": '{"blocks": [], "entityMap": {}}'},
    )
    assert response.status_code == 200
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert settings.FRONTEND_URL in response.content.decode()
    assert "token=" in response.content.decode()


def test_without_a_frontend_the_preview_shows_this_sites_page(admin_client, home_pages, settings):
    settings.FRONTEND_URL = ""
    home = home_pages["sq"]
    admin_client.post(
        f"/admin/pages/{home.pk}/edit/preview/",
        {"title": "Komuna e re", "slug": home.slug, "intro": '{"blocks": [], "entityMap": {}}'},
    )
    html = admin_client.get(f"/admin/pages/{home.pk}/edit/preview/").content.decode()
    assert "Komuna e re" in html
    assert "token=" not in html
