"""Tasks follow publication: a published source creates or reopens tasks, a published translation closes one."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import published

from . import conf, services


def _on_published(instance, revision=None):
    if not hasattr(instance, "locale_id") or not hasattr(instance, "translation_key"):
        return
    user = getattr(revision, "user", None)
    if instance.locale.language_code == conf.default_language():
        services.sync_tasks_for_source(instance, user=user)
    else:
        # wagtail-localize publishes translations on commit; the task follows the same transaction.
        transaction.on_commit(lambda: services.complete_on_publish(instance, user=user))


# Wagtail sends ``published`` for pages (after ``page_published``) and for snippets alike.
@receiver(published)
def object_was_published(sender, instance, revision=None, **kwargs):
    _on_published(instance, revision)
