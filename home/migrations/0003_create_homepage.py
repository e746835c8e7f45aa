"""Replace Wagtail's default welcome page with the Albanian HomePage and its Site.

The Serbian and English home pages are created as wagtail-localize
translations by ``manage.py setup_site`` (needs the real models).
"""

import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    page_content_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_content_type, slug="home", depth=2).delete()
    Site.objects.filter(root_page__isnull=True).delete()

    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    step = int(last_child.path[-4:], 36) + 1 if last_child else 1
    path = root.path + _base36(step).rjust(4, "0")

    homepage = HomePage.objects.create(
        title="Komuna",
        draft_title="Komuna",
        slug="home",
        content_type=homepage_content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.get(language_code="sq"),
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": homepage, "site_name": "Komuna"},
    )


def _base36(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, rem = divmod(number, 36)
        digits = alphabet[rem] + digits
    return digits or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
