"""Search promotions: what editors promote for a query comes first, in the searcher's language."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from search.promotions import promotions
from tests.frontend_api.conftest import add_page, translate_page

pytestmark = pytest.mark.django_db


def promote(query_string, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query_string), page=page, **fields)


@pytest.fixture
def budget(home_pages, locales):
    source = add_page(home_pages["sq"], "Buxheti komunal 2027", "buxheti-2027")
    serbian = translate_page(source, locales["sr"], "Општински буџет 2027", "budzet-2027")
    return source, serbian


def titles(found):
    return [promotion.title for promotion in found]


def test_the_promoted_page_is_shown_in_the_locale_searched(budget, locales):
    source, serbian = budget
    promote("buxheti", source, description="Buxheti i miratuar nga Kuvendi.")
    albanian = promotions("buxheti", locales["sq"])
    assert titles(albanian) == ["Buxheti komunal 2027"]
    assert albanian[0].description == "Buxheti i miratuar nga Kuvendi."
    assert albanian[0].url.endswith("/buxheti-2027/")
    found = promotions("Buxheti", locales["sr"])
    assert titles(found) == ["Општински буџет 2027"]
    assert found[0].page.pk == serbian.pk
    # The editors' description is Albanian: not shown to a Serbian reader.
    assert found[0].description == ""
    # No English translation: nothing promoted in English.
    assert promotions("buxheti", Locale.objects.get(language_code="en")) == []


def test_queries_match_whatever_the_case_diacritics_and_script(budget, locales):
    source, _ = budget
    promote("Скупштина буџет", source)
    for typed in ("скупштина буџет", "Skupština budžet", "skupstina budzet", "  SKUPSTINA   budzet "):
        assert titles(promotions(typed, locales["sr"])) == ["Општински буџет 2027"], typed
    assert promotions("skupstina", locales["sr"]) == []
    assert promotions("", locales["sr"]) == []
    assert promotions('"*"', locales["sr"]) == []


def test_a_page_that_is_not_public_is_never_promoted(budget, locales):
    source, serbian = budget
    promote("buxheti", source)
    serbian.unpublish()
    assert promotions("buxheti", locales["sr"]) == []
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    assert promotions("buxheti", locales["sq"]) == []


def test_external_links_in_every_locale_in_the_editors_order(budget, locales):
    source, _ = budget
    promote("buxheti", source)
    promote(
        "buxheti",
        external_link_url="https://mf.rks-gov.net/",
        external_link_text="Ministria e Financave",
        description="Buxheti i Kosovës",
    )
    assert titles(promotions("buxheti", locales["sq"])) == ["Buxheti komunal 2027", "Ministria e Financave"]
    assert titles(promotions("buxheti", Locale.objects.get(language_code="en"))) == ["Ministria e Financave"]


def test_the_site_search_shows_promotions_first_and_once(client, budget, locales):
    source, _ = budget
    add_page(source.get_parent(), "Raporti: buxheti 2026", "raporti-buxhetit")
    promote("buxheti", source, description="Buxheti i miratuar.")
    response = client.get("/search/", {"query": "Buxheti"})
    assert response.status_code == 200
    assert titles(response.context["promotions"]) == ["Buxheti komunal 2027"]
    assert [result["title"] for result in response.context["results"]] == ["Raporti: buxheti 2026"]
    html = response.content.decode()
    assert html.index("Buxheti komunal 2027") < html.index("Raporti: buxheti 2026")
    assert "Buxheti i miratuar." in html


def test_promotions_take_a_bounded_number_of_queries(budget, locales, django_assert_max_num_queries):
    source, _ = budget
    for number in range(5):
        promote(f"buxheti {number}", source)
        promote("buxheti", add_page(source.get_parent(), f"Faqe {number}", f"faqe-{number}"))
    with django_assert_max_num_queries(5):
        found = promotions("buxheti", locales["sq"])
    assert len(found) == 5
