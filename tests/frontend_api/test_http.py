"""The /graphql/ endpoint: GraphQL over HTTP, limits and production behaviour."""

import json

import pytest

from .conftest import get, graphql_data, graphql_errors, post

TOPICS = "query Topics($locale: Locale) { topics(locale: $locale) { name } }"
UNKNOWN_FIELD = "{ topics { name nonsense } }"
MUTATION = "mutation { publish }"
SUBSCRIPTION = "subscription { changes }"
QUERY_AND_MUTATION = "query Q { __typename } mutation M { x }"
TWO_QUERIES = "query Q { __typename } query R { __typename }"
TYPENAME = "{ __typename }"
INTROSPECTION = "{ __schema { queryType { name } } }"
MISSPELT = "{ topic { name } }"
UNDEFINED_FRAGMENT = "{ ...Missing }"
NESTED_PARENTS = '{ page(path: "/") { ' + "parent { " * 15 + "id" + " }" * 15 + " } }"
MANY_ALIASES = "{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }"
MANY_FIELDS = "{ bodies { " + " ".join(["id"] * 20) + " } }"
RESPONSE_JSON = "application/graphql-response+json"

pytestmark = pytest.mark.django_db


def test_get_runs_queries(client):
    response = get(client, TOPICS, {"locale": "SR"})
    assert graphql_data(response) == {"topics": []}
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_graphql_response_media_type_when_accepted(client):
    response = post(client, TOPICS, accept=RESPONSE_JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{RESPONSE_JSON}; charset=utf-8"


@pytest.mark.parametrize(("accept", "status"), [("application/json", 200), (RESPONSE_JSON, 400)])
def test_unknown_field_is_rejected_with_the_custom_rules_on(client, accept, status):
    response = post(client, UNKNOWN_FIELD, accept=accept)
    assert response.status_code == status
    assert graphql_errors(response)[0]["message"] == "Cannot query field 'nonsense' on type 'Topic'."


@pytest.mark.parametrize(
    "operation", [MUTATION, "subscription { changes }", "query Q { __typename } mutation M { x }"]
)
def test_mutation_over_get_is_not_allowed(client, operation):
    params = {"operationName": "M"} if "mutation M" in operation else {}
    response = get(client, operation, **params)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_get_runs_the_named_operation(client):
    response = get(client, TWO_QUERIES, operationName="Q")
    assert graphql_data(response) == {"__typename": "Query"}


def test_an_unknown_mutation_is_refused(client):
    response = post(client, MUTATION, accept=RESPONSE_JSON)
    assert response.status_code == 400
    assert graphql_errors(response)[0]["message"] == "Cannot query field 'publish' on type 'Mutation'."


def test_request_errors(client):
    assert client.put("/graphql/").status_code == 405
    assert client.post("/graphql/", data="{", content_type="application/json").status_code == 400
    response = client.post(
        "/graphql/", data=json.dumps([{"query": TYPENAME}]), content_type="application/json"
    )
    assert "Batched requests" in graphql_errors(response)[0]["message"]
    assert client.post("/graphql/", data={"query": TYPENAME}).status_code == 415
    assert get(client, TYPENAME, accept="text/html").status_code == 406
    response = client.get("/graphql/", {"query": TOPICS, "variables": "{"})
    assert graphql_errors(response)[0]["message"] == "`variables` must be JSON."
    assert graphql_errors(get(client))[0]["message"] == "Give a GraphQL `query`."


def test_bad_variables_are_a_request_error(client):
    response = post(client, TOPICS, {"locale": "XX"}, accept=RESPONSE_JSON)
    assert response.status_code == 400
    assert "Locale" in graphql_errors(response)[0]["message"]


def test_depth_limit(client, home_page):
    errors = graphql_errors(post(client, NESTED_PARENTS))
    assert errors[0]["message"] == "Operation is 17 levels deep; the limit is 15."


def test_alias_limit(client):
    errors = graphql_errors(post(client, MANY_ALIASES))
    assert errors[0]["message"] == "The document uses more than 30 aliases."


def test_field_limit(client, settings):
    settings.FRONTEND_API = {**settings.FRONTEND_API, "MAX_FIELDS": 20}
    errors = graphql_errors(post(client, MANY_FIELDS))
    assert errors[0]["message"] == "Operation selects 21 fields (fragments expanded); the limit is 20."


def test_token_limit(client):
    query = "{ " + " ".join(["__typename"] * 5001) + " }"
    errors = graphql_errors(post(client, query))
    assert "more than 5000 tokens" in errors[0]["message"]


def test_undefined_fragment_is_a_validation_error_not_a_crash(client):
    response = post(client, UNDEFINED_FRAGMENT, accept=RESPONSE_JSON)
    assert response.status_code == 400
    assert graphql_errors(response)[0]["message"] == "Unknown fragment 'Missing'."


def test_introspection_is_off_in_production_but_typename_works(client):
    assert "introspection" in graphql_errors(post(client, INTROSPECTION))[0]["message"]
    assert graphql_data(post(client, TYPENAME)) == {"__typename": "Query"}


def test_introspection_can_be_enabled(client, settings):
    settings.FRONTEND_API = {**settings.FRONTEND_API, "INTROSPECTION": True}
    assert graphql_data(post(client, INTROSPECTION)) == {"__schema": {"queryType": {"name": "Query"}}}


def test_no_field_suggestions_in_production(client, settings):
    assert (
        graphql_errors(post(client, MISSPELT))[0]["message"] == "Cannot query field 'topic' on type 'Query'."
    )
    settings.FRONTEND_API = {**settings.FRONTEND_API, "INTROSPECTION": True}
    assert "Did you mean 'topics'" in graphql_errors(post(client, MISSPELT))[0]["message"]


def test_unexpected_errors_are_masked(client, monkeypatch):
    from home.factories import TopicFactory

    TopicFactory(name_sq="Arsimi")

    def broken(obj, field):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr("frontend_api.reference.types.translated", broken)
    response = post(client, TOPICS)
    assert "hunter2" not in response.content.decode()
    error = graphql_errors(response)[0]
    assert error["message"] == "Internal server error."
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["path"] == ["topics", 0, "name"]


def test_graphiql_only_when_debugging(client, settings):
    assert client.get("/graphql/", HTTP_ACCEPT="text/html").status_code == 406
    settings.DEBUG = True
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()


def test_post_needs_no_csrf_token():
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), TYPENAME)
    assert graphql_data(response) == {"__typename": "Query"}
