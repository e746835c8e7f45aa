"""Indexing runs in the task worker: a published page is found once `db_worker` has run its index task."""

import signal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from home.models import StandardPage
from search.service import search

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def queued_tasks():
    """Tasks go to the database queue, as on the site (the test settings run them at once)."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def run_worker():
    """`manage.py db_worker` in this process until the queue is empty, its signal handlers undone after."""
    handlers = {
        number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def titles(query):
    return [result.title for result in search(query, Locale.objects.get(language_code="sq"))]


@pytest.mark.django_db(transaction=True)
def test_a_published_page_is_found_after_the_worker_indexed_it(home_pages, queued_tasks):
    page = home_pages["sq"].add_child(
        instance=StandardPage(title="Zjarrfikësit e komunës", slug="zjarrfikesit", live=False)
    )
    page.save_revision().publish()

    queued = DBTaskResult.objects.filter(task_path=INDEX_TASK).ready()
    assert {tuple(task.args_kwargs["args"]) for task in queued} >= {("home", "standardpage", str(page.pk))}
    assert titles("zjarrfikesit") == []

    run_worker()

    assert not DBTaskResult.objects.filter(task_path=INDEX_TASK).ready().exists()
    assert not DBTaskResult.objects.filter(task_path=INDEX_TASK).failed().exists()
    assert titles("zjarrfikesit") == ["Zjarrfikësit e komunës"]
