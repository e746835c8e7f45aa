"""Citizens' subscriptions in the admin: the group "Head of office" sees them and deletes one on request.

Adding and changing are refused to everyone by the screen's permission policy
(``outreach.subscription_admin``): a subscription is the subscriber's own choice.
"""

from django.db import migrations

NAMES = {"view_subscription": "Can view subscription", "delete_subscription": "Can delete subscription"}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create the same rows now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outreach", model="subscription")
    group, _ = Group.objects.get_or_create(name="Head of office")
    for codename, name in NAMES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0007_deliverability_marks")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
