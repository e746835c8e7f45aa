"""Costly queries are refused before they run, and oversized documents before graphql-core's rules.

The node estimate and the refusal are in ``frontend_api/http/limits.py``; the
order of the checks in ``frontend_api/http/documents.py``. No test here times
anything: where a refusal must be cheap, the test shows which costly step was
never entered (parsing, graphql-core's validation, SQL).
"""

import re
from pathlib import Path

import pytest
from graphql import Lexer, Source, TokenKind, get_operation_ast, parse

from frontend_api.http import documents as documents_module
from frontend_api.http.limits import _TOKEN, ERROR_CODE, measure, prescan
from frontend_api.schema import schema
from tests.frontend_api.conftest import graphql_data, graphql_errors, post

RESPONSE_JSON = "application/graphql-response+json"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"

# The review's query: 150 bytes within every depth, alias and field limit; it ran 95 s.
MULTIPLYING = (
    "{ events(first: 100) { edges { node { parent { children(first: 100) { edges { node { "
    "parent { children(first: 100) { edges { node { title } } } } } } } } } } } }"
)
# The same, thirty times under aliases (the default MAX_ALIASES).
ALIASED = "{ " + " ".join(f"a{i}: {MULTIPLYING[2:-2]}" for i in range(30)) + " }"
# Each alias alone is under the budget (201 nodes); thirty of them are not.
ALIASED_SMALL = (
    "{ " + " ".join(f"a{i}: events(first: 100) {{ edges {{ node {{ title }} }} }}" for i in range(30)) + " }"
)
BY_VARIABLE = (
    "query Q($n: Int) { events(first: $n) { edges { node { "
    "children(first: $n) { edges { node { title } } } } } } }"
)
NAMED_FRAGMENT = (
    "{ events(first: 100) { edges { node { ...Kids } } } } "
    "fragment Kids on Page { children(first: 100) { edges { node { title } } } }"
)
INLINE_FRAGMENT = (
    "{ events(first: 100) { edges { node { ... on EventPage { "
    "children(first: 100) { edges { node { title } } } } } } } }"
)
# What the website asks for on a news listing.
LISTING = """
query News($locale: Locale) {
  newsPages(locale: $locale, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      title date summary url
      leadImage { alt rendition(preset: CARD) { url width height } }
      topics { name }
      translations { locale url }
    } }
  }
}
"""
REPEATED_20KB = "{ homePage { " + "title " * 3300 + "} }"  # 20 KB, 3,301 fields
REPEATED_UNDER_TOKENS = "{ " + "__typename " * 4990 + "}"  # 4,992 tokens of 5,000
# Within every limit of the text (499 fields), but 124,000 pairs for OverlappingFieldsCanBeMergedRule.
REPEATED_499 = "{ homePage { " + "title " * 498 + "} }"


def chain(length, fan_out=1):
    """A query spreading F0, which spreads F1 ``fan_out`` times, ... down to F``length``."""
    spreads = " ".join
    fragments = " ".join(
        f"fragment F{i} on Page {{ {spreads([f'...F{i + 1}'] * fan_out)} }}" for i in range(length)
    )
    return f"{{ homePage {{ ...F0 }} }} {fragments} fragment F{length} on Page {{ title }}"


def nodes(query, variables=None):
    document = parse(query)
    return measure(schema.graphql_schema, document).nodes(get_operation_ast(document), variables)


def refused(client, query, variables=None):
    response = post(client, query, variables, accept=RESPONSE_JSON)
    assert response.status_code == 400, response.content
    return graphql_errors(response)


