"""A new account's admin language is the site's language (``LANGUAGE_CODE``), not the browser's.

Wagtail otherwise falls back to the request's language, which for the admin is the
browser's Accept-Language: most staff browsers here say English. The user changes
it in Account → Preferences (``WAGTAILADMIN_PERMITTED_LANGUAGES``).
"""

from django.conf import settings
from django.db.models.signals import post_save


def default_to_site_language(sender, instance, created, **kwargs):
    if created and not instance.preferred_language:
        sender.objects.filter(pk=instance.pk).update(preferred_language=settings.LANGUAGE_CODE)
        instance.preferred_language = settings.LANGUAGE_CODE


def connect():
    from wagtail.users.models import UserProfile

    post_save.connect(default_to_site_language, sender=UserProfile, dispatch_uid="cms_admin_language")
