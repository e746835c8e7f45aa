"""Attacks on the GraphQL API: each test is one attempt that must fail."""

import datetime
import hashlib
import json

import pytest
import time_machine
from django.utils import timezone

from tests.frontend_api.conftest import get, graphql_errors, make_document, post

PAGE_BY_PATH = "query P($path: String!) { page(path: $path) { id title } }"
PAGE_BY_ID = "query P($id: ID!) { page(id: $id) { id title } }"
HOME_CHILDREN = "{ homePage { children(first: 100) { edges { node { title } } } } }"
RELATIVES = (
    "query P($path: String!) { page(path: $path) { parent { title } "
    "children(first: 100) { edges { node { title } } } translations { title } } }"
)
PREVIEW = "query P($token: String!) { page(token: $token) { title } }"
DOCUMENTS = "{ documents(first: 100) { edges { node { title url } } } }"
DOCUMENT = "query D($id: ID!) { document(id: $id) { title } }"
TYPENAME = "{ __typename }"
RESPONSE_JSON = "application/graphql-response+json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.FRONTEND_API = {**settings.FRONTEND_API, "INTROSPECTION": False, "FIELD_SUGGESTIONS": False}


# --- drafts and restricted pages ----------------------------------------------------


@pytest.mark.parametrize("path", ["/draft/", "/private/", "/private/brenda/"])
def test_draft_or_restricted_page_by_path(gql, tree, path):
    assert gql(PAGE_BY_PATH, {"path": path})["page"] is None


@pytest.mark.parametrize("name", ["draft", "private", "inside"])
def test_draft_or_restricted_page_by_id(gql, tree, name):
    assert gql(PAGE_BY_ID, {"id": str(tree[name].pk)})["page"] is None


def test_draft_or_restricted_page_in_listings(gql, tree):
    titles = [edge["node"]["title"] for edge in gql(HOME_CHILDREN)["homePage"]["children"]["edges"]]
    assert "Draft" not in titles and "Private" not in titles


@pytest.mark.parametrize("restriction", ["login", "groups"])
def test_login_or_group_restricted_page_by_path(gql, tree, restriction):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restricted = tree["news"]
    view = PageViewRestriction.objects.create(page=restricted, restriction_type=restriction)
    if restriction == "groups":
        view.groups.add(Group.objects.create(name="Staff"))
    assert gql(PAGE_BY_PATH, {"path": "/lajme/"})["page"] is None
    assert gql(PAGE_BY_PATH, {"path": "/lajme/lajm-1/"})["page"] is None


def test_restricted_child_through_parent_children_and_translations(gql, tree):
    from tests.frontend_api.content import make_private

    make_private(tree["item"])
    news = gql(RELATIVES, {"path": "/lajme/"})["page"]
    assert news["children"]["edges"] == []
    make_private(tree["news_sr"])
    assert all(t["title"] != "Вести" for t in gql(RELATIVES, {"path": "/lajme/"})["page"]["translations"])


# --- documents ---------------------------------------------------------------------


def test_private_collection_document_through_the_api(gql, private_collection):
    secret = make_document("Secret", collection=private_collection)
    make_document("Public")
    titles = [edge["node"]["title"] for edge in gql(DOCUMENTS)["documents"]["edges"]]
    assert titles == ["Public"]
    assert gql(DOCUMENT, {"id": str(secret.pk)})["document"] is None


def test_private_collection_document_file_url_for_anonymous(client, private_collection):
    secret = make_document("Secret", collection=private_collection)
    response = client.get(secret.url)  # a password form or 404, never the file
    assert not response.streaming
    assert b"%PDF" not in response.content
    assert response["Content-Type"].startswith("text/html")


def test_served_document_headers_forbid_sniffing_and_html(client):
    document = make_document("Public")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "html" not in response["Content-Type"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") or (
        disposition.startswith("inline") and response["Content-Type"] == "application/pdf"
    )


# --- preview tokens ----------------------------------------------------------------


@pytest.fixture
def draft_preview(home_pages):
    home = home_pages["sr"]
    home.title = "Нацрт"
    preview = home.create_page_preview()
    preview.save()
    return preview


