import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

COUNTED_APPS = ("home", "documents", "events", "wagtailcore", "wagtail_localize", "wagtailimages")


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
