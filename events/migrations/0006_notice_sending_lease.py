from django.db import migrations, models
from django.db.models import F


def lease_from_last_update(apps, schema_editor):
    """A notice already sending holds its lease from its last update: reclaimed if that is stale."""
    MediaNotice = apps.get_model("events", "MediaNotice")
    MediaNotice.objects.filter(status="sending", claimed_at__isnull=True).update(claimed_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [("events", "0005_remove_event_body_html")]

    operations = [
        migrations.AddField(
            model_name="medianotice",
            name="claimed_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When the worker sending the notice claimed it or last reported progress; a notice "
                    "sending for longer than MEDIA_NOTICE_SENDING_LEASE is reclaimed."
                ),
                null=True,
                verbose_name="claimed at",
            ),
        ),
        migrations.AddField(
            model_name="noticedelivery",
            name="attempted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="sending started"),
        ),
        migrations.RunPython(lease_from_last_update, migrations.RunPython.noop),
    ]
