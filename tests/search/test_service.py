"""The search service on SQLite: normalised matching, ranking, privacy and any input."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from home import factories
from home.models import StandardPage
from search.service import MAX_FIRST, SearchInputError, decode_cursor, highlight, search
from search.text import MAX_QUERY_LENGTH, prepare_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_pages):
    sq, sr = home_pages["sq"], home_pages["sr"]
    assembly = factories.BodyFactory(slug="kuvendi", name="Kuvendi i Komunës")
    topic = factories.TopicFactory(name="Financat publike")
    news_index = factories.NewsIndexPageFactory(parent=sq)
    decisions = factories.DecisionIndexPageFactory(parent=sq, title="Vendimet")
    pages = {
        "session": factories.NewsPageFactory(
            parent=news_index,
            title="Seanca e radhës",
            summary="Anëtarët e Kuvendit diskutuan buxhetin e vitit.",
        ),
        "budget": factories.StandardPageFactory(parent=sq, title="Buxheti i Komunës", summary="Të dhënat."),
        "decision": factories.DecisionPageFactory(
            parent=decisions, title="Vendimet për parqet", number="01-016/2026", issuing_body=assembly
        ),
        "news_index": news_index,
        "decisions": decisions,
        "assembly_sr": factories.StandardPageFactory(
            parent=sr, title="Скупштина општине", summary="Седнице."
        ),
        "roads_sr": factories.StandardPageFactory(parent=sr, title="Putevi", summary="Radovi na putevima."),
    }
    pages["session"].topics.set([topic])
    pages["session"].save()
    private = factories.StandardPageFactory(parent=sq, title="Buxheti i fshehtë", summary="Vetëm për zyrën.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = sq.add_child(instance=StandardPage(title="Buxheti në punë", slug="buxheti-ne-pune", live=False))
    draft.save_revision()
    pages["private"], pages["draft"] = private, draft
    # Reference data added after the page was saved: index once, as the task worker would.
    call_command("update_index", verbosity=0)
    return pages


def titles(query, language="sq", **kwargs):
    return [result.title for result in search(query, Locale.objects.get(language_code=language), **kwargs)]


def test_albanian_without_diacritics_and_other_word_forms(content):
    assert "Buxheti i Komunës" in titles("komunes")
    assert "Buxheti i Komunës" in titles("KOMUNËS")
    # "buxhet" finds the title's "Buxheti" and the summary's "buxhetin".
    assert set(titles("buxhet")) == {"Buxheti i Komunës", "Seanca e radhës"}


def test_serbian_in_either_script_with_or_without_diacritics(content):
    assert titles("Skupstina", "sr") == ["Скупштина општине"]
    assert titles("skupštine opštine", "sr") == ["Скупштина општине"]
    assert titles("Скупштина", "sr") == ["Скупштина општине"]
    assert titles("путеви", "sr") == ["Putevi"]


def test_every_word_of_the_query_must_match(content):
    assert titles("buxhet komunes") == ["Buxheti i Komunës"]
    assert titles("buxhet parqet") == []


def test_reference_data_names_and_numbers_are_searched(content):
    assert titles("financat") == ["Seanca e radhës"]
    assert "Vendimet për parqet" in titles("kuvendi komunes")
    assert titles("01-016/2026") == ["Vendimet për parqet"]


def test_only_the_locale_of_the_search(content):
    assert titles("skupstina") == []
    assert titles("buxhet", "sr") == []


def test_restricted_pages_and_drafts_are_never_found(content):
    found = titles("buxheti")
    assert "Buxheti i fshehtë" not in found
    assert "Buxheti në punë" not in found
    assert titles("fshehte") == [] and titles("zyren") == []


def test_title_matches_rank_first(content):
    # Both mention the budget; the page named after it comes first.
    assert titles("buxhet") == ["Buxheti i Komunës", "Seanca e radhës"]


def test_items_rank_before_index_pages(content):
    assert titles("vendimet") == ["Vendimet për parqet", "Vendimet"]


def test_results_describe_the_page(content):
    (result,) = search("buxhetin seanca", Locale.objects.get(language_code="sq")).results
    assert result.page.specific == content["session"]
    assert result.typename == "NewsPage"
    assert result.locale == "sq"
    assert result.url == content["session"].url
    assert result.score > 2  # a title word (2) in an item (1)
    assert "<mark>buxhetin</mark>" in result.highlight


def test_the_highlight_marks_matched_words_and_escapes_the_rest():
    groups = prepare_query("komunes", "sq").groups
    assert (
        highlight("<b>Komunës</b> & Kuvendi", groups, "sq")
        == "&lt;b&gt;<mark>Komunës</mark>&lt;/b&gt; &amp; Kuvendi"
    )


def test_paging_with_cursors(content):
    locale = Locale.objects.get(language_code="sq")
    everything = [result.title for result in search("buxhet", locale)]
    first = search("buxhet", locale, first=1)
    assert [result.title for result in first] == everything[:1]
    assert first.has_next_page and first.count == 2
    rest = search("buxhet", locale, first=1, after=first.end_cursor)
    assert [result.title for result in rest] == everything[1:]
    assert not rest.has_next_page


def test_types_narrow_the_search(content):
    assert titles("vendimet", types=["DecisionIndexPage"]) == ["Vendimet"]
    with pytest.raises(SearchInputError, match="Unknown page type: Nothing"):
        titles("vendimet", types=["Nothing"])


@pytest.mark.parametrize("cursor", ["nonsense", "c2VhcmNoOi0x", "Zm9vOjE="])
def test_a_cursor_not_made_by_the_service_is_a_clear_error(cursor):
    with pytest.raises(SearchInputError, match="cursor"):
        decode_cursor(cursor)


@pytest.mark.parametrize("first", [0, -1, MAX_FIRST + 1, "10"])
def test_first_out_of_range_is_a_clear_error(content, first):
    with pytest.raises(SearchInputError, match="first must be"):
        titles("buxhet", first=first)


@pytest.mark.parametrize(
    "query",
    [
        '"buxhet',
        'buxhet"',
        '"buxhet" OR "komunes"',
        "buxhet AND NOT komunes",
        "buxhet*",
        "-buxhet",
        "(buxhet",
        "buxhet NEAR(komunes)",
        "'; DROP TABLE wagtailcore_page; --",
        "!?…—«»",
        "",
        "   ",
        "\x00buxhet",
        "buxhet " * 2000,
        "x" * 10_000,
    ],
)
def test_any_input_gives_results_or_none_never_an_error(content, query):
    results = search(query, Locale.objects.get(language_code="sq"))
    assert results.truncated == (len(query) > MAX_QUERY_LENGTH)
    if "buxhet" in query and "NOT" not in query and "komunes" not in query:
        assert "Buxheti i Komunës" in [result.title for result in results]


def test_operators_are_not_words(content):
    assert titles("buxhet AND komunes") == ["Buxheti i Komunës"]
    assert titles("OR") == []


def test_the_site_search_uses_the_service(client, content):
    response = client.get("/search/", {"query": "komunes"})
    assert response.status_code == 200
    assert [result.title for result in response.context["search_results"]][0] == "Buxheti i Komunës"
    # The extract marks the words found in the page's own text (a title alone is not repeated under it).
    assert b"<mark>buxhetin</mark>" in client.get("/search/", {"query": "buxheti"}).content
    long = client.get("/search/", {"query": "buxhet " * 100})
    assert long.status_code == 200 and long.context["search_results"].truncated


def test_events_are_found_by_their_body_place_and_topics(home_pages):
    from events.factories import EventIndexPageFactory, MeetingPageFactory

    calendar = EventIndexPageFactory(parent=home_pages["sq"], title="Kalendari i mbledhjeve")
    session = MeetingPageFactory(
        parent=calendar,
        title="Mbledhja e 5-të",
        organiser=factories.BodyFactory(slug="kuvendi", name="Kuvendi i Komunës"),
        place=factories.PlaceFactory(name="Salla e Kuvendit"),
    )
    session.topics.set([factories.TopicFactory(name="Arsimi")])
    session.save()
    call_command("update_index", verbosity=0)

    assert titles("kuvendi komunes") == ["Mbledhja e 5-të"]
    assert titles("salla") == ["Mbledhja e 5-të"]
    assert titles("arsimi") == ["Mbledhja e 5-të"]
    # The calendar is an index page: a session named like it comes first.
    assert titles("mbledhja") == ["Mbledhja e 5-të", "Kalendari i mbledhjeve"]


@pytest.mark.parametrize("number", ["abc", "0", "-3", "99", "2", "1e9"])
def test_the_site_search_takes_any_page_number(client, content, number):
    """A page number that is not a page of the results shows the first page."""
    response = client.get("/search/", {"query": "buxhet", "page": number})
    assert response.status_code == 200
    assert [result.title for result in response.context["search_results"]] == [
        "Buxheti i Komunës",
        "Seanca e radhës",
    ]
    assert response.context["previous_page"] is None and response.context["next_page"] is None


def test_the_number_of_queries_does_not_depend_on_first(content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    locale = Locale.objects.get(language_code="sq")
    search("buxhet", locale, first=1)  # the site's root paths are cached after the first search
    counts = []
    for first in (1, 2):
        with CaptureQueriesContext(connection) as queries:
            assert len(search("buxhet", locale, first=first).results) == first
        counts.append(len(queries))
    assert counts[0] == counts[1]
