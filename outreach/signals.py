"""Publishing a page: a press release goes to the media, and the subscribers hear of it.

The mail provider's bounce and complaint reports mark the address (``outreach.deliverability``).
"""

from anymail.signals import tracking
from django.dispatch import receiver
from wagtail.signals import page_published

from outreach import deliverability, subscriptions
from outreach.press import schedule_press_release


@receiver(page_published)
def press_release_on_publish(sender, instance, revision=None, **kwargs):
    schedule_press_release(instance, user=getattr(revision, "user", None))


@receiver(page_published)
def subscriptions_on_publish(sender, instance, **kwargs):
    subscriptions.queue_page(instance)


@receiver(tracking)
def mark_on_bounce_or_complaint(sender, event, esp_name=None, **kwargs):
    deliverability.on_tracking(sender, event, esp_name=esp_name, **kwargs)
