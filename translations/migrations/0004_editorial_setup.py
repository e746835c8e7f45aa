"""The "Official languages check" ends the head of office's review; the editorial groups' task permissions."""

from django.db import migrations


def create(apps, schema_editor):
    from translations.setup import ensure_translation_editorial_setup

    ensure_translation_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0003_officiallanguagetask"),
        ("home", "0005_editorial_workflow"),
        ("events", "0002_default_notice_rules"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
