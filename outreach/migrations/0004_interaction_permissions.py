"""Who keeps the interactions log: the office's staff (group "Editors") logs and follows up its own; the
head of office manages all of it and sees everyone's follow-ups on the dashboard.

Editors choose contacts in the log by name without holding the directory's permissions, so the
directory's addresses and phones stay with the head of office.
"""

from django.db import migrations

GRANTS = {
    "Editors": ["add_interaction", "change_interaction", "view_interaction"],
    "Head of office": [
        "add_interaction",
        "change_interaction",
        "delete_interaction",
        "view_interaction",
        "view_all_follow_ups",
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create the same rows now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outreach", model="interaction")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0003_interactions"), ("home", "0005_editorial_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
