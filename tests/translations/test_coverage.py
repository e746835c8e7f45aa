import csv
import io

from translations import coverage, services
from translations.models import TranslationTask

State = TranslationTask.State


def cell(report, locale, label="wagtailcore.page"):
    for content_type, row in report["rows"]:
        if content_type.model_class()._meta.label_lower == label:
            return row[locale]
    raise AssertionError(f"no row for {label}")


def test_coverage_counts_each_source_once_per_locale(
    home_pages,
    news_page,
    publish,
    serbian_translator,
    head_of_office,
    fill_translation,
    django_capture_on_commit_callbacks,
):
    from wagtail.models import Page

    second = publish(home_pages["sq"].add_child(instance=Page(title="Njoftime", slug="njoftime", live=False)))
    # "Lajme" → sr translated and published; "Njoftime" → sr in progress; both missing in English.
    task = TranslationTask.objects.for_instance(news_page.specific).get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    fill_translation(task)
    services.submit(task, serbian_translator)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(task, head_of_office)
    services.start(
        TranslationTask.objects.for_instance(second).get(target_locale__language_code="sr"),
        serbian_translator,
    )

    report = coverage.compute()
    assert [locale.language_code for locale in report["locales"]] == ["sr", "en"]
    sr = cell(report, "sr")
    assert sr.counts == {"translated": 1, "outdated": 0, "in_progress": 1, "missing": 0}
    assert sr.percentages["translated"] == 50.0
    assert cell(report, "en").counts["missing"] == 2

    # The home pages were translated before tasks existed: a change outdates them.
    publish(home_pages["sq"], title="Komuna e Graçanicës")
    report = coverage.compute()
    assert cell(report, "sr", "home.homepage").counts == {
        "translated": 0,
        "outdated": 1,
        "in_progress": 0,
        "missing": 0,
    }
    assert report["totals"]["sr"].total == 3


def test_coverage_queries_do_not_grow_with_content(home_pages, news_page, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        coverage.compute()


def test_coverage_csv(client, head_of_office, news_page):
    client.force_login(head_of_office)
    response = client.get("/admin/translations/coverage.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    page_sr = next(row for row in rows if row["content_type"] == "wagtailcore.Page" and row["locale"] == "sr")
    assert page_sr["missing"] == "1" and page_sr["total"] == "1" and page_sr["missing_percent"] == "100.0"
    assert any(row["content_type"] == "total" for row in rows)


def test_coverage_page_shows_bars_and_overdue_tasks(client, head_of_office, news_page):
    from django.utils import timezone

    TranslationTask.objects.filter(target_locale__language_code="sr").update(
        due_at=timezone.now() - timezone.timedelta(days=1)
    )
    client.force_login(head_of_office)
    response = client.get("/admin/translations/coverage/")
    content = response.content.decode()
    assert response.status_code == 200
    # Home page translated, "Lajme" missing: half and half.
    assert (
        '<rect x="0.0" y="0" width="50.0" height="4" fill="#2e7d32"><title>translated: 50.0%</title></rect>'
        in content
    )
    assert (
        '<rect x="50.0" y="0" width="50.0" height="4" fill="#bdbdbd"><title>missing: 50.0%</title></rect>'
        in content
    )
    assert "Lajme → sr" in content


def test_coverage_is_for_reviewers_only(client, serbian_translator):
    client.force_login(serbian_translator)
    assert client.get("/admin/translations/coverage/").status_code in (302, 403)
