"""/sr-latn/: the Serbian pages in Latin script, with links, hreflang and the switcher to match."""

import re

import pytest

from home.models import StandardPage
from tests.frontend_api.conftest import translate_page

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def add_page(parent, title, slug, **fields):
    page = parent.add_child(
        instance=StandardPage(title=title, slug=slug, locale_id=parent.locale_id, live=False, **fields)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def serbian(home_pages, locales):
    news = add_page(home_pages["sq"], "Lajme", "lajme")
    item = add_page(news, "Buxheti", "buxheti", search_description="Buxheti i komunës")
    news_sr = translate_page(news, locales["sr"], "Вести", "vesti")
    item_sr = translate_page(item, locales["sr"], "Буџет општине", "budzet")
    item_sr.search_description = "Буџет општине за 2026. годину"
    item_sr.body.append(("paragraph", f'<p>Види <a linktype="page" id="{news_sr.pk}">вести</a>.</p>'))
    item_sr.save_revision().publish()
    return news_sr, item_sr


def test_serbian_pages_read_in_latin_script(client, serbian):
    html = client.get("/sr-latn/vesti/budzet/").content.decode()
    assert "<title>Budžet opštine</title>" in html
    assert 'content="Budžet opštine za 2026. godinu"' in html
    assert '<html lang="sr-latn"' in html
    # Only the switcher's way back to Cyrillic keeps its Cyrillic name.
    without_switch = re.sub(r'<a [^>]*hreflang="sr"[^>]*>.*?</a>', "", html)
    assert not CYRILLIC.search(without_switch), CYRILLIC.findall(without_switch)


def test_links_stay_in_latin_script_and_hreflang_names_every_version(client, serbian):
    html = client.get("/sr-latn/vesti/budzet/").content.decode()
    assert 'Vidi <a href="/sr-latn/vesti/">vesti</a>.' in html
    assert html.count('href="/sr/') == 1  # the switcher's link to Cyrillic
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "sq": "http://localhost/lajme/buxheti/",
        "sr": "http://localhost/sr/vesti/budzet/",
        "sr-latn": "http://localhost/sr-latn/vesti/budzet/",
    }
    assert '<a href="/sr/vesti/budzet/" hreflang="sr" lang="sr">Српски</a>' in html
    assert '<li aria-current="true" lang="sr-latn">Srpski</li>' in html


def test_the_cyrillic_page_offers_the_latin_one(client, serbian):
    html = client.get("/sr/vesti/budzet/").content.decode()
    assert "Буџет општине" in html
    assert '<a href="/sr-latn/vesti/budzet/" hreflang="sr-latn" lang="sr-latn">Srpski</a>' in html


def test_search_and_ical_in_latin_script(client, serbian):
    assert client.get("/sr-latn/search/", {"query": "budžet"}).status_code == 200
    feed = client.get("/sr-latn/ical/calendar.ics")
    assert feed.status_code == 200
    assert not CYRILLIC.search(feed.content.decode())
