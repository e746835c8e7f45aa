"""Publishing a news item or announcement marked as a press release sends it to the media."""

from django.dispatch import receiver
from wagtail.signals import page_published

from outreach.press import schedule_press_release


@receiver(page_published)
def press_release_on_publish(sender, instance, revision=None, **kwargs):
    schedule_press_release(instance, user=getattr(revision, "user", None))
