"""The office's plan (2015) as default notice rules, and the head of office's permissions."""

from django.db import migrations

PUBLIC_EVENT_KINDS = [
    "public_meeting",
    "cultural_historical",
    "festival",
    "anniversary",
    "conference",
    "mayors_meeting",
]

RULES = [
    {
        "name": "Public meetings and events: advisory 14 days before",
        "applies_to": "events",
        "event_kinds": PUBLIC_EVENT_KINDS,
        "notice_kind": "advisory",
        "anchor": "start",
        "days_before": 14,
    },
    {
        "name": "Public meetings and events: reminder 1 day before",
        "applies_to": "events",
        "event_kinds": PUBLIC_EVENT_KINDS,
        "notice_kind": "reminder",
        "anchor": "start",
        "days_before": 1,
    },
    {
        "name": "Sessions of bodies: notice on the day the materials are distributed",
        "applies_to": "meetings",
        "notice_kind": "materials",
        "anchor": "materials",
        "days_before": 0,
        "link_materials": True,
    },
    {
        "name": "Tender openings: notice of the day and time",
        "applies_to": "events",
        "event_kinds": ["tender_opening"],
        "public_only": False,
        "notice_kind": "tender",
        "anchor": "start",
        "days_before": 7,
    },
]

HEAD_OF_OFFICE = "Head of office"
PERMISSIONS = [
    ("noticerule", ["add", "change", "delete", "view"]),
    ("mediacontact", ["add", "change", "delete", "view"]),
    ("medianotice", ["view"]),
]


def create(apps, schema_editor):
    NoticeRule = apps.get_model("events", "NoticeRule")
    for order, rule in enumerate(RULES):
        NoticeRule.objects.get_or_create(name=rule["name"], defaults={**rule, "sort_order": order})

    # Permissions are normally created after all migrations; create these now
    # (the same rows Django would create) so the group can hold them.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=HEAD_OF_OFFICE)
    for model, actions in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
        verbose_name = apps.get_model("events", model)._meta.verbose_name
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            group.permissions.add(permission)
    admin_permission = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_permission:
        group.permissions.add(admin_permission)


def remove(apps, schema_editor):
    apps.get_model("events", "NoticeRule").objects.filter(name__in=[rule["name"] for rule in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, remove)]
