"""The report to the head of office for a period: the directory, the interactions, the media notices.

``build_report(start, end)`` returns sections of rows (label and figures) that
the admin view renders as tables and as CSV. Both dates are included. The
directory counts the active contacts that existed at the end of the period,
and those added during it; interactions count by their date; notices by when
they were sent (failed ones by their due time), with their e-mails delivered
and not delivered; press releases are among them, as a kind of their own.
Subscriptions count those confirmed by the end of the period and during it, and
the pages e-mailed to them in it; an unsubscribed address is deleted, so it is
not counted. Citizens' messages count by when they were received, as the
citizens' monthly figures do (``citizens.reports``, which computes them): per
kind, received, answered, answered on time, overdue and the median days to
answer (``None`` where nothing was answered).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from citizens import reports as citizens_reports
from citizens.models import Kind as MessageKind
from events.models import MediaNotice, NoticeDelivery
from outreach.models import Community, Contact, Interaction, Kind, Subscription, SubscriptionItem
from translations.transliteration import to_latin


@dataclass
class Section:
    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)

    def add(self, label, *figures):
        self.rows.append([label, *figures])

    def add_total(self):
        self.add(_("Total"), *(sum(row[i] for row in self.rows) for i in range(1, len(self.columns))))


def day_bounds(start, end):
    """The aware datetimes [start 00:00, the day after end 00:00) in the site's time zone."""
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def last_month(today=None):
    """The first and last day of the month before ``today``'s: the monthly report's default period."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def build_report(start, end, now=None):
    since, until = day_bounds(start, end)
    return [
        _contacts_by_kind(since, until),
        _contacts_by_community(until),
        _interactions_by(start, end, "kind", Interaction.Kind, _("Interactions by kind")),
        _interactions_by(start, end, "outcome", Interaction.Outcome, _("Interactions by outcome")),
        _notices(since, until),
        _subscriptions(since, until),
        _citizens_messages(since, until, now),
    ]


def _counts(queryset, field_name):
    return dict(queryset.values_list(field_name).annotate(total=Count("pk", distinct=True)).order_by())


def _contacts_by_kind(since, until):
    existing = Contact.objects.filter(is_active=True, created_at__lt=until)
    totals = _counts(existing, "kind")
    added = _counts(existing.filter(created_at__gte=since), "kind")
    section = Section("contacts_by_kind", _("Contacts by kind"), [_("Kind"), _("Contacts"), _("Added")])
    for value, label in Kind.choices:
        section.add(label, totals.get(value, 0), added.get(value, 0))
    section.add_total()
    return section


def _contacts_by_community(until):
    totals = _counts(Contact.objects.filter(is_active=True, created_at__lt=until), "community")
    section = Section("contacts_by_community", _("Contacts by community"), [_("Community"), _("Contacts")])
    for value, label in Community.choices:
        section.add(label, totals.get(value, 0))
    section.add(_("No community given"), totals.get("", 0))
    section.add_total()
    return section


def _interactions_by(start, end, field_name, choices, title):
    totals = _counts(Interaction.objects.filter(date__gte=start, date__lte=end), field_name)
    label = _("Kind") if field_name == "kind" else _("Outcome")
    section = Section(f"interactions_by_{field_name}", title, [label, _("Interactions")])
    for value, choice_label in choices.choices:
        section.add(choice_label, totals.get(value, 0))
    section.add_total()
    return section


def _notices(since, until):
    sent = MediaNotice.objects.filter(status=MediaNotice.Status.SENT, sent_at__gte=since, sent_at__lt=until)
    failed = MediaNotice.objects.filter(status=MediaNotice.Status.FAILED, due_at__gte=since, due_at__lt=until)
    deliveries = NoticeDelivery.objects.filter(Q(notice__in=sent) | Q(notice__in=failed))
    delivered = _counts(deliveries.filter(sent_at__isnull=False), "notice__kind")
    undelivered = _counts(deliveries.filter(sent_at__isnull=True), "notice__kind")
    sent_counts, failed_counts = _counts(sent, "kind"), _counts(failed, "kind")
    section = Section(
        "notices",
        _("Media notices"),
        [_("Notice"), _("Sent"), _("Failed"), _("E-mails delivered"), _("E-mails not delivered")],
    )
    for value, label in MediaNotice.Kind.choices:
        section.add(
            label,
            sent_counts.get(value, 0),
            failed_counts.get(value, 0),
            delivered.get(value, 0),
            undelivered.get(value, 0),
        )
    section.add_total()
    return section


def _subscriptions(since, until):
    existing = Subscription.objects.filter(confirmed_at__lt=until)
    totals = _counts(existing, "frequency")
    added = _counts(existing.filter(confirmed_at__gte=since), "frequency")
    sent = _counts(
        SubscriptionItem.objects.filter(sent_at__gte=since, sent_at__lt=until, subscription__in=existing),
        "subscription__frequency",
    )
    section = Section(
        "subscriptions",
        _("Citizens' subscriptions"),
        [_("Frequency"), _("Subscriptions"), _("Confirmed"), _("Pages e-mailed")],
    )
    for value, label in Subscription.Frequency.choices:
        section.add(label, totals.get(value, 0), added.get(value, 0), sent.get(value, 0))
    section.add_total()
    return section


def _citizens_messages(since, until, now):
    per_kind = citizens_reports.figures_by_kind(since, until, now)
    kinds = list(MessageKind.objects.filter(is_active=True))
    kinds += [kind for kind in per_kind if kind not in kinds]
    section = Section(
        "citizens_messages",
        _("Citizens' messages"),
        [
            _("Kind"),
            _("Received"),
            _("Answered"),
            _("Answered on time"),
            _("Overdue"),
            _("Median days to answer"),
        ],
    )
    for kind in kinds:
        figures = per_kind.get(kind, citizens_reports.Figures())
        section.add(_in_script(kind.name), *_message_figures(figures))
    section.add(_("Total"), *_message_figures(citizens_reports.merged(per_kind.values())))
    return section


def _message_figures(figures):
    return figures.received, figures.answered, figures.answered_on_time, figures.overdue, figures.median_days


def _in_script(name):
    """Reference data is stored in Cyrillic for Serbian: Latin for a reader of Serbian Latin."""
    return to_latin(name) if (get_language() or "").lower() == "sr-latn" else name
