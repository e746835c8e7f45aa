"""The campaigns' coordination: target groups, activities and materials; the head of office sees the
timeline."""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create the same row now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outreach", model="campaignactivity")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_campaign_timeline",
        defaults={"name": "Can see the timeline of the campaigns' activities"},
    )
    apps.get_model("auth", "Group").objects.get_or_create(name="Head of office")[0].permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0003_file_storage_and_filters'),
        ('home', '0008_campaign_channels'),
        ('outreach', '0008_subscription_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CampaignActivity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('channel', models.CharField(choices=[('website', 'Website'), ('social_media', 'Social media'), ('radio', 'Radio'), ('tv', 'Television'), ('print', 'Print media'), ('public_meeting', 'Public meeting'), ('email', 'E-mail'), ('sms', 'SMS'), ('posters', 'Posters and leaflets'), ('press_conference', 'Press conference'), ('other', 'Other')], max_length=30, verbose_name='channel')),
                ('planned_on', models.DateField(verbose_name='planned date')),
                ('done_on', models.DateField(blank=True, null=True, verbose_name='date done')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='planned', max_length=20, verbose_name='status')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('campaign', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='home.campaignpage')),
                ('interaction', models.ForeignKey(blank=True, help_text="The meeting, call or e-mail of the directory's log this activity led to.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='outreach.interaction', verbose_name='interaction')),
                ('responsible', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='responsible staff member')),
            ],
            options={
                'verbose_name': 'activity',
                'verbose_name_plural': 'activities',
                'ordering': ['sort_order'],
                'permissions': [('view_campaign_timeline', "Can see the timeline of the campaigns' activities")],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='CampaignMaterial',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('note', models.CharField(blank=True, max_length=255, verbose_name='note')),
                ('campaign', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='materials', to='home.campaignpage')),
                ('document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='documents.document', verbose_name='document')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='publication')),
            ],
            options={
                'verbose_name': 'material',
                'verbose_name_plural': 'materials',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='CampaignTargetGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(blank=True, choices=[('media_local', 'Media (local)'), ('media_national', 'Media (national)'), ('media_international', 'Media (international)'), ('civil_society', 'Civil society organisation'), ('community', 'Community representative'), ('business', 'Business association'), ('sports', 'Sports club'), ('religious', 'Religious community'), ('school', 'School'), ('international', 'International organisation'), ('other', 'Other')], max_length=30, verbose_name='kind of contact')),
                ('community', models.CharField(blank=True, choices=[('albanian', 'Albanian'), ('serbian', 'Serbian'), ('turkish', 'Turkish'), ('bosniak', 'Bosniak'), ('roma', 'Roma'), ('ashkali', 'Ashkali'), ('egyptian', 'Egyptian'), ('gorani', 'Gorani'), ('montenegrin', 'Montenegrin'), ('croat', 'Croat'), ('other', 'Other')], max_length=20, verbose_name='community')),
                ('note', models.CharField(blank=True, max_length=255, verbose_name='note')),
                ('campaign', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='target_groups', to='home.campaignpage')),
                ('contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='outreach.contact', verbose_name='contact')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='outreach.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'target group',
                'verbose_name_plural': 'target groups',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
