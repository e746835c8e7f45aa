import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

COUNTED_APPS = ("home", "documents", "events", "citizens", "wagtailcore", "wagtail_localize", "wagtailimages")


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for label in COUNTED_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    }


def test_demo_data_loaded_twice_gives_the_same_row_counts(capsys):
    call_command("load_demo_data")
    first = row_counts()
    call_command("load_demo_data")
    second = row_counts()

    assert first == second
    assert first["home.Body"] >= 6
    assert first["home.HomePage"] == 3
    output = capsys.readouterr().out
    assert "nothing to create" in output


def test_demo_data_fills_the_usage_index_once_at_the_end(site, monkeypatch):
    from types import SimpleNamespace

    from wagtail import signal_handlers
    from wagtail.documents import get_document_model
    from wagtail.models import ReferenceIndex

    from events.models import MeetingMaterial

    queued = []
    task = signal_handlers.update_reference_index_task
    monkeypatch.setattr(
        signal_handlers,
        "update_reference_index_task",
        SimpleNamespace(enqueue=lambda *args: queued.append(args) or task.enqueue(*args)),
    )
    call_command("load_demo_data")
    assert queued == []

    # Saves during the load queue no index task (their child rows are replaced as the
    # loaders run); the index is rebuilt once, so "Used by" knows the agenda materials.
    material = MeetingMaterial.objects.select_related("document").first()
    assert material is not None
    usage = ReferenceIndex.get_references_to(material.document)
    assert usage.exists()
    assert get_document_model().objects.count() > 0
