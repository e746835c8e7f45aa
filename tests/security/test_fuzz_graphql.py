"""Generated queries against the committed schema: none may crash the API.

Schemathesis builds queries for every root field of ``frontend_api/schema.graphql``
(``MAX_EXAMPLES`` each, derandomized so CI is stable) and posts them to /graphql/
through Django's test client. A 500 or an ``INTERNAL_SERVER_ERROR`` is a bug: bad
input must be answered with a validation error or ``BAD_USER_INPUT``.
"""

import json
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from hypothesis import HealthCheck, settings

SCHEMA = Path(django_settings.BASE_DIR) / "frontend_api" / "schema.graphql"
MAX_EXAMPLES = 60

schema = schemathesis.graphql.from_path(str(SCHEMA))

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_pages):
    return home_pages


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_generated_queries_never_crash_the_api(case, client, content):
    body = case.body if isinstance(case.body, dict) else {"query": case.body}
    response = client.post("/graphql/", data=json.dumps(body), content_type="application/json")
    assert response.status_code != 500, (body, response.content[:2000])
    errors = response.json().get("errors") or []
    internal = [e for e in errors if (e.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR"]
    assert not internal, (body["query"], internal)
