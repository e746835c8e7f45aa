"""A citizen searches the site the way people type: no diacritics, the other script, a typo."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from home import factories
from tests.frontend_api.conftest import translate_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


@pytest.fixture
def content(home_pages, locales):
    assembly = factories.BodyFactory(
        slug="kuvendi", name="Kuvendi i Komunës", name_sr="Скупштина општине", name_en="Municipal Assembly"
    )
    decisions = factories.DecisionIndexPageFactory(parent=home_pages["sq"], title="Vendime", slug="vendime")
    budget = factories.DecisionPageFactory(
        parent=decisions,
        title="Vendimi për buxhetin e Komunës për vitin 2027",
        summary="Kuvendi i Komunës miratoi buxhetin për vitin 2027, me mjete për shkollat dhe rrugët.",
        number="01-016/2027",
        issuing_body=assembly,
        date_adopted=datetime.date(2026, 11, 27),
    )
    news = factories.NewsIndexPageFactory(parent=home_pages["sq"], title="Lajme", slug="lajme")
    factories.NewsPageFactory(
        parent=news,
        title="Dëgjim publik për buxhetin e Komunës",
        summary="Qytetarët diskutuan buxhetin me kryetarin.",
        date=datetime.date(2026, 10, 15),
    )
    decisions_sr = translate_page(decisions, locales["sr"], "Одлуке", "odluke")
    factories.DecisionPageFactory(
        parent=decisions_sr,
        title="Одлука о буџету општине за 2027. годину",
        summary="Скупштина општине усвојила је буџет за 2027. годину.",
        issuing_body=assembly,
        date_adopted=datetime.date(2026, 11, 27),
    )
    # Reference data set after the pages were saved: index once, as the task worker would.
    call_command("update_index", verbosity=0)
    return {"budget": budget}


def test_a_citizen_finds_the_budget_decision_in_albanian_and_in_serbian_latin(page, live_server, content):
    # Albanian, typed without ë, in another form of the words.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Kërko").first.click()
    page.fill("#search-query", "buxheti komunes")
    page.get_by_role("button", name="Kërko").click()
    page.wait_for_url("**/search/?query=buxheti+komunes")
    results = page.locator(".results > li > a")
    assert results.all_inner_texts() == [
        "Vendimi për buxhetin e Komunës për vitin 2027",
        "Dëgjim publik për buxhetin e Komunës",
    ]
    assert page.locator(".result-count").inner_text() == "2 rezultate"
    assert "Vendim · 27 nëntor 2026" in page.locator(".results .meta").first.inner_text()
    assert page.locator(".results mark").first.inner_text() in {"buxhetin", "Komunës"}
    screenshot(page, "search-sq.png")

    # A facet narrows the results to decisions; its link then removes the filter.
    page.locator(".facets a", has_text="Vendime").click()
    page.wait_for_url("**type=DecisionPage**")
    assert results.all_inner_texts() == ["Vendimi për buxhetin e Komunës për vitin 2027"]
    page.locator(".facets a.selected").first.click()
    page.wait_for_url("**/search/?query=buxheti+komunes")
    assert results.count() == 2

    # The result opens the decision.
    results.first.click()
    page.wait_for_url(f"**{content['budget'].url}")
    assert page.locator("h1").inner_text() == "Vendimi për buxhetin e Komunës për vitin 2027"

    # A typo: nothing found, and the close spelling is offered.
    page.goto(f"{live_server.url}/search/?query=vendimmi")
    assert "Nuk u gjet asnjë rezultat." in page.locator("main").inner_text()
    page.locator(".correction a").click()
    assert results.count() >= 1

    # Serbian typed on a Latin keyboard without diacritics finds the Cyrillic decision, shown in Latin.
    page.goto(f"{live_server.url}/sr-latn/search/")
    page.fill("#search-query", "odluka budzet opstine")
    page.get_by_role("button", name="Pretraga").click()
    assert results.all_inner_texts() == ["Odluka o budžetu opštine za 2027. godinu"]
    assert page.locator(".results mark").first.inner_text() in {"Odluka", "budžetu", "opštine"}
    assert "Одлука" not in page.content()
    screenshot(page, "search-sr-latn.png")


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.screenshot(path=SCREENSHOTS / name, full_page=True)
