"""Today's media contacts become directory contacts, keeping their ids so notices keep their deliveries.

Each outlet becomes one organisation of the contact's scope (local or international
media); person, e-mail, phone, language, topics and active flag are copied. The old
rows recorded no consent: the contacts keep receiving notices (the office's work with
the press) and the note says where they came from, for the office to record consent.
The group "Head of office", which managed the media contacts, manages the directory.
``events.0009`` points the deliveries at the directory, and copies the contacts
back when it is reversed.
"""

from django.core.management.color import no_style
from django.db import migrations

HEAD_OF_OFFICE = "Head of office"
MODELS = ("organisation", "contact")
ACTIONS = ("add", "change", "delete", "view")
MIGRATED_NOTE = "Moved from the media contacts."


def media_contacts_into_directory(apps, schema_editor):
    MediaContact = apps.get_model("events", "MediaContact")
    Organisation = apps.get_model("outreach", "Organisation")
    Contact = apps.get_model("outreach", "Contact")
    organisations = {}
    for old in MediaContact.objects.order_by("pk").prefetch_related("topics"):
        kind = "media_international" if old.scope == "international" else "media_local"
        organisation = organisations.get((old.outlet, kind))
        if organisation is None:
            organisation = organisations[(old.outlet, kind)] = Organisation.objects.create(name=old.outlet, kind=kind)
        contact = Contact.objects.create(
            pk=old.pk,
            name=old.person,
            organisation=organisation,
            kind=kind,
            language=old.language,
            email=old.email,
            phone=old.phone,
            is_active=old.is_active,
            notes=MIGRATED_NOTE,
        )
        contact.topics.set(old.topics.all())
    _reset_sequences(schema_editor, [Contact])
    _grant_head_of_office(apps)


def remove_moved_contacts(apps, schema_editor):
    """The reverse, after ``events`` has copied the media contacts back: remove them from the directory."""
    MediaContact = apps.get_model("events", "MediaContact")
    Contact = apps.get_model("outreach", "Contact")
    Contact.objects.filter(pk__in=MediaContact.objects.values("pk")).delete()
    apps.get_model("outreach", "Organisation").objects.filter(contacts__isnull=True).delete()


def _reset_sequences(schema_editor, models):
    """Rows were inserted with explicit ids: PostgreSQL's sequence must move past them."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _grant_head_of_office(apps):
    # Permissions are normally created after all migrations; create the same rows now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=HEAD_OF_OFFICE)
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="outreach", model=model)
        verbose_name = apps.get_model("outreach", model)._meta.verbose_name
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("events", "0008_contact_language_serbian_latin"),
    ]

    operations = [migrations.RunPython(media_contacts_into_directory, remove_moved_contacts)]
