"""Search on PostgreSQL: the query the service sends can use the GIN index of the search index.

Skipped on other databases; CI runs the suite on PostgreSQL too. What words
find (folding, both scripts, no diacritics) is tested in test_service.py on
whichever database the suite runs on.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale

from home import factories
from search.service import search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search"),
]

GIN_INDEX = "search_indexentry_title_body_gin"


@pytest.fixture
def pages(home_pages):
    sq = home_pages["sq"]
    factories.StandardPageFactory(parent=sq, title="Buxheti i Komunës", summary="Kuvendi miratoi buxhetin.")
    for number in range(30):
        factories.StandardPageFactory(parent=sq, title=f"Njoftim {number}", summary="Orari i punës.")
    call_command("update_index", verbosity=0)


def search_statements(run):
    """(sql, params) of every statement ``run`` sends that reads the search index, as sent."""
    statements = []

    def record(execute, sql, params, many, context):
        if "wagtailsearch_indexentry" in sql:
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        run()
    return statements


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return list(plan_nodes(plan[0]["Plan"]))


def test_the_index_exists_on_the_expression_the_backend_filters_on():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition and "(title || body)" in definition


def test_the_service_query_uses_the_gin_index(pages):
    locale = Locale.objects.get(language_code="sq")
    found = []
    statements = search_statements(lambda: found.extend(search("kuvendi buxhetin", locale)))
    assert [result.title for result in found] == ["Buxheti i Komunës"]
    (sql, params) = statements[0]
    assert "@@" in sql

    # With a few dozen rows the cheapest plans read the index table in full or
    # probe it page by page through its unique btree on content type and object
    # id (a nested loop, the @@ as a filter), and the planner rightly takes them;
    # from about a thousand pages on it takes the GIN index by itself (measured in
    # bench/search/). Pricing sequential scans and nested loops out leaves reading
    # the matching entries on their own: through the GIN index when the condition
    # can use it, otherwise all of them through the btree with the @@ as a filter.
    # The backend's own GIN indexes, on title and on body separately, cannot serve
    # the `(title || body) @@ query` it writes. SET LOCAL ends with the test's
    # transaction.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_nestloop = off")
    nodes = explain(sql, params)

    scans = [(node["Node Type"], node.get("Index Name"), node.get("Index Cond")) for node in nodes]
    assert not any(
        node.get("Relation Name") == "wagtailsearch_indexentry" and node["Node Type"] == "Seq Scan"
        for node in nodes
    ), scans
    assert any(name == GIN_INDEX and "@@" in (condition or "") for _, name, condition in scans), scans
