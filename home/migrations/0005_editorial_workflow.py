"""Groups "Editors" and "Head of office" and the "Review by head of office" workflow."""

from django.db import migrations


def create_editorial_setup(apps, schema_editor):
    from home.editorial import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_content_pages"),
        ("documents", "0002_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_editorial_setup, migrations.RunPython.noop)]
