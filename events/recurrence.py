"""RFC 5545 recurrence, expanded only inside a requested range.

Rules are expanded in the municipality's local time and each occurrence is
converted to UTC afterwards, so weekly office hours stay at 10:00 on both sides
of a daylight-saving change (their UTC time moves, as it should).
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


def normalise_rule(value):
    """The RRULE value without an ``RRULE:`` prefix, upper-cased and stripped."""
    value = (value or "").strip()
    if value.upper().startswith("RRULE:"):
        value = value[len("RRULE:") :]
    return value.upper()


def parse_rule(value, dtstart):
    """A dateutil rrule for ``value`` starting at the naive local ``dtstart``."""
    try:
        return rrulestr(normalise_rule(value), dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError) as error:
        raise _invalid_rule(value, str(error)) from error


# dateutil's (English) reasons, said again as whole sentences in the reader's language.
_INVALID_VALUE_RE = re.compile(r"^invalid '(?P<name>[A-Z]+)': (?P<value>.*)$")
_UNKNOWN_PARAMETER_RE = re.compile(r"^unknown parameter '(?P<name>[^']+)'$")


def _invalid_rule(value, reason):
    if match := _INVALID_VALUE_RE.match(reason):
        message = _(
            "“%(rule)s” is not a valid RFC 5545 recurrence rule (e.g. FREQ=YEARLY): "
            "“%(value)s” is not a possible value of %(name)s."
        )
        return ValidationError(message, params={"rule": value, **match.groupdict()})
    if match := _UNKNOWN_PARAMETER_RE.match(reason):
        message = _(
            "“%(rule)s” is not a valid RFC 5545 recurrence rule (e.g. FREQ=YEARLY): "
            "a recurrence rule has no part called %(name)s."
        )
        return ValidationError(message, params={"rule": value, **match.groupdict()})
    return ValidationError(
        _("“%(rule)s” is not a valid RFC 5545 recurrence rule (e.g. FREQ=YEARLY)."), params={"rule": value}
    )


def parse_exception_dates(text):
    """Dates listed one per line (or comma-separated) as YYYY-MM-DD."""
    dates = []
    for raw in (text or "").replace(",", "\n").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        try:
            dates.append(dt.date.fromisoformat(raw))
        except ValueError as error:
            raise ValidationError(
                _("“%(value)s” is not a date: write exception dates as YYYY-MM-DD, one per line."),
                params={"value": raw},
            ) from error
    return sorted(set(dates))


def to_local_naive(value):
    return value.astimezone(local_zone()).replace(tzinfo=None)


def from_local_naive(value):
    # fold=0 picks the first of an ambiguous autumn hour, which is what a
    # person means by "02:30" on the night the clocks go back.
    return value.replace(tzinfo=local_zone(), fold=0).astimezone(dt.UTC)


def expand(start, end, rule, exception_dates, range_start, range_end):
    """(start, end) UTC pairs of the series overlapping [range_start, range_end).

    ``start``/``end`` are the first occurrence's aware datetimes (``end`` may be
    None: an instant). Iteration stops at ``range_end``: an unbounded rule is
    never materialised beyond the range asked for.
    """
    local_start = to_local_naive(start)
    local_duration = (to_local_naive(end) - local_start) if end else dt.timedelta(0)
    if not rule:
        occurrence_end = end or start
        if start < range_end and (occurrence_end > range_start or start >= range_start):
            yield start, end
        return
    series = parse_rule(rule, local_start)
    skipped = set(exception_dates)
    # An occurrence that started before the range may still overlap it.
    window_start = to_local_naive(range_start) - local_duration
    window_end = to_local_naive(range_end)
    for local in series.xafter(window_start, inc=True):
        if local >= window_end:
            break
        if local.date() in skipped:
            continue
        occurrence_start = from_local_naive(local)
        occurrence_end = from_local_naive(local + local_duration) if end else None
        if occurrence_start >= range_end:
            break
        if (occurrence_end or occurrence_start) > range_start or occurrence_start >= range_start:
            yield occurrence_start, occurrence_end
