"""Publishing or unpublishing an entry of the calendar recomputes its media notices."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from events.models import BaseEventPage
from events.notices import schedule_notices


def _is_source_entry(instance):
    # Translations share the source's schedule: notices follow the page in the
    # default locale only, so contacts are not notified once per language.
    if not isinstance(instance, BaseEventPage) or instance.alias_of_id:
        return False
    return not instance.get_translations().filter(pk__lt=instance.pk).exists()


@receiver(page_published)
def schedule_on_publish(sender, instance, revision=None, **kwargs):
    if _is_source_entry(instance):
        schedule_notices(instance, user=getattr(revision, "user", None))


@receiver(page_unpublished)
def cancel_on_unpublish(sender, instance, **kwargs):
    if _is_source_entry(instance):
        schedule_notices(instance)