@pytest.fixture
def spy(monkeypatch):
    """Counts the calls of parse and validate by the document cache."""
    calls = {"parse": 0, "validate": 0}

    def counting(name):
        original = getattr(documents_module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(documents_module, name, wrapper)

    counting("parse")
    counting("validate")
    return calls


pytestmark = pytest.mark.django_db


# --- the node budget ----------------------------------------------------------------


@pytest.mark.parametrize("query", [MULTIPLYING, ALIASED, ALIASED_SMALL], ids=["nested", "aliased", "aliases"])
def test_multiplying_query_is_refused_before_any_sql(client, home_page, django_assert_num_queries, query):
    with django_assert_num_queries(0):
        errors = refused(client, query)
    assert errors[0]["extensions"]["code"] == ERROR_CODE
    assert re.fullmatch(
        r"Operation could return about [\d,]+ nodes; the limit is 2,000 \(FRONTEND_API\['MAX_NODES'\]\)\. "
        r"Ask for fewer items with `first`\.",
        errors[0]["message"],
    )


def test_the_estimate_multiplies_pages_and_counts_aliases_separately():
    assert nodes(MULTIPLYING) == 2_040_401  # events, edges, nodes, parents, children, ... at 100 each
    assert nodes(ALIASED_SMALL) == 30 * 201
    # Neither totalCount nor pageInfo is multiplied by the page; edges and nodes are.
    assert (
        nodes("{ events(first: 50) { totalCount pageInfo { hasNextPage } edges { node { title } } } }") == 102
    )
    # Without `first`, a page has DEFAULT_PAGE_SIZE items.
    assert nodes("{ events { edges { node { title } } } }") == 41


def test_variable_page_sizes_are_measured_with_the_request(client, home_page, django_assert_num_queries):
    assert graphql_data(post(client, BY_VARIABLE, {"n": 5}))["events"]["edges"] == []
    assert graphql_data(post(client, BY_VARIABLE))["events"]["edges"] == []  # missing: the default, 20
    with django_assert_num_queries(0):  # the same cached document, refused for these variables
        errors = refused(client, BY_VARIABLE, {"n": 100})
    assert errors[0]["extensions"]["code"] == ERROR_CODE
    assert "about 20,301 nodes" in errors[0]["message"]


def test_variable_defaults_count_when_the_variable_is_missing():
    query = BY_VARIABLE.replace("$n: Int", "$n: Int = 100")
    assert nodes(query, {}) == 20_301
    assert nodes(query, {"n": 2}) == 1 + 2 + 2 + 2 * 5
    assert nodes(query, {"n": None}) == nodes(BY_VARIABLE, {})  # an explicit null: the field's default


@pytest.mark.parametrize("query", [NAMED_FRAGMENT, INLINE_FRAGMENT], ids=["named", "inline"])
def test_fragments_are_counted(client, home_page, django_assert_num_queries, query):
    assert nodes(query) == 1 + 100 + 100 + 100 * 201
    with django_assert_num_queries(0):
        errors = refused(client, query)
    assert errors[0]["extensions"]["code"] == ERROR_CODE


def test_a_fragment_spread_in_many_places_is_counted_in_each():
    query = (
        "{ a: events(first: 10) { ...Titles } b: events(first: 10) { ...Titles } } "
        "fragment Titles on EventConnection { edges { node { title } } }"
    )
    assert nodes(query) == 2 * (1 + 10 + 10)


def test_lists_without_a_limit_are_counted_by_their_size():
    # A list of a page: LIST_SIZE (5); a list of the root type: DEFAULT_PAGE_SIZE; a month: 6 weeks of 7 days.
    assert nodes("{ newsPages(first: 10) { edges { node { topics { name } } } } }") == 1 + 10 + 10 + 50
    assert nodes("{ topics { name } }") == 20
    assert nodes("{ upcomingEvents(first: 5) { page { title } } }") == 10
    assert nodes("{ upcomingEvents { page { title } } }") == 20  # its argument's default, 10
    month = "{ calendarMonth(year: 2026, month: 1) { weeks { days { date occurrences { localStart } } } } }"
    assert nodes(month) == 1 + 6 + 42 + 42 * 10  # each day's occurrences: the default of `first`, 10


def test_only_the_costliest_type_of_an_interface_or_union_counts():
    # A page is a news item or a campaign, never both: the campaign's related pages (5) count.
    query = (
        '{ page(path: "/") { ... on NewsPage { leadImage { url } } '
        "... on CampaignPage { relatedPages { title } } } }"
    )
    assert nodes(query) == 1 + 5
    # Fields of the interface count for every type, with the costliest type's own.
    query = '{ page(path: "/") { parent { title } ... on NewsPage { leadImage { url } } ...Related } } '
    query += "fragment Related on CampaignPage { relatedPages { title } }"
    assert nodes(query) == 1 + 1 + 5


def test_the_websites_usual_queries_pass(client, home_page):
    data = graphql_data(post(client, LISTING, {"locale": "SQ"}))
    assert data["newsPages"]["totalCount"] == 0
    assert nodes(LISTING, {}) < 500


def test_every_example_of_the_api_docs_is_within_the_limits():
    examples = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(), re.DOTALL)
    operations = [example for example in examples if re.search(r"^\s*(query|\{)", example, re.MULTILINE)]
    assert len(operations) >= 8
    for example in operations:
        assert prescan(example) == [], example
        document = parse(example)
        cost = measure(schema.graphql_schema, document)
        assert cost.errors == (), (example, [error.message for error in cost.errors])
        for operation in document.definitions:
            if getattr(operation, "operation", None) is not None:
                assert cost.nodes(operation, {}) <= 2000, example


# --- fragments that never end ------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "{ homePage { ...A } } fragment A on Page { title ...B } fragment B on Page { ...A }",
        "{ homePage { ...A } } fragment A on Page { parent { ...A } }",
        "{ homePage { ...A } } fragment A on Page { ...A }",
    ],
    ids=["two", "through-a-field", "itself"],
)
def test_fragment_cycle_is_an_error_not_a_hang(client, query):
    errors = refused(client, query)
    assert "Cannot spread fragment 'A' within itself" in errors[0]["message"]


