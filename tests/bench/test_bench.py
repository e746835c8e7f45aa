"""bench/: the data generator, Wagtail's API v2 endpoint and the ceiling view (no timings here)."""

import pytest
from django.core.management import CommandError, call_command
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from bench import data
from bench.views import ceiling
from events.models import EventPage, MeetingPage
from home.models import DecisionPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

V2_FIELDS = "_,title,date,summary,html_url,lead_image_card"


@pytest.fixture
def bench_data(home_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        data.generate(2)
    return home_pages


def test_generator_creates_n_pages_per_type_in_every_locale(bench_data):
    for model in (NewsPage, DecisionPage, StandardPage, EventPage, MeetingPage):
        for code in ("sq", "sr", "en"):
            pages = model.objects.live().filter(locale__language_code=code, title__startswith="Bench ")
            assert pages.count() == 2, (model.__name__, code)
    for news in NewsPage.objects.filter(locale__language_code="sq"):
        translations = NewsPage.objects.filter(translation_key=news.translation_key)
        assert sorted(page.locale.language_code for page in translations) == ["en", "sq", "sr"]
        assert {page.lead_image_id for page in translations} == {news.lead_image_id}
        assert news.lead_image is not None
    serbian = NewsPage.objects.filter(locale__language_code="sr").first()
    assert serbian.url_path.startswith(bench_data["sr"].url_path + "vesti/")


def test_generator_tops_up_and_rejects_a_bad_size(bench_data):
    assert set(data.generate(2).values()) == {0}
    assert data.generate(3)["NewsPage"] == 1
    assert NewsPage.objects.filter(locale__language_code="en").count() == 3
    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench_data", "--per-type", "0")


def test_api_v2_answers_only_for_the_benchmark(client, settings, home_pages):
    settings.BENCH = False
    assert client.get("/api/v2/pages/").status_code == 404
    assert client.get("/api/v2/pages/1/").status_code == 404
    settings.BENCH = True
    assert client.get("/api/v2/pages/").status_code == 200


def test_api_v2_lists_live_public_news_with_the_same_fields(client, bench_data, settings):
    settings.BENCH = True
    sq = NewsPage.objects.filter(locale__language_code="sq").order_by("pk")
    draft, private = sq[0], sq[1]
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    response = client.get(
        "/api/v2/pages/",
        {"type": "home.NewsPage", "locale": "sr", "fields": V2_FIELDS, "order": "-date", "limit": 20},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 2
    item = items[0]
    assert set(item) == {"meta", "title", "date", "summary", "lead_image_card"}
    assert item["meta"]["html_url"].endswith("/sr/vesti/bench-newspage-0/")
    assert item["lead_image_card"]["width"] == 800 and item["lead_image_card"]["height"] == 450
    assert ".fill-800x450" in item["lead_image_card"]["url"]
    albanian = client.get("/api/v2/pages/", {"type": "home.NewsPage", "locale": "sq", "fields": V2_FIELDS})
    assert albanian.json()["items"] == []  # one draft, one private


def test_ceiling_view_serves_the_stored_body_only_when_bench_is_on(tmp_path, monkeypatch, settings, client):
    monkeypatch.setenv("BENCH_CEILING_DIR", str(tmp_path))
    (tmp_path / "home.json").write_bytes(b'{"data":{"homePage":{"title":"Komuna"}}}')
    request = RequestFactory().get("/bench/ceiling/home/")
    settings.BENCH = True
    response = ceiling(request, "home")
    assert response.status_code == 200
    assert response.content == b'{"data":{"homePage":{"title":"Komuna"}}}'
    assert response["Content-Type"].startswith("application/graphql-response+json")
    with pytest.raises(Http404, match="No body stored"):
        ceiling(request, "missing")
    settings.BENCH = False
    with pytest.raises(Http404):
        ceiling(request, "home")
    # The URL is not even mounted unless BENCH=1 when the URLconf loads.
    assert client.get("/bench/ceiling/home/").status_code == 404


def test_make_bench_keeps_the_refused_queries_and_search_sections(tmp_path):
    from bench.run import kept_sections

    results = tmp_path / "RESULTS.md"
    section = (
        "<!-- bench/refused_queries.py -->\n## Refused queries\n\n| q |\n<!-- /bench/refused_queries.py -->"
    )
    search = "<!-- bench/search/evaluate.py -->\n## Search\n\n| s |\n<!-- /bench/search/evaluate.py -->"
    results.write_text(f"# Benchmark results\n\nold figures\n\n{section}\n\n{search}\n")
    assert kept_sections(results) == "\n" + section + "\n" + "\n" + search + "\n"
    results.write_text("# Benchmark results\n")
    assert kept_sections(results) == ""
