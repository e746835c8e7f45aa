"""The calendar's pages: an index per locale, events, and sessions of bodies.

Times are entered in Europe/Belgrade (``TIME_ZONE``) and stored in UTC. Times,
status, recurrence, place, body and topics are synchronised across
translations; only text is translated.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events import recurrence
from home.models import BasePage

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class EventIndexPage(BasePage):
    """The calendar of one locale: a month view and the upcoming list."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")] + BasePage.body_panels

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "events.MeetingPage"]
    max_count_per_parent = 1
    search_listing_page = True

    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("events calendar")

    def get_context(self, request, *args, **kwargs):
        from cms.public import for_request
        from events import calendar

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        filters = {"locale": self.locale, "visibility": for_request(request)}
        try:
            year = int(request.GET.get("year", today.year))
            month = int(request.GET.get("month", today.month))
            context["month"] = calendar.month_view(year, month, **filters)
        except ValueError:
            context["month"] = calendar.month_view(today.year, today.month, **filters)
        context["upcoming"] = calendar.upcoming(limit=20, **filters)
        return context


class BaseEventPage(BasePage):
    """What every entry of the calendar has: time, status, recurrence, place.

    Summary, listing image and the body (the shared block library) come from BasePage.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")

    start = models.DateTimeField(_("start"), db_index=True, help_text=_("Local time (Europe/Belgrade)."))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    original_start = models.DateTimeField(
        _("originally planned for"),
        null=True,
        blank=True,
        help_text=_("For a postponed event: the date it was first announced for. Start holds the new date."),
    )
    recurrence_rule = models.CharField(
        _("recurrence rule"),
        max_length=255,
        blank=True,
        help_text=_(
            "RFC 5545 RRULE, e.g. FREQ=YEARLY for an anniversary or FREQ=WEEKLY;BYDAY=TH for office hours."
        ),
    )
    exception_dates = models.TextField(
        _("exception dates"),
        blank=True,
        help_text=_("Dates without an occurrence, one per line (YYYY-MM-DD)."),
    )
    place = models.ForeignKey(
        "home.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(_("online link"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_(
            "Untick for a closed session or a private event: media are notified of public ones only."
        ),
    )
    organiser = models.ForeignKey(
        "home.Body",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("topics"), blank=True, related_name="+")

    time_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("original_start")]),
                FieldPanel("is_public"),
                FieldPanel("recurrence_rule"),
                FieldPanel("exception_dates"),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url"), FieldPanel("topics")],
            heading=_("Where"),
        ),
    ]

    # Text is translated; everything that makes the calendar is synchronised.
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("status"),
        SynchronizedField("original_start"),
        SynchronizedField("recurrence_rule"),
        SynchronizedField("exception_dates"),
        SynchronizedField("place"),
        SynchronizedField("online_url"),
        SynchronizedField("is_public"),
        SynchronizedField("organiser"),
        SynchronizedField("topics"),
    ]

    search_fields = BasePage.search_fields + [
        index.FilterField("start"),
        index.FilterField("status"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.recurrence_rule:
            self.recurrence_rule = recurrence.normalise_rule(self.recurrence_rule)
            if self.start:
                try:
                    recurrence.parse_rule(self.recurrence_rule, recurrence.to_local_naive(self.start))
                except ValidationError as error:
                    errors["recurrence_rule"] = error
        try:
            recurrence.parse_exception_dates(self.exception_dates)
        except ValidationError as error:
            errors["exception_dates"] = error
        if self.status == self.Status.POSTPONED and not self.original_start:
            errors["original_start"] = _("Give the date the event was postponed from.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_recurring(self):
        return bool(self.recurrence_rule)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @cached_property
    def exception_date_list(self):
        return recurrence.parse_exception_dates(self.exception_dates)

    @property
    def calendar_kind(self):
        """The kind used by calendar filters and feeds."""
        raise NotImplementedError

    @property
    def calendar_body(self):
        """The body the entry belongs to (organiser, or the meeting's body)."""
        return self.organiser

    def occurrences(self, range_start, range_end):
        """(start, end) UTC pairs inside [range_start, range_end)."""
        return recurrence.expand(
            self.start,
            self.effective_end,
            self.recurrence_rule,
            self.exception_date_list,
            range_start,
            range_end,
        )

    def translation_due_at(self):
        """The translations are due before the first media notice goes out (TRANSLATION_DUE_RULES).

        None when no notice is planned: the default due rule applies.
        """
        from events.notices import planned_notices

        now = timezone.now()
        due = [due_at for _rule, _start, due_at in planned_notices(self, now) if due_at > now]
        return min(due, default=None)

    def next_occurrence(self, after=None, horizon_days=400):
        """The first (start, end) starting at or after ``after`` (default: now)."""
        after = after or timezone.now()
        for occurrence in self.occurrences(after, after + dt.timedelta(days=horizon_days)):
            if occurrence[0] >= after:
                return occurrence
        return None

    @property
    def effective_end(self):
        """All-day entries end at local midnight after their last day."""
        if not self.all_day:
            return self.end
        last_day = recurrence.to_local_naive(self.end or self.start).date()
        return recurrence.from_local_naive(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()))

    def save(self, *args, **kwargs):
        if self.all_day and self.start:
            # An all-day entry starts at local midnight, whatever time was typed.
            local = recurrence.to_local_naive(self.start)
            self.start = recurrence.from_local_naive(dt.datetime.combine(local.date(), dt.time()))
        return super().save(*args, **kwargs)


