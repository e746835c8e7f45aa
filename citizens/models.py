"""Citizens' messages and requests for public documents, their kinds, routing rules and history.

A ``Kind`` is reference data (translated with modeltranslation, like
departments and topics): its name, where its messages go by default and, where
the law on access to public documents gives one, its clock. A ``Message``
holds what a citizen sent; only its kind, status, dates and published reply
ever leave through the public surfaces (``citizens.status``). Every change of
status is kept as a ``StatusChange``: who, when, from what to what, and why.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.languages import ReaderLanguage
from documents.storage import get_document_storage

from . import tracking
from .limits import validate_rate


class Kind(models.Model):
    """What a citizen brings: a question, a complaint, a request for public documents..."""

    class Clock(models.TextChoices):
        NONE = "none", _("No legal deadline")
        DAYS = "days", _("Days")
        WORKING_DAYS = "working_days", _("Working days")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    default_department = models.ForeignKey(
        "home.Department",
        verbose_name=_("default department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where a message of this kind goes when no routing rule matches it."),
    )
    default_official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    clock = models.CharField(
        _("deadline counted in"), max_length=20, choices=Clock.choices, default=Clock.NONE
    )
    clock_length = models.PositiveIntegerField(_("deadline"), null=True, blank=True)
    forward_within_working_days = models.PositiveIntegerField(
        _("forward within (working days)"),
        null=True,
        blank=True,
        help_text=_("For requests the municipality is not responsible for: the deadline to forward them."),
    )
    urgent_within_hours = models.PositiveIntegerField(
        _("urgent requests answered within (hours)"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: the kind has no urgent procedure. The law gives 48 hours where life or liberty depends on it."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("kind of message")
        verbose_name_plural = _("kinds of message")

    def __str__(self):
        return self.name

    @property
    def allows_urgent(self):
        return self.urgent_within_hours is not None


class RoutingRule(models.Model):
    """A message on this topic, or mentioning one of these words, goes to this department or official."""

    kind = models.ForeignKey(
        Kind,
        verbose_name=_("kind"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_rules",
        help_text=_("Empty: the rule applies to every kind."),
    )
    topic = models.ForeignKey(
        "home.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_(
            "Comma-separated words or phrases, in any language and script, looked for in the subject and text."
        ),
    )
    department = models.ForeignKey(
        "home.Department", verbose_name=_("department"), on_delete=models.CASCADE, related_name="+"
    )
    official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self):
        return f"{self.topic or self.keywords} → {self.department}"

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


def new_tracking_code():
    return tracking.new_code()


class Message(models.Model):
    """One message or request from a citizen. Personal data: never in a public view, log or index."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        FORWARDED = "forwarded", _("Forwarded")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")

    Language = ReaderLanguage

    tracking_code = models.CharField(
        _("tracking code"), max_length=9, unique=True, default=new_tracking_code, editable=False
    )
    kind = models.ForeignKey(Kind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="messages")
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=10, choices=Language.choices, default=Language.ALBANIAN
    )
    topic = models.ForeignKey(
        "home.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        "home.Department",
        verbose_name=_("department chosen by the citizen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.CharField(_("location"), max_length=255, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    is_urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("A person's life or liberty depends on the answer.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assigned_department = models.ForeignKey(
        "home.Department",
        verbose_name=_("assigned department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citizen_messages",
    )
    assigned_official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citizen_messages",
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)
    forward_due_at = models.DateTimeField(_("forward by"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    reply_is_public = models.BooleanField(
        _("show the reply on the status page"),
        default=False,
        help_text=_(
            "Anyone with the tracking code then reads it: leave it off when the reply holds personal data."
        ),
    )
    replied_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # The acknowledgement e-mail, sent once (citizens/emails.py): marked attempted just
    # before the SMTP server gets it, sent just after; a refusal clears the attempt for a retry.
    acknowledgement_attempted_at = models.DateTimeField(null=True, blank=True, editable=False)
    acknowledgement_sent_at = models.DateTimeField(
        _("acknowledgement sent"), null=True, blank=True, editable=False
    )
    acknowledgement_attempts = models.PositiveIntegerField(default=0, editable=False)
    acknowledgement_error = models.TextField(blank=True, editable=False)
    # The reply e-mail, sent once the same way.
    reply_attempted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reply_sent_at = models.DateTimeField(_("reply sent"), null=True, blank=True, editable=False)
    reply_attempts = models.PositiveIntegerField(default=0, editable=False)
    reply_error = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when its personal data was removed at the end of the retention period (citizens/retention.py).
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("citizen's message")
        verbose_name_plural = _("citizens' messages")
        # Officials see the messages routed to their department or to them; this sees them all.
        permissions = [("see_all_messages", "Can see every citizen's message")]

    def __str__(self):
        return f"{self.tracking_code} {self.subject}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_at is not None and self.due_at < timezone.now()


OPEN_STATUSES = (Message.Status.NEW, Message.Status.ASSIGNED, Message.Status.IN_PROGRESS)


class StatusChange(models.Model):
    """One step of a message's history: who changed its status, when, from what to what, and why."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=Message.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Message.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.message.tracking_code}: {self.from_status or '–'} → {self.to_status}"


def attachment_path(instance, filename):
    return f"citizens/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    """A file sent with a message: checked like a document upload, stored where the public cannot read it."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=get_document_storage, max_length=255
    )
    name = models.CharField(_("name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class InternalNote(models.Model):
    """A note among officials about a message: never shown or sent to the citizen."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return f"{self.message.tracking_code}: {self.text[:40]}"


class DepartmentOfficial(models.Model):
    """An official who handles the messages routed to a department."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("official"), on_delete=models.CASCADE, related_name="+"
    )
    department = models.ForeignKey(
        "home.Department", verbose_name=_("department"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "department"], name="unique_department_official")
        ]
        verbose_name = _("department official")
        verbose_name_plural = _("department officials")

    def __str__(self):
        return f"{self.user} – {self.department}"


class Open311Client(models.Model):
    """An application allowed to post service requests through Open311 (citizens/open311.py).

    Only a hash of its key is kept: the key is shown once, when the client is added.
    """

    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    rate_limit = models.CharField(
        _("rate limit"),
        max_length=20,
        blank=True,
        validators=[validate_rate],
        help_text=_(
            "Service requests it may post, as a number per period (s, m, h or d), e.g. 100/h. "
            "Empty: the site's default."
        ),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("Open311 client application")
        verbose_name_plural = _("Open311 client applications")

    def __str__(self):
        return self.name

    @staticmethod
    def hash_key(key):
        return hashlib.sha256(key.encode()).hexdigest()

    def new_key(self):
        """Give the client a fresh key (replacing any old one) and return it: it is not kept."""
        key = secrets.token_urlsafe(32)
        self.key_hash = self.hash_key(key)
        return key

    @classmethod
    def for_key(cls, key):
        """The active client with this key, or None."""
        if not key:
            return None
        return cls.objects.filter(key_hash=cls.hash_key(key), is_active=True).first()
