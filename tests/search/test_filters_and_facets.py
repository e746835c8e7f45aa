"""The search service's filters, facets, corrected query and suggestions, against known data."""

import datetime as dt

import pytest
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from events.factories import EventIndexPageFactory, MeetingPageFactory
from home import factories
from home.models import StandardPage
from search.service import MAX_SUGGESTIONS, SearchInputError, page_year, search, suggestions

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(home_pages):
    """Albanian: three decisions of two bodies (2024, 2025, 2025), news tagged with a topic (2025),
    a competition of a department opened in 2024 and a session organised by the Assembly (2026),
    all about "buxheti"; a hidden page and a draft about it too. Serbian: one page."""
    sq, sr = home_pages["sq"], home_pages["sr"]
    assembly = factories.BodyFactory(slug="kuvendi", name="Kuvendi i Komunës", name_sr="Скупштина општине")
    board = factories.BodyFactory(slug="bordi", name="Bordi i Drejtorëve")
    finance = factories.DepartmentFactory(slug="financat", name="Drejtoria për Financa")
    topic = factories.TopicFactory(slug="buxheti", name="Buxheti")
    other_topic = factories.TopicFactory(slug="arsimi", name="Arsimi")
    decisions = factories.DecisionIndexPageFactory(parent=sq, title="Vendimet")
    news = factories.NewsIndexPageFactory(parent=sq, title="Lajmet")
    vacancies = factories.VacancyIndexPageFactory(parent=sq, title="Konkurset")
    pages = {
        "d2024": factories.DecisionPageFactory(
            parent=decisions,
            title="Vendim për buxhetin 2024",
            issuing_body=assembly,
            date_adopted=dt.date(2024, 12, 20),
        ),
        "d2025": factories.DecisionPageFactory(
            parent=decisions,
            title="Vendim për buxhetin 2025",
            issuing_body=assembly,
            date_adopted=dt.date(2025, 1, 15),
        ),
        "board": factories.DecisionPageFactory(
            parent=decisions,
            title="Vendim i bordit për buxhetin",
            issuing_body=board,
            date_adopted=dt.date(2025, 6, 1),
        ),
        "news": factories.NewsPageFactory(parent=news, title="Buxheti u miratua", date=dt.date(2025, 1, 16)),
        "vacancy": factories.VacancyPageFactory(
            parent=vacancies,
            title="Zyrtar për buxhet",
            department=finance,
            opens_at=dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC),  # 2025-01-01 in Belgrade
        ),
    }
    pages["news"].topics.set([topic])
    pages["news"].save()
    calendar = EventIndexPageFactory(parent=sq, title="Kalendari")
    pages["session"] = MeetingPageFactory(
        parent=calendar,
        title="Seanca për buxhetin",
        organiser=assembly,
        start=dt.datetime(2026, 2, 3, 10, tzinfo=dt.UTC),
    )
    pages["session"].topics.set([other_topic])
    pages["session"].save()
    private = factories.StandardPageFactory(parent=sq, title="Buxheti sekret")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    sq.add_child(instance=StandardPage(title="Buxheti draft", slug="buxheti-draft", live=False))
    factories.StandardPageFactory(parent=sr, title="Буџет општине")
    call_command("update_index", verbosity=0)
    refs = {
        "assembly": assembly,
        "board": board,
        "finance": finance,
        "topic": topic,
        "other_topic": other_topic,
    }
    return pages, refs


def found(query="buxhet", language="sq", **kwargs):
    results = search(query, Locale.objects.get(language_code=language), first=100, **kwargs)
    return {result.title for result in results}


def test_the_year_is_the_items_own_date(data):
    pages, _refs = data
    assert page_year(pages["d2024"]) == 2024  # adopted, whenever it was published
    assert page_year(pages["vacancy"]) == 2025  # opened on 1 January in the office's time zone
    assert page_year(pages["session"]) == 2026


def test_filters(data):
    pages, refs = data
    assert found(types=["DecisionPage"]) == {
        "Vendim për buxhetin 2024",
        "Vendim për buxhetin 2025",
        "Vendim i bordit për buxhetin",
    }
    assert found(bodies=[refs["assembly"].pk]) == {
        "Vendim për buxhetin 2024",
        "Vendim për buxhetin 2025",
        "Seanca për buxhetin",
    }
    assert found(bodies=[str(refs["board"].pk)]) == {"Vendim i bordit për buxhetin"}
    assert found(departments=[refs["finance"].pk]) == {"Zyrtar për buxhet"}
    assert found(topics=[refs["topic"].pk]) == {"Buxheti u miratua"}
    assert found(topics=[refs["topic"].pk, refs["other_topic"].pk]) == {
        "Buxheti u miratua",
        "Seanca për buxhetin",
    }
    assert found(year=2025) == {
        "Vendim për buxhetin 2025",
        "Vendim i bordit për buxhetin",
        "Buxheti u miratua",
        "Zyrtar për buxhet",
    }
    # Every filter must hold.
    assert found(year=2025, bodies=[refs["assembly"].pk]) == {"Vendim për buxhetin 2025"}
    assert found(year=2025, types=["NewsPage"], bodies=[refs["assembly"].pk]) == set()
    assert found(bodies=[]) == set()


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"bodies": ["kuvendi"]}, "bodies takes ids"),
        ({"topics": [True]}, "topics takes ids"),
        ({"departments": ["1; DROP"]}, "departments takes ids"),
        ({"bodies": ["²"]}, "bodies takes ids"),
        ({"bodies": ["9" * 30]}, "bodies takes ids"),
        ({"year": "2025"}, "year must be"),
        ({"year": 0}, "year must be"),
        ({"types": ["Page; DROP"]}, "Unknown page type"),
    ],
)
def test_bad_filters_are_clear_errors(data, arguments, message):
    with pytest.raises(SearchInputError, match=message):
        found(**arguments)


