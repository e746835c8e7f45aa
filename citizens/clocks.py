"""The legal clocks of citizens' requests (the law on access to public documents).

An institution decides on a request within 7 days, forwards a request it is not
responsible for within 5 working days, and answers within 48 hours where a
person's life or liberty depends on it. Each ``Kind`` says which clock it runs
(days, working days or none) and how long; working days skip weekends and the
public holidays in ``CITIZENS_HOLIDAYS`` (ISO dates, defaulting to
``TRANSLATION_HOLIDAYS``). Counting is in local time, so a request received on
Friday evening with two working days is due on Tuesday evening.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from translations.due import add_working_days

from .models import Kind


def holidays():
    return set(getattr(settings, "CITIZENS_HOLIDAYS", ()))


def due_at(kind, received_at, urgent=False):
    """When the answer to a message of ``kind`` received at ``received_at`` is due, or None."""
    if urgent and kind.urgent_within_hours is not None:
        return received_at + datetime.timedelta(hours=kind.urgent_within_hours)
    if kind.clock == Kind.Clock.NONE or not kind.clock_length:
        return None
    if kind.clock == Kind.Clock.WORKING_DAYS:
        return add_working_days(timezone.localtime(received_at), kind.clock_length, holidays())
    return received_at + datetime.timedelta(days=kind.clock_length)


def forward_due_at(kind, received_at):
    """The deadline to forward a request to the institution responsible for it, or None."""
    if not kind.forward_within_working_days:
        return None
    return add_working_days(timezone.localtime(received_at), kind.forward_within_working_days, holidays())
