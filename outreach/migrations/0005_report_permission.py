
"""The report to the head of office: the group "Head of office" may see it."""

from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create the same row now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outreach", model="interaction")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_report",
        defaults={"name": "Can see the report to the head of office"},
    )
    apps.get_model("auth", "Group").objects.get_or_create(name="Head of office")[0].permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('outreach', '0004_interaction_permissions'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='interaction',
            options={'ordering': ['-date', '-pk'], 'permissions': [('view_all_follow_ups', "Can see every staff member's follow-ups"), ('view_report', 'Can see the report to the head of office')], 'verbose_name': 'interaction', 'verbose_name_plural': 'interactions'},
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