def facet(results, name):
    return [(entry.value, entry.label, entry.count) for entry in getattr(results.facets, name)]


def test_facets_count_every_candidate_not_only_the_page_shown(data):
    _pages, refs = data
    results = search("buxhet", Locale.objects.get(language_code="sq"), first=1)
    assert len(results.results) == 1 and results.count == 6
    # Most first, then by label; labels are the types' plural names in the language searched.
    assert facet(results, "types") == [
        ("DecisionPage", "Vendime", 3),
        ("VacancyPage", "Konkurse dhe vende të lira pune", 1),
        ("NewsPage", "Lajme", 1),
        ("MeetingPage", "Mbledhje të organeve", 1),
    ]
    assert facet(results, "years") == [(2026, "2026", 1), (2025, "2025", 4), (2024, "2024", 1)]
    assert facet(results, "bodies") == [
        (refs["assembly"].pk, "Kuvendi i Komunës", 3),
        (refs["board"].pk, "Bordi i Drejtorëve", 1),
    ]
    assert facet(results, "departments") == [(refs["finance"].pk, "Drejtoria për Financa", 1)]


def test_facets_follow_the_filters_and_speak_the_language_searched(data):
    _pages, refs = data
    results = search("buxhet", Locale.objects.get(language_code="sq"), year=2024)
    # The competition opened on 1 January 2025 in Belgrade (31 December 2024 in UTC).
    assert facet(results, "types") == [("DecisionPage", "Vendime", 1)]
    assert facet(results, "bodies") == [(refs["assembly"].pk, "Kuvendi i Komunës", 1)]
    assert facet(results, "departments") == []
    serbian = search("буџет", Locale.objects.get(language_code="sr"))
    assert facet(serbian, "types") == [("StandardPage", "Стандардне странице", 1)]


def test_a_misspelled_query_gets_a_correction_that_finds_something(data):
    results = search("bxuhetin", Locale.objects.get(language_code="sq"))
    assert results.count == 0 and results.results == []
    assert results.corrected_query == "buxhetin"
    assert results.corrected_count == len(found("buxhetin")) == 6
    # Words it knows stay as typed; only the unknown one changes.
    results = search("vendim bxuhetin", Locale.objects.get(language_code="sq"))
    assert results.corrected_query == "vendim buxhetin"
    assert results.corrected_count == 3


def test_no_correction_when_something_is_found_or_nothing_is_close(data):
    assert search("buxhet", Locale.objects.get(language_code="sq")).corrected_query == ""
    results = search("qwertyuiop", Locale.objects.get(language_code="sq"))
    assert (results.corrected_query, results.corrected_count) == ("", 0)


def test_corrections_come_from_public_pages_of_the_locale_only(data):
    # "sekret" is the word of a restricted page's title, "draft" of a draft's, "буџет" of a Serbian page.
    for query in ("sekrett", "drafft", "budzett"):
        assert search(query, Locale.objects.get(language_code="sq")).corrected_query == ""


def test_a_serbian_correction_in_either_script(data):
    results = search("budzeet", Locale.objects.get(language_code="sr"))
    assert (results.corrected_query, results.corrected_count) == ("буџет", 1)


def titles(prefix, language="sq", **kwargs):
    return [
        entry.title for entry in suggestions(prefix, Locale.objects.get(language_code=language), **kwargs)
    ]


def test_suggestions_complete_words_without_diacritics_and_across_scripts(data):
    assert set(titles("buxh")) == {
        "Buxheti u miratua",
        "Vendim për buxhetin 2024",
        "Vendim për buxhetin 2025",
        "Vendim i bordit për buxhetin",
        "Zyrtar për buxhet",
        "Seanca për buxhetin",
    }
    assert titles("per buxh", limit=20) == titles("për buxh", limit=20)
    assert len(titles("per buxh")) == 5
    assert titles("budz", "sr") == ["Буџет општине"]
    assert titles("буџ", "sr") == ["Буџет општине"]
    assert titles("BUDŽ", "sr") == ["Буџет општине"]


def test_suggestions_rank_titles_starting_with_the_prefix_first(data):
    assert titles("buxh")[0] == "Buxheti u miratua"  # the only title whose first word matches
    assert "Buxheti u miratua" not in titles("per buxh")
    vend = titles("vend")
    assert len(vend) == 4 and vend[-1] == "Vendimet"  # the index page after the items


def test_suggestions_are_public_pages_of_the_locale_and_bounded(data):
    assert "Buxheti sekret" not in titles("buxh") and "Buxheti draft" not in titles("buxh")
    assert titles("буџ") == [] and titles("buxh", "sr") == []
    assert len(titles("buxh", limit=2)) == 2
    assert titles("") == titles("!?") == titles(None) == []
    for limit in (0, MAX_SUGGESTIONS + 1, "5"):
        with pytest.raises(SearchInputError, match="suggestions"):
            titles("buxh", limit=limit)


def test_results_have_no_document_yet(data):
    results = search("buxhet", Locale.objects.get(language_code="sq"))
    assert all(result.document is None for result in results)
