"""Tasks follow publication; the official-language gate guards every page save.

A published source creates or reopens tasks, a published translation closes
one. Every save and delete of a page passes the gate (translations/gate.py),
whatever path made it. A translated slug is stored in ASCII (translations/slugs.py).
"""

from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import published
from wagtail_localize.models import StringTranslation

from . import conf, gate, services
from .slugs import ASCII_SLUG, slugify_ascii


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


@receiver(pre_save)
def official_language_gate_on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and isinstance(instance, Page):
        gate.guard_save(instance, update_fields)


@receiver(pre_delete)
def official_language_gate_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        gate.guard_delete(instance)


@receiver(pre_save, sender=StringTranslation)
def translated_slug_in_ascii(sender, instance, raw=False, **kwargs):
    """A slug typed in the translation editor in another script is stored transliterated.

    wagtail-localize slugifies a translated slug by dropping what is not ASCII
    ("6-седница" → "6"), so the letters are converted before it sees them.
    A slug that is empty or a number once converted is left to the page, which
    makes one from its title.
    """
    if raw or not instance.data or ASCII_SLUG.fullmatch(instance.data):
        return
    if instance.context_id and instance.context.path == "slug":
        instance.data = slugify_ascii(instance.data) or instance.data
