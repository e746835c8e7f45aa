"""Due dates of translation tasks, from rules per content type (TRANSLATION_DUE_RULES).

A rule is one of ``{"working_days": n}`` (weekends and TRANSLATION_HOLIDAYS
skipped), ``{"days": n}``, ``{"hours": n}``, or ``{"attribute": "name"}``: the
instance's own deadline (a value or a method, e.g. an event's first media
notice), falling back to the default rule when it gives nothing.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from . import conf


def add_working_days(start, days, holidays=None):
    """``days`` working days after ``start``: weekends and ``holidays`` (TRANSLATION_HOLIDAYS) skipped."""
    holidays = conf.holidays() if holidays is None else holidays
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if (
            current.weekday() < 5
            and current.date().isoformat() not in holidays
            and current.date() not in holidays
        ):
            remaining -= 1
    return current


def rule_for(model):
    label = model._meta.label_lower
    for key, rule in conf.due_rules().items():
        if key.lower() == label:
            return rule
    return conf.default_due_rule()


def apply_rule(rule, start, instance=None):
    if "attribute" in rule:
        value = getattr(instance, rule["attribute"], None) if instance is not None else None
        if callable(value):
            value = value()
        if value is not None:
            return value
        return apply_rule(conf.default_due_rule(), start)
    if "working_days" in rule:
        # Working days count in local time, so a Friday-evening publication is due on Tuesday.
        return add_working_days(timezone.localtime(start), int(rule["working_days"]))
    if "days" in rule:
        return start + datetime.timedelta(days=int(rule["days"]))
    if "hours" in rule:
        return start + datetime.timedelta(hours=int(rule["hours"]))
    raise ImproperlyConfigured(
        f"Unknown translation due rule {rule!r}: use working_days, days, hours or attribute."
    )


def due_date_for(instance, start=None):
    start = start or timezone.now()
    return apply_rule(rule_for(type(instance)), start, instance)
