"""`search` and `searchSuggestions`: results, facets, paging, corrections, bad input, privacy, queries."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from frontend_api.http.cache import bump_generation
from home import factories
from home.models import StandardPage
from search.text import MAX_QUERY_LENGTH
from translations.transliteration import to_latin

from .conftest import graphql_data, graphql_errors, post

pytestmark = pytest.mark.django_db

SEARCH = """
query Search($query: String!, $locale: Locale, $first: Int, $after: String, $where: SearchFilter) {
  search(query: $query, locale: $locale, first: $first, after: $after, where: $where) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        title url locale typename highlight score
        page { id title url locale translations { locale url } ... on DecisionPage { number issuingBody { name } } }
        document { id }
      }
    }
    facets {
      types { value label count }
      years { value label count }
      bodies { value label count }
      departments { value label count }
    }
    correctedQuery correctedCount
    truncated { maxLength message }
  }
}
"""
SUGGESTIONS = """
query Suggest($prefix: String!, $locale: Locale, $first: Int) {
  searchSuggestions(prefix: $prefix, locale: $locale, first: $first) { title url locale typename }
}
"""


@pytest.fixture
def content(home_pages):
    """sq: five decisions of the Assembly on the budget (2021 to 2025), a news item; a restricted page
    and a draft on the budget. sr: a decision in Cyrillic. en: a page on the budget."""
    sq, sr, en = home_pages["sq"], home_pages["sr"], home_pages["en"]
    assembly = factories.BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", name_sr="Скупштина општине")
    decisions = factories.DecisionIndexPageFactory(parent=sq, title="Vendimet")
    pages = [
        factories.DecisionPageFactory(
            parent=decisions,
            title=f"Vendim për buxhetin {year}",
            summary="Kuvendi miratoi buxhetin vjetor & planin > 5%.",
            issuing_body=assembly,
            date_adopted=dt.date(year, 3, 1),
        )
        for year in range(2021, 2026)
    ]
    news = factories.NewsIndexPageFactory(parent=sq, title="Lajme")
    factories.NewsPageFactory(parent=news, title="Buxheti në seancë", date=dt.date(2025, 5, 5))
    private = factories.StandardPageFactory(parent=sq, title="Buxheti i fshehtë")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    sq.add_child(instance=StandardPage(title="Buxheti në punë", slug="buxheti-ne-pune", live=False))
    decisions_sr = factories.DecisionIndexPageFactory(parent=sr, title="Одлуке", slug="odluke")
    factories.DecisionPageFactory(
        parent=decisions_sr, title="Одлука о буџету", issuing_body=assembly, date_adopted=dt.date(2025, 3, 1)
    )
    factories.StandardPageFactory(parent=en, title="Budget of the municipality")
    call_command("update_index", verbosity=0)
    return {"assembly": assembly, "decisions": pages}


def run(client, query="buxhet", **variables):
    return post(client, SEARCH, {"query": query, **variables})


def search(client, query="buxhet", **variables):
    return graphql_data(run(client, query, **variables))["search"]


def titles(found):
    return [edge["node"]["title"] for edge in found["edges"]]


def test_results_describe_what_was_found(client, content):
    found = search(client, "buxhetin vjetor", where={"year": 2025})
    assert found["totalCount"] == 1
    (edge,) = found["edges"]
    node = edge["node"]
    decision = content["decisions"][-1]
    assert node["title"] == "Vendim për buxhetin 2025"
    assert node["url"] == node["page"]["url"] == decision.url == f"/vendime/{decision.slug}/"
    assert (node["locale"], node["typename"]) == ("SQ", "DecisionPage")
    assert node["page"]["id"] == str(decision.pk)
    assert node["page"]["issuingBody"] == {"name": "Kuvendi i Komunës"}
    assert node["document"] is None and node["score"] > 2
    # Escaped text, the words found in <mark>.
    assert "<mark>buxhetin</mark> <mark>vjetor</mark> &amp; planin &gt; 5%" in node["highlight"]
    assert found["correctedQuery"] is None and found["truncated"] is None


def test_filters_and_facets(client, content):
    everything = search(client)
    assert everything["totalCount"] == 6
    assert everything["facets"]["types"] == [
        {"value": "DecisionPage", "label": "Vendime", "count": 5},
        {"value": "NewsPage", "label": "Lajme", "count": 1},
    ]
    assert everything["facets"]["years"] == [
        {"value": 2025, "label": "2025", "count": 2},
        *({"value": year, "label": str(year), "count": 1} for year in (2024, 2023, 2022, 2021)),
    ]
    assembly = str(content["assembly"].pk)
    assert everything["facets"]["bodies"] == [{"value": assembly, "label": "Kuvendi i Komunës", "count": 5}]
    assert everything["facets"]["departments"] == []

    filtered = search(client, where={"types": ["DecisionPage"], "bodies": [assembly], "year": 2025})
    assert titles(filtered) == ["Vendim për buxhetin 2025"]
    assert search(client, where={"types": ["NewsPage"], "bodies": [assembly]})["totalCount"] == 0
    serbian = search(client, "budzet", locale="SR")
    assert serbian["facets"]["bodies"] == [{"value": assembly, "label": "Скупштина општине", "count": 1}]
    assert serbian["facets"]["types"] == [{"value": "DecisionPage", "label": "Одлуке", "count": 1}]


def test_paging_through_the_connection(client, content):
    everything = titles(search(client, first=100))
    seen, after = [], None
    while True:
        page = search(client, first=2, after=after)
        assert page["totalCount"] == 6 and page["facets"]["types"][0]["count"] == 5
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        seen += titles(page)
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == everything and len(seen) == 6


def test_a_misspelled_query_offers_a_correction(client, content):
    found = search(client, "bxuhetin")
    assert found["totalCount"] == 0 and found["edges"] == []
    # The five decisions and the news item.
    assert (found["correctedQuery"], found["correctedCount"]) == ("buxhetin", 6)


def test_serbian_latin_answers_in_latin(client, content):
    found = search(client, "одлука budžet", locale="SR_LATN")
    (edge,) = found["edges"]
    assert edge["node"]["title"] == "Odluka o budžetu"
    assert edge["node"]["locale"] == "SR_LATN" and edge["node"]["url"].startswith("/sr-latn/odluke/")
    assert edge["node"]["page"]["title"] == "Odluka o budžetu"
    assert found["facets"]["types"] == [{"value": "DecisionPage", "label": "Odluke", "count": 1}]
    assert found["facets"]["bodies"][0]["label"] == "Skupština opštine"
    corrected = search(client, "odlukka", locale="SR_LATN")
    assert corrected["correctedQuery"] == to_latin("одлука")
    long = search(client, "одлука " * 100, locale="SR_LATN")
    assert long["truncated"]["message"] == to_latin(
        search(client, "одлука " * 100, locale="SR")["truncated"]["message"]
    )


def test_a_long_query_is_cut_and_says_so_in_the_language_searched(client, content):
    found = search(client, "buxhet " * 2000)
    assert found["truncated"] == {
        "maxLength": MAX_QUERY_LENGTH,
        "message": f"U përdorën vetëm {MAX_QUERY_LENGTH} karakteret e para të kërkimit.",
    }
    assert found["totalCount"] == 6
    english = search(client, "budget " * 2000, locale="EN")
    assert (
        english["truncated"]["message"]
        == f"Only the first {MAX_QUERY_LENGTH} characters of the search were used."
    )


@pytest.mark.parametrize(
    "query",
    [
        '"buxhet',
        'buxhet" OR "komunes"',
        "buxhet AND NOT",
        "buxhet*",
        "-buxhet",
        "(buxhet",
        "!?…—«»",
        "",
        "   ",
        "\x00buxhet",
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_any_query_gives_results_or_none(client, content, query):
    found = search(client, query)
    if "buxhet" in query:
        assert "Vendim për buxhetin 2025" in titles(found)
    else:
        assert found["totalCount"] == 0


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"where": {"types": ["Nothing"]}}, "Unknown page type: Nothing"),
        ({"where": {"bodies": ["kuvendi"]}}, "bodies takes ids"),
        ({"where": {"topics": ["9" * 30]}}, "topics takes ids"),
        ({"where": {"year": 0}}, "year must be"),
        ({"after": "nonsense"}, "cursor"),
        ({"after": "YXJyYXljb25uZWN0aW9uOjE="}, "cursor"),
        ({"first": 0}, "`first` must be between 1 and 100"),
        ({"first": 101}, "`first` must be between 1 and 100"),
    ],
)
def test_bad_input_is_a_clear_error(client, content, variables, message):
    response = run(client, **variables)
    assert response.status_code == 200
    (error,) = graphql_errors(response)
    assert message in error["message"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_only_public_pages_of_the_locale(client, content):
    found = titles(search(client, "buxheti", first=100))
    assert "Buxheti i fshehtë" not in found and "Buxheti në punë" not in found
    assert search(client, "fshehte")["totalCount"] == 0
    assert search(client, "budget")["totalCount"] == 0  # English content, Albanian search
    assert titles(search(client, "budget", locale="EN")) == ["Budget of the municipality"]
    assert search(client, "одлука")["totalCount"] == 0
    # Nor do corrections or suggestions read hidden pages.
    assert search(client, "fshehtte")["correctedQuery"] is None
    suggested = graphql_data(post(client, SUGGESTIONS, {"prefix": "buxh", "first": 20}))["searchSuggestions"]
    assert {entry["title"] for entry in suggested} == {
        "Buxheti në seancë",
        *(p.title for p in content["decisions"]),
    }


def test_suggestions(client, content):
    def suggest(prefix, **variables):
        data = graphql_data(post(client, SUGGESTIONS, {"prefix": prefix, **variables}))
        return data["searchSuggestions"]

    first = suggest("buxh")[0]
    assert first == {
        "title": "Buxheti në seancë",
        "url": first["url"],
        "locale": "SQ",
        "typename": "NewsPage",
    }
    assert first["url"].startswith("/lajme/")
    assert len(suggest("vendim per", first=3)) == 3
    assert [entry["title"] for entry in suggest("budz", locale="SR")] == ["Одлука о буџету"]
    assert [entry["title"] for entry in suggest("буџ", locale="SR_LATN")] == ["Odluka o budžetu"]
    assert suggest("!?") == [] and suggest("") == []
    assert suggest("buxh " * 2000, first=20)[0]["title"] == "Buxheti në seancë"
    (error,) = graphql_errors(post(client, SUGGESTIONS, {"prefix": "b", "first": 21}))
    assert "from 1 to 20" in error["message"]


def count_queries(client, first):
    bump_generation()  # no cached response
    with CaptureQueriesContext(connection) as captured:
        found = search(client, first=first)
    return len(captured), found


def test_the_number_of_queries_does_not_depend_on_first(client, content):
    count_queries(client, 1)  # warm-up: site root paths, content types
    one, found_one = count_queries(client, 1)
    twenty, found_twenty = count_queries(client, 20)
    assert len(found_one["edges"]) == 1 and len(found_twenty["edges"]) == 6
    assert {edge["node"]["typename"] for edge in found_twenty["edges"]} == {"DecisionPage", "NewsPage"}
    assert one == twenty
