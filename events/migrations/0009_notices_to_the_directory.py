"""Notices go to the directory's contacts (``outreach.0002`` moved the media contacts there, ids kept).

Reversed, the media contacts (and any contact a notice went to) are copied back
into the old table before the deliveries point at it again.
"""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models
from django.db.models import Q

MEDIA_KINDS = ["media_local", "media_national", "media_international"]


def directory_into_media_contacts(apps, schema_editor):
    MediaContact = apps.get_model("events", "MediaContact")
    Contact = apps.get_model("outreach", "Contact")
    contacts = Contact.objects.filter(Q(kind__in=MEDIA_KINDS) | Q(deliveries__isnull=False)).distinct()
    for contact in contacts.select_related("organisation").prefetch_related("topics").order_by("pk"):
        old = MediaContact.objects.create(
            pk=contact.pk,
            outlet=contact.organisation.name if contact.organisation else contact.name,
            person=contact.name if contact.organisation else "",
            email=contact.email,
            phone=contact.phone,
            scope="international" if contact.kind == "media_international" else "local",
            language=contact.language,
            is_active=contact.is_active,
        )
        old.topics.set(contact.topics.all())
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [MediaContact]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_contact_language_serbian_latin"),
        ("outreach", "0002_media_contacts_into_directory"),
    ]

    operations = [
        migrations.AlterField(
            model_name="noticedelivery",
            name="contact",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="deliveries", to="outreach.contact"
            ),
        ),
        migrations.AlterField(
            model_name="medianotice",
            name="recipients",
            field=models.ManyToManyField(
                related_name="notices",
                through="events.NoticeDelivery",
                to="outreach.contact",
                verbose_name="recipients",
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, directory_into_media_contacts),
        migrations.DeleteModel(name="MediaContact"),
    ]
