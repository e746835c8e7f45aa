"""Bounces and complaints: an address the mail provider reports undeliverable is written to no more.

The provider's webhooks (django-anymail's tracking views under ``/anymail/``, mounted only
when ``ANYMAIL_WEBHOOK_SECRET`` is set) send the ``tracking`` signal; ``on_tracking`` takes
its bounced, complained and rejected events and ``mark`` sets the mark, its reason and date
on every subscription and directory contact with that address (in any case). The senders
ask only for unmarked ones: ``Subscription.objects.deliverable()`` for the subscriptions'
e-mails, ``Contact.objects.deliverable()`` for the media notices and press releases.

The mark stays until a subscription to that address is confirmed again (the confirmation
link reached the mailbox, so it works) or, for a contact, until the office clears it in
the directory.
"""

import logging

from django.db import transaction
from django.utils import timezone

from outreach.models import Contact, Subscription, SubscriptionItem, Undeliverable

logger = logging.getLogger(__name__)

#: anymail's normalised event types that mark the address.
MARKING_EVENTS = {
    "bounced": Undeliverable.BOUNCED,
    "complained": Undeliverable.COMPLAINED,
    "rejected": Undeliverable.REJECTED,
}


@transaction.atomic
def mark(email, reason, when=None, detail=""):
    """Mark the address's subscriptions and contacts; how many of each (subscriptions, contacts)."""
    email = (email or "").strip()
    if not email:
        return 0, 0
    fields = {
        "undeliverable": reason,
        "undeliverable_at": when or timezone.now(),
        "undeliverable_detail": detail,
    }
    subscriptions = Subscription.objects.filter(email__iexact=email)
    # What was waiting for the address goes nowhere: not even after the mark is cleared.
    SubscriptionItem.objects.filter(subscription__in=subscriptions, sent_at__isnull=True).delete()
    marked = subscriptions.update(**fields), Contact.objects.with_email(email).update(**fields)
    if any(marked):
        logger.info("Address marked %s: %d subscription(s), %d contact(s)", reason, *marked)
    return marked


def describe(event, esp_name):
    """The report kept with the mark: who said what, in the provider's words."""
    parts = [esp_name or "", event.reject_reason or "", event.description or "", event.mta_response or ""]
    return " – ".join(part.strip() for part in parts if part and part.strip())[:2000]


def on_tracking(sender, event, esp_name=None, **kwargs):
    """anymail's ``tracking`` signal: mark the address of a bounce, a complaint or a rejection."""
    reason = MARKING_EVENTS.get(event.event_type)
    if reason is None or not event.recipient:
        return
    mark(event.recipient, reason, when=event.timestamp, detail=describe(event, esp_name))