@pytest.mark.parametrize("token", ["id=1:forged", "x", "id=1"])
def test_forged_preview_token(client, draft_preview, token):
    errors = graphql_errors(post(client, PREVIEW, {"token": token}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"
    assert "Нацрт" not in json.dumps(errors)


def test_tampered_preview_token(client, draft_preview):
    errors = graphql_errors(post(client, PREVIEW, {"token": draft_preview.token + "x"}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"


def test_expired_preview_token(client, draft_preview):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        errors = graphql_errors(post(client, PREVIEW, {"token": draft_preview.token}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_EXPIRED"


def test_preview_token_of_another_page_signed_without_a_stored_preview(client, draft_preview, home_pages):
    from wagtail_headless_preview.models import HeadlessPreviewMixin

    other = HeadlessPreviewMixin.get_preview_signer().sign(f"id={home_pages['en'].pk}")
    errors = graphql_errors(post(client, PREVIEW, {"token": other}))
    assert errors[0]["extensions"]["code"] == "PREVIEW_INVALID"


# --- schema discovery --------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["{ __schema { types { name } } }", '{ __type(name: "Query") { fields { name } } }']
)
def test_introspection_in_production(client, production, query):
    errors = graphql_errors(post(client, query))
    assert "introspection" in errors[0]["message"].lower()
    assert "Query" not in json.dumps(response_data(post(client, query)))


def response_data(response):
    return response.json().get("data")


def test_field_suggestions_in_production(client, production):
    message = graphql_errors(post(client, "{ topic { name } }"))[0]["message"]
    assert "Did you mean" not in message


# --- oversized queries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ('{ page(path: "/") { ' + "parent { " * 20 + "id" + " }" * 20 + " } }", "levels deep"),
        ("{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }", "aliases"),
        ("{ " + " ".join(["__typename"] * 5001) + " }", "tokens"),
        ("{ __typename }" + " " * 100_001, None),
    ],
    ids=["depth", "aliases", "tokens", "source-size"],
)
def test_oversized_query(client, home_page, query, needle):
    response = post(client, query, accept=RESPONSE_JSON)
    assert 400 <= response.status_code < 500
    errors = graphql_errors(response)
    if needle:
        assert needle in errors[0]["message"]


# --- transport ---------------------------------------------------------------------


def test_mutation_over_get(client):
    response = get(client, "mutation M { x }")
    assert response.status_code == 405


def test_form_post_cross_site(client):
    from django.test import Client

    forged = Client(enforce_csrf_checks=True).post(
        "/graphql/", {"query": TYPENAME}, HTTP_ORIGIN="https://evil.example"
    )
    assert forged.status_code == 415
    # A GraphQL multipart request (file uploads) from a cross-site form: it cannot add the header.
    operations = json.dumps({"query": "mutation { submitCitizenMessage(input: {}) { trackingCode } }"})
    upload = Client(enforce_csrf_checks=True).post(
        "/graphql/", {"operations": operations, "map": "{}"}, HTTP_ORIGIN="https://evil.example"
    )
    assert upload.status_code == 415 and "Apollo-Require-Preflight" in upload.content.decode()
    text = Client().post("/graphql/", data=TYPENAME, content_type="text/plain")
    assert text.status_code == 415


def test_cors_headers_for_a_foreign_origin(client):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": TYPENAME}),
        content_type="application/json",
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.get("Access-Control-Allow-Origin") not in ("*", "https://evil.example")
    assert response.get("Access-Control-Allow-Credentials") is None


# --- caches ------------------------------------------------------------------------


def test_cache_poisoning_across_hosts(client, tree, settings):
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.create(hostname="other.example", port=80, root_page=tree["news"])
    query = "{ homePage { title } }"
    first = client.get("/graphql/", {"query": query}, HTTP_HOST="localhost")
    assert first["X-Cache"] == "MISS"
    assert client.get("/graphql/", {"query": query}, HTTP_HOST="localhost")["X-Cache"] == "HIT"
    other = client.get("/graphql/", {"query": query}, HTTP_HOST="other.example")
    assert other["X-Cache"] == "MISS"


def test_signed_in_response_served_to_anonymous_and_back(client, tree, django_user_model):
    query = "{ homePage { title } }"
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    signed_in = client.get("/graphql/", {"query": query})
    assert signed_in["Cache-Control"] == "private, no-store"
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/graphql/", {"query": query})
    assert anonymous["X-Cache"] == "MISS"
    client.force_login(user)
    again = client.get("/graphql/", {"query": query})
    assert again["X-Cache"] == "MISS" and again["Cache-Control"] == "private, no-store"


def test_persisted_query_hash_mismatch(client):
    digest = hashlib.sha256(b"{ other }").hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    errors = graphql_errors(get(client, TYPENAME, extensions=extensions))
    assert errors[0]["extensions"]["code"] == "INVALID_PERSISTED_QUERY"
    replay = graphql_errors(get(client, extensions=extensions))
    assert replay[0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


# --- images ------------------------------------------------------------------------


@pytest.mark.parametrize("preset", ['"fill-99999x99999"', "WIDTH_99999", '"original"'])
def test_arbitrary_rendition_spec(client, preset):
    query = "{ newsPages(first: 1) { edges { node { leadImage { rendition(preset: %s) { url } } } } } }"
    response = post(client, query % preset, accept=RESPONSE_JSON)
    assert response.status_code == 400
    assert graphql_errors(response)


def test_rendition_presets_are_bounded():
    from frontend_api.core.images import all_specs

    for spec in all_specs():
        sizes = [int(n) for part in spec.split("-")[1:] for n in part.split("x")]
        assert max(sizes) <= 2400, spec