def test_fragments_multiplying_fields_are_measured_once_each(client, spy):
    # 4**14 (268 million) fields once expanded: walked naively, it would never end.
    errors = refused(client, chain(14, fan_out=4))
    assert (
        errors[0]["message"] == "Operation selects 268435457 fields (fragments expanded); the limit is 500."
    )
    assert spy["validate"] == 0


def test_a_long_chain_of_fragments_is_refused_before_parsing(client, spy):
    errors = refused(client, chain(550))
    assert errors[0]["message"] == "Operation nests fragments 551 deep; the limit is 15."
    assert errors[0]["extensions"]["code"] == ERROR_CODE
    assert spy == {"parse": 0, "validate": 0}


# --- cheap refusal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (REPEATED_20KB, "Operation selects 3301 fields (fragments expanded); the limit is 500."),
        (REPEATED_UNDER_TOKENS, "Operation selects 4990 fields (fragments expanded); the limit is 500."),
        (
            "{ " + "__typename " * 5001 + "}",
            "Syntax Error: Document contains more than 5000 tokens. Parsing aborted.",
        ),
        (
            "{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }",
            "The document uses more than 30 aliases.",
        ),
        (
            "{ __typename } fragment Unused on Query { " + "__typename " * 600 + "}",
            "Fragment 'Unused' selects 600 fields (fragments expanded); the limit is 500.",
        ),
    ],
    ids=["20KB-repeated", "under-max-tokens", "over-max-tokens", "aliases", "unused-fragment"],
)
def test_oversized_text_is_refused_before_parsing(client, spy, query, message):
    errors = refused(client, query)
    assert errors[0]["message"] == message
    assert spy == {"parse": 0, "validate": 0}


@pytest.mark.parametrize(
    "query",
    [
        MULTIPLYING,
        '{ page(path: "/") { ' + "parent { " * 20 + "id" + " }" * 20 + " } }",
        "{ homePage { ...F ...F } } fragment F on Page { " + "title " * 300 + "}",
    ],
    ids=["nodes", "depth", "fields-through-fragments"],
)
def test_the_limits_are_checked_before_graphql_cores_rules(client, spy, query):
    errors = refused(client, query)
    assert errors[0]["extensions"]["code"] == ERROR_CODE
    assert spy == {"parse": 1, "validate": 0}


def test_repeated_fields_within_the_limits_exhaust_a_small_validation_budget(client, monkeypatch):
    from graphql.validation.rules import overlapping_fields_can_be_merged as overlapping

    spent = []
    original = overlapping.spend_complexity_budget

    def spend(context, cost):
        spent.append(cost)
        original(context, cost)

    monkeypatch.setattr(overlapping, "spend_complexity_budget", spend)
    errors = refused(client, REPEATED_499)
    assert errors[0]["message"].startswith("Validating this document takes too much work")
    assert errors[0]["extensions"]["code"] == ERROR_CODE
    assert sum(spent) <= 5002  # MAX_VALIDATION_WORK, not graphql-core's 500,000


def test_the_validation_budget_leaves_room_for_real_queries():
    from graphql import validate

    from frontend_api.http.limits import validation_rules

    examples = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(), re.DOTALL)
    for example in examples:
        if re.search(r"^\s*(query|\{)", example, re.MULTILINE):
            assert validate(schema.graphql_schema, parse(example), rules=validation_rules()) == []


# --- the tokenizer of prescan ------------------------------------------------------

TOKENIZER_CASES = [
    '{ page(path: "/a \\"b\\" # not a comment") { title } }',
    "# a comment { with braces }\nquery Q($n: Int = -12, $f: Float = 1.5e3) { events(first: $n) { totalCount } }",
    '{ x(s: """block "" quotes \\""" and\nlines""", t: "") { y } }',
    "query Q { a: b @include(if: true) ... on X { c } ...F } fragment F on X { d }",
    "{ ,,, a,b\r\nc\t}",
]


@pytest.mark.parametrize("source", TOKENIZER_CASES)
def test_prescan_reads_the_tokens_the_lexer_reads(source):
    lexer, spans = Lexer(Source(source)), []
    while (token := lexer.advance()).kind != TokenKind.EOF:
        spans.append((token.start, token.end))
    found = [match.span() for match in _TOKEN.finditer(source) if match.lastgroup != "comment"]
    assert found == spans


def test_prescan_counts_what_measure_counts():
    query = (
        'query Q($n: Int, $w: NewsFilter = {topics: ["1"]}) { a: newsPages(first: $n, where: $w) '
        "{ edges { node { title ... on NewsPage { date } b: url @include(if: true) } } } }"
    )
    from frontend_api.http.limits import _Prescan

    scan = _Prescan([match.group() for match in _TOKEN.finditer(query)])
    ((kind, name, fields, spreads),) = scan.definitions
    document = parse(query)
    cost = measure(schema.graphql_schema, document)
    plan = cost._operations[id(get_operation_ast(document))][0]
    assert (kind, name, fields, spreads, scan.aliases) == ("operation", "Q", plan.fields, [], 2)
