"""Media notices: the office's rules and the audit trail.

The recipients are the media contacts of the office's directory (``outreach``):
personal data, reachable only through admin views guarded by model permissions.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from outreach.models import Language


class NoticeRule(models.Model):
    """When the media hear about an entry of the calendar (the office's plan, editable)."""

    class AppliesTo(models.TextChoices):
        EVENTS = "events", _("Events")
        MEETINGS = "meetings", _("Sessions of bodies")

    class Anchor(models.TextChoices):
        START = "start", _("Start of the event")
        MATERIALS = "materials", _("Day the materials are distributed")

    class NoticeKind(models.TextChoices):
        ADVISORY = "advisory", _("Media advisory")
        REMINDER = "reminder", _("Reminder")
        MATERIALS = "materials", _("Meeting materials")
        TENDER = "tender", _("Tender opening")

    name = models.CharField(_("name"), max_length=255)
    applies_to = models.CharField(_("applies to"), max_length=20, choices=AppliesTo.choices)
    event_kinds = models.JSONField(
        _("event kinds"),
        default=list,
        blank=True,
        help_text=_("Event kinds the rule covers (empty: every kind). Ignored for sessions of bodies."),
    )
    body_kinds = models.JSONField(
        _("body kinds"),
        default=list,
        blank=True,
        help_text=_("Kinds of body whose sessions the rule covers (empty: every body)."),
    )
    public_only = models.BooleanField(_("public entries only"), default=True)
    notice_kind = models.CharField(_("notice"), max_length=20, choices=NoticeKind.choices)
    anchor = models.CharField(_("counted from"), max_length=20, choices=Anchor.choices, default=Anchor.START)
    days_before = models.PositiveIntegerField(
        _("days before"), default=0, help_text=_("0 sends the notice at the moment counted from.")
    )
    link_materials = models.BooleanField(_("link the materials"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("notice rule")
        verbose_name_plural = _("notice rules")

    def __str__(self):
        return self.name


class MediaNotice(models.Model):
    """One notice about one entry of the calendar, and what happened to it."""

    class Kind(models.TextChoices):
        ADVISORY = "advisory", _("Media advisory")
        REMINDER = "reminder", _("Reminder")
        MATERIALS = "materials", _("Meeting materials")
        TENDER = "tender", _("Tender opening")
        CANCELLATION = "cancellation", _("Cancellation")
        PRESS_RELEASE = "press_release", _("Press release")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("event"), on_delete=models.CASCADE, related_name="media_notices"
    )
    rule = models.ForeignKey(
        NoticeRule,
        verbose_name=_("rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    event_start = models.DateTimeField(_("occurrence"), help_text=_("The start the notice announces."))
    due_at = models.DateTimeField(_("due"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    is_late = models.BooleanField(
        _("late"), default=False, help_text=_("Published too late for the rule: sent at once.")
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(
        _("claimed at"),
        null=True,
        blank=True,
        help_text=_(
            "When the worker sending the notice claimed it or last reported progress; a notice "
            "sending for longer than MEDIA_NOTICE_SENDING_LEASE is reclaimed."
        ),
    )
    last_error = models.TextField(_("last error"), blank=True)
    recipients = models.ManyToManyField(
        "outreach.Contact", through="NoticeDelivery", verbose_name=_("recipients"), related_name="notices"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("media notice")
        verbose_name_plural = _("media notices")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The kind and the event's title, without repeating a kind the title already starts with."""
        kind = str(self.get_kind_display())
        title = self.page.title
        if title.casefold().startswith(kind.casefold()):
            return title
        return f"{kind}: {title}"


class NoticeDelivery(models.Model):
    """One e-mail of a notice to one contact: sent once, even when the notice is retried."""

    notice = models.ForeignKey(MediaNotice, on_delete=models.CASCADE, related_name="deliveries")
    contact = models.ForeignKey("outreach.Contact", on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    # What the e-mail's subject was, in the contact's language: the audit shows what each one got.
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    # Set just before the e-mail is handed to the SMTP server, cleared when the server refuses it:
    # set without ``sent_at``, the worker stopped in between and the e-mail may have gone out.
    attempted_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "contact"], name="unique_notice_delivery")]
        verbose_name = _("notice delivery")
        verbose_name_plural = _("notice deliveries")

    def __str__(self):
        return f"{self.notice} → {self.email}"
