"""Who works the inbox: the head of office sees every message; group "Officials" their department's."""

from django.db import migrations

HEAD_OF_OFFICE = "Head of office"
OFFICIALS = "Officials"
PERMISSIONS = {
    HEAD_OF_OFFICE: [
        ("message", ["view", "change"]),
        ("message", ["see_all_messages"]),
        ("internalnote", ["add", "view"]),
        ("kind", ["add", "change", "view"]),
        ("routingrule", ["add", "change", "delete", "view"]),
        ("departmentofficial", ["add", "change", "delete", "view"]),
    ],
    OFFICIALS: [
        ("message", ["view", "change"]),
        ("internalnote", ["add", "view"]),
    ],
}
NAMES = {"see_all_messages": "Can see every citizen's message"}


def create(apps, schema_editor):
    # Permissions are normally created after all migrations; create these now (the same rows
    # Django would create) so that the groups can hold them, as events/0002 does.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_permission = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for group_name, entries in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in entries:
            content_type, _ = ContentType.objects.get_or_create(app_label="citizens", model=model)
            verbose_name = apps.get_model("citizens", model)._meta.verbose_name
            for action in actions:
                codename = action if action in NAMES else f"{action}_{model}"
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": NAMES.get(action, f"Can {action} {verbose_name}")},
                )
                group.permissions.add(permission)
        if admin_permission:
            group.permissions.add(admin_permission)


class Migration(migrations.Migration):
    dependencies = [
        ("citizens", "0003_inbox"),
        ("home", "0005_editorial_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
