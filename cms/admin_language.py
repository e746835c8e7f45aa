"""A new account's admin language is the site's (``ADMIN_DEFAULT_LANGUAGE``: ``LANGUAGE_CODE``), not the browser's.

Wagtail otherwise falls back to the request's language, which for the admin is the
browser's Accept-Language: most staff browsers here say English. The user changes
it in Account → Preferences (``WAGTAILADMIN_PERMITTED_LANGUAGES``).
"""

from django.conf import settings
from django.db.models.signals import post_save


def default_language():
    return getattr(settings, "ADMIN_DEFAULT_LANGUAGE", None) or settings.LANGUAGE_CODE


def default_to_site_language(sender, instance, created, raw=False, **kwargs):
    # raw: loaddata (a restore, cms/backup/) brings the profile as it was.
    if created and not raw and not instance.preferred_language:
        language = default_language()
        sender.objects.filter(pk=instance.pk).update(preferred_language=language)
        instance.preferred_language = language


def give_a_profile(sender, instance, created, raw=False, **kwargs):
    # Wagtail reads the language from the profile only when one exists: make it with the account
    # (not when loaddata, in a restore, brings the account: its profile comes with it).
    if created and not raw:
        from wagtail.users.models import UserProfile

        UserProfile.get_for_user(instance)


def connect():
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    post_save.connect(default_to_site_language, sender=UserProfile, dispatch_uid="cms_admin_language")
    post_save.connect(give_a_profile, sender=get_user_model(), dispatch_uid="cms_admin_language_profile")
