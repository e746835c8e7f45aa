from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0004_event_body_to_stream")]

    operations = [
        migrations.RemoveField(model_name="eventpage", name="body_html"),
        migrations.RemoveField(model_name="meetingpage", name="body_html"),
    ]
