"""Monthly figures: per kind and department, received, answered on time, overdue, median time to answer.

A message counts in the month it was received (local time). It is answered
when its status first became answered, forwarded, rejected or closed (its
``StatusChange``); on time when that was no later than its due date, or it had
none. It is overdue when it was answered after its due date, or is still open
past it. The median is in days, over the answered ones. The head of office
reads them on the dashboard and as CSV (``citizens.panels``); the public reads
counts per kind and month only (``open_data_rows``), at
``/open-data/citizens-monthly.csv`` and ``.json``. The report to the head of
office (``outreach.report``) counts any period the same way (``figures_by_kind``).
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils import timezone

from .models import OPEN_STATUSES, Message, StatusChange

CLOSING = [status for status, _label in Message.Status.choices if status not in OPEN_STATUSES]


@dataclass
class Figures:
    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    overdue: int = 0
    days_to_answer: list = field(default_factory=list)

    @property
    def median_days(self):
        return round(statistics.median(self.days_to_answer), 1) if self.days_to_answer else None

    def add(self, message, answered_at, now):
        self.received += 1
        if answered_at is not None:
            self.answered += 1
            self.days_to_answer.append((answered_at - message.received_at).total_seconds() / 86400)
            if message.due_at is None or answered_at <= message.due_at:
                self.answered_on_time += 1
            else:
                self.overdue += 1
        elif message.due_at is not None and message.due_at < now:
            self.overdue += 1


def month_bounds(year, month):
    """The first instant of the month and of the next, in local time."""
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1)
    return start, timezone.make_aware(following)


def _answered_at(messages):
    firsts = {}
    changes = StatusChange.objects.filter(message__in=messages, to_status__in=CLOSING).order_by("changed_at")
    for message_id, changed_at in changes.values_list("message_id", "changed_at"):
        firsts.setdefault(message_id, changed_at)
    return firsts


def monthly_figures(year, month, now=None):
    """{(kind, department or None): Figures} for messages received in that month."""
    return period_figures(*month_bounds(year, month), now)


def period_figures(since, until, now=None):
    """{(kind, department or None): Figures} for messages received in [since, until)."""
    now = now or timezone.now()
    messages = list(
        Message.objects.filter(received_at__gte=since, received_at__lt=until).select_related(
            "kind", "assigned_department"
        )
    )
    answered = _answered_at(messages)
    figures = {}
    for message in messages:
        key = (message.kind, message.assigned_department)
        figures.setdefault(key, Figures()).add(message, answered.get(message.pk), now)
    return dict(
        sorted(
            figures.items(), key=lambda item: (item[0][0].sort_order, item[0][0].pk, str(item[0][1] or ""))
        )
    )


def merged(figures):
    """One ``Figures`` for several (the departments of a kind, or every kind)."""
    total = Figures()
    for part in figures:
        total.received += part.received
        total.answered += part.answered
        total.answered_on_time += part.answered_on_time
        total.overdue += part.overdue
        total.days_to_answer += part.days_to_answer
    return total


def figures_by_kind(since, until, now=None):
    """{kind: Figures} for messages received in [since, until), in the kinds' order."""
    per_kind = {}
    for (kind, _department), figures in period_figures(since, until, now).items():
        per_kind.setdefault(kind, []).append(figures)
    return {kind: merged(parts) for kind, parts in per_kind.items()}


def previous_month(today=None):
    today = today or timezone.localdate()
    first = today.replace(day=1) - datetime.timedelta(days=1)
    return first.year, first.month


REPORT_COLUMNS = ("kind", "department", "received", "answered_on_time", "overdue", "median_days_to_answer")


def report_rows(year, month, now=None):
    """The head of office's table: one row per kind and department."""
    return [
        {
            "kind": kind.name,
            "department": department.name if department else "",
            "received": figures.received,
            "answered_on_time": figures.answered_on_time,
            "overdue": figures.overdue,
            "median_days_to_answer": figures.median_days,
        }
        for (kind, department), figures in monthly_figures(year, month, now).items()
    ]


OPEN_DATA_COLUMNS = (
    "month",
    "kind",
    "received",
    "answered",
    "answered_on_time",
    "overdue",
    "median_days_to_answer",
)


def open_data_rows(months=12, today=None, now=None):
    """Counts per month and kind for the last ``months`` full months: nothing about any one message."""
    year, month = previous_month(today)
    rows = []
    for _step in range(months):
        per_kind = figures_by_kind(*month_bounds(year, month), now)
        rows += [
            {
                "month": f"{year:04d}-{month:02d}",
                "kind": kind.code,
                "received": total.received,
                "answered": total.answered,
                "answered_on_time": total.answered_on_time,
                "overdue": total.overdue,
                "median_days_to_answer": total.median_days,
            }
            for kind, total in per_kind.items()
        ]
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return rows
