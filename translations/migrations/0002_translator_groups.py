from django.conf import settings
from django.db import migrations


def create_groups(apps, schema_editor):
    # Their page permissions need each locale's home page: translations.groups.ensure_translator_groups().
    Group = apps.get_model("auth", "Group")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            Group.objects.get_or_create(name=f"Translators ({code})")


class Migration(migrations.Migration):
    dependencies = [("translations", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
