
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0006_page_image_texts'),
        ('outreach', '0002_media_contacts_into_directory'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Interaction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('meeting', 'Meeting'), ('call', 'Phone call'), ('email', 'E-mail'), ('event', 'Event attended'), ('request', 'Request received')], max_length=20, verbose_name='kind')),
                ('date', models.DateField(default=django.utils.timezone.localdate, verbose_name='date')),
                ('subject', models.CharField(max_length=255, verbose_name='subject')),
                ('outcome', models.CharField(choices=[('informed', 'Information given'), ('agreed', 'Agreement reached'), ('forwarded', 'Forwarded to the responsible official'), ('pending', 'Pending'), ('no_result', 'No result')], default='pending', max_length=20, verbose_name='outcome')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('follow_up_date', models.DateField(blank=True, null=True, verbose_name='follow-up date')),
                ('follow_up_done', models.BooleanField(default=False, verbose_name='follow-up done')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('contacts', models.ManyToManyField(related_name='interactions', to='outreach.contact', verbose_name='contacts')),
                ('staff', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='staff member')),
                ('topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.topic', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'interaction',
                'verbose_name_plural': 'interactions',
                'ordering': ['-date', '-pk'],
                'permissions': [('view_all_follow_ups', "Can see every staff member's follow-ups")],
            },
        ),
    ]