class EventPage(BaseEventPage):
    class Kind(models.TextChoices):
        CULTURAL_HISTORICAL = "cultural_historical", _("Cultural or historical event")
        FESTIVAL = "festival", _("Festival")
        ANNIVERSARY = "anniversary", _("Anniversary or important date")
        PUBLIC_MEETING = "public_meeting", _("Public meeting with citizens")
        CONFERENCE = "conference", _("Conference")
        MAYORS_MEETING = "mayors_meeting", _("Mayor's meeting")
        TENDER_OPENING = "tender_opening", _("Tender opening")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    outside_municipality = models.BooleanField(
        _("outside the municipality"), default=False, help_text=_("For the Mayor's meetings held elsewhere.")
    )

    content_panels = (
        BasePage.content_panels
        + [FieldRowPanel([FieldPanel("kind"), FieldPanel("organiser"), FieldPanel("outside_municipality")])]
        + BaseEventPage.time_panels
        + BasePage.body_panels
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    translatable_fields = BaseEventPage.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("outside_municipality"),
    ]

    search_fields = BaseEventPage.search_fields + [index.FilterField("kind")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def calendar_kind(self):
        return self.kind


class MeetingPage(BaseEventPage):
    """A session of a municipal body (Assembly, committee, Board of Directors)."""

    MEETING_KIND = "meeting"

    session_number = models.PositiveIntegerField(_("session number"), null=True, blank=True)
    materials_distributed_at = models.DateTimeField(
        _("materials distributed at"),
        null=True,
        blank=True,
        help_text=_("When the materials go to the members; media are notified that day."),
    )
    minutes = models.ForeignKey(
        "documents.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    livestream_url = models.URLField(_("livestream link"), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)

    content_panels = (
        BasePage.content_panels
        + [FieldRowPanel([FieldPanel("organiser"), FieldPanel("session_number")])]
        + BaseEventPage.time_panels
        + BasePage.body_panels
        + [
            InlinePanel("agenda_items", heading=_("Agenda"), label=_("agenda item")),
            MultiFieldPanel(
                [
                    FieldPanel("materials_distributed_at"),
                    InlinePanel("materials", label=_("material")),
                    FieldPanel("minutes"),
                ],
                heading=_("Materials"),
            ),
            FieldRowPanel([FieldPanel("livestream_url"), FieldPanel("recording_url")]),
        ]
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    translatable_fields = BaseEventPage.translatable_fields + [
        SynchronizedField("session_number"),
        SynchronizedField("materials_distributed_at"),
        SynchronizedField("minutes"),
        SynchronizedField("livestream_url"),
        SynchronizedField("recording_url"),
        TranslatableField("agenda_items"),
        SynchronizedField("materials"),
    ]

    class Meta:
        verbose_name = _("session of a body")
        verbose_name_plural = _("sessions of bodies")

    def clean(self):
        super().clean()
        if not self.organiser_id:
            raise ValidationError({"organiser": _("Choose the body holding the session.")})

    @property
    def calendar_kind(self):
        return self.MEETING_KIND

    @property
    def material_documents(self):
        return [material.document for material in self.materials.all() if material.document_id]


class AgendaItem(TranslatableMixin, Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(_("number"), max_length=10, blank=True, help_text=_("e.g. 1, 2a"))
    title = models.CharField(_("title"), max_length=500)
    rapporteur = models.CharField(_("rapporteur"), max_length=255, blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock())], verbose_name=_("documents"), blank=True, default=list
    )
    decision = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("resulting decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldPanel("rapporteur"),
        FieldPanel("documents"),
        FieldPanel("decision"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("rapporteur"),
        SynchronizedField("number"),
        SynchronizedField("documents"),
        SynchronizedField("decision"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class MeetingMaterial(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
