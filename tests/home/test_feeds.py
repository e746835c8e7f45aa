import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from home.factories import NewsPageFactory
from home.localization import translate_with

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(indexes, django_capture_on_commit_callbacks):
    index = indexes["news"]
    first = NewsPageFactory(
        parent=index, title="Lajmi i parë", summary="Përmbledhja e parë", date=datetime.date(2026, 5, 1)
    )
    second = NewsPageFactory(parent=index, title="Lajmi i dytë", date=datetime.date(2026, 5, 3))
    NewsPageFactory(parent=index, title="Lajm draft", live=False, date=datetime.date(2026, 5, 4))
    with django_capture_on_commit_callbacks(execute=True):
        english_index = translate_with(
            index, "en", lambda text, path: {"slug": "news", "title": "News"}.get(path)
        )
        translate_with(first, "en", lambda text, path: "First news" if path == "title" else None)
    return index, english_index, first, second


def test_rss_lists_live_items_of_the_locale_newest_first(client, news):
    index, _english, _first, _second = news
    response = client.get(index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "sq"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Lajmi i dytë", "Lajmi i parë"]
    assert channel.findall("item")[1].findtext("description") == "Përmbledhja e parë"


def test_atom_feed_of_the_english_tree(client, news):
    _index, english, _first, _second = news
    assert english.url == "/en/news/"
    response = client.get("/en/news/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "News"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["First news"]
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href").endswith("/en/news/first-news/")


def test_index_pages_link_their_feeds(client, news):
    index, _english, _first, _second = news
    html = client.get(index.url).content.decode()
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Lajme (RSS)" href="{index.url}rss/">'
        in html
    )
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Lajme (Atom)" href="{index.url}atom/">'
        in html
    )


def test_listing_query_count_does_not_grow_with_items(client, indexes, django_assert_max_num_queries):
    for number in range(15):
        NewsPageFactory(
            parent=indexes["news"], title=f"Lajm {number}", date=datetime.date(2026, 1, 1 + number)
        )
    with django_assert_max_num_queries(30):
        response = client.get(indexes["news"].url)
    assert response.status_code == 200
    assert response.content.decode().count("<article>") == 15


@pytest.fixture
def serbian_news(news, locales, site):
    from tests.frontend_api.conftest import translate_page

    index, _english, first, second = news
    site.hostname, site.port = "komuna.test", 8080
    site.save()
    index_sr = translate_page(index, locales["sr"], "Вести", "vesti")
    index_sr.summary = "Вести општине"
    index_sr.save_revision().publish()
    first_sr = translate_page(first, locales["sr"], "Прва вест", "prva-vest")
    first_sr.summary = "Џеп и љубав & њива"
    first_sr.save_revision().publish()
    return index_sr


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_rss_under_sr_latn_is_in_latin_script(client, serbian_news):
    response = client.get("/sr-latn/vesti/rss/")
    assert response.status_code == 200
    content = response.content.decode()
    assert not CYRILLIC.search(content), CYRILLIC.findall(content)
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Vesti"
    assert channel.findtext("description") == "Vesti opštine"
    assert channel.findtext("language") == "sr-latn"
    assert channel.findtext("link") == "http://komuna.test:8080/sr-latn/vesti/"
    [item] = channel.findall("item")
    assert item.findtext("title") == "Prva vest"
    assert item.findtext("description") == "Džep i ljubav &amp; njiva"
    assert item.findtext("link") == "http://komuna.test:8080/sr-latn/vesti/prva-vest/"
    assert item.findtext("guid").endswith(":sr-latn")


def test_atom_under_sr_latn_links_its_own_feed_and_the_cyrillic_feed_is_unchanged(client, serbian_news):
    feed = ET.fromstring(client.get("/sr-latn/vesti/atom/").content)
    assert feed.findtext(f"{ATOM}title") == "Vesti"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://komuna.test:8080/sr-latn/vesti/",
        "self": "http://komuna.test:8080/sr-latn/vesti/atom/",
    }
    assert (
        feed.find(f"{ATOM}entry/{ATOM}link").get("href") == "http://komuna.test:8080/sr-latn/vesti/prva-vest/"
    )

    channel = ET.fromstring(client.get("/sr/vesti/rss/").content).find("channel")
    assert channel.findtext("title") == "Вести"
    assert channel.findtext("language") == "sr"
    assert channel.find("item").findtext("link") == "http://komuna.test:8080/sr/vesti/prva-vest/"
