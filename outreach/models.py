"""The office's contacts directory and its log of interactions.

Personal data: nothing here is a page, a snippet or indexed for search, and no
public view, feed or API renders it; the admin screens are guarded by model
permissions (the group "Head of office" holds them).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from cms.languages import ReaderLanguage


class Kind(models.TextChoices):
    MEDIA_LOCAL = "media_local", _("Media (local)")
    MEDIA_NATIONAL = "media_national", _("Media (national)")
    MEDIA_INTERNATIONAL = "media_international", _("Media (international)")
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
    COMMUNITY = "community", _("Community representative")
    BUSINESS = "business", _("Business association")
    SPORTS = "sports", _("Sports club")
    RELIGIOUS = "religious", _("Religious community")
    SCHOOL = "school", _("School")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")


# The kinds the media notices go to (events.notices).
MEDIA_KINDS = (Kind.MEDIA_LOCAL, Kind.MEDIA_NATIONAL, Kind.MEDIA_INTERNATIONAL)


class Community(models.TextChoices):
    # The community, not the language: "Shqiptarë" / "Албанци", not "Shqip" / "албански".
    ALBANIAN = "albanian", pgettext_lazy("community", "Albanian")
    SERBIAN = "serbian", pgettext_lazy("community", "Serbian")
    TURKISH = "turkish", _("Turkish")
    BOSNIAK = "bosniak", _("Bosniak")
    ROMA = "roma", _("Roma")
    ASHKALI = "ashkali", _("Ashkali")
    EGYPTIAN = "egyptian", _("Egyptian")
    GORANI = "gorani", _("Gorani")
    MONTENEGRIN = "montenegrin", _("Montenegrin")
    CROAT = "croat", _("Croat")
    OTHER = "other", _("Other")


# Contacts' and subscribers' languages, the same choice as citizens'.
Language = ReaderLanguage


class Undeliverable(models.TextChoices):
    """Why the mail provider says an address must not be written to (``outreach.deliverability``)."""

    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Complained (marked as spam)")
    REJECTED = "rejected", _("Rejected by the mail provider")


class DeliverabilityMark(models.Model):
    """The mark the provider's bounce and complaint reports set: nothing more is sent while it is there."""

    undeliverable = models.CharField(
        _("not deliverable"),
        max_length=12,
        choices=Undeliverable.choices,
        blank=True,
        help_text=_("Set from the mail provider's reports; clear it only once the address works again."),
    )
    undeliverable_at = models.DateTimeField(_("not deliverable since"), null=True, blank=True)
    undeliverable_detail = models.TextField(_("delivery report"), blank=True)

    class Meta:
        abstract = True

    def clear_undeliverable(self):
        self.undeliverable, self.undeliverable_at, self.undeliverable_detail = "", None, ""


class Organisation(models.Model):
    """A newsroom, association, club, school, community or international body the office talks to."""

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    community = models.CharField(_("community"), max_length=20, choices=Community.choices, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class ContactQuerySet(models.QuerySet):
    def media(self):
        return self.filter(kind__in=MEDIA_KINDS)

    def with_email(self, email):
        """Contacts with this e-mail address, whatever its case: the directory's identity of a person."""
        return self.filter(email__iexact=email.strip())

    def deliverable(self):
        """Contacts whose address no bounce or complaint has marked."""
        return self.filter(undeliverable="")


class Contact(DeliverabilityMark):
    """A person (or an organisation's shared address) in the office's directory."""

    name = models.CharField(_("name"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    role = models.CharField(_("role"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    community = models.CharField(
        _("community"),
        max_length=20,
        choices=Community.choices,
        blank=True,
        help_text=_("The community the contact represents or belongs to."),
    )
    language = models.CharField(
        _("preferred language"), max_length=10, choices=Language.choices, default=Language.ALBANIAN
    )
    topics = models.ManyToManyField(
        "home.Topic",
        verbose_name=_("topics of interest"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to receive every notice."),
    )
    bodies = models.ManyToManyField(
        "home.Body", verbose_name=_("bodies followed"), blank=True, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent = models.BooleanField(
        _("consent"),
        default=False,
        help_text=_("The contact agreed to be kept in the directory and written to."),
    )
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "name", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        if self.name and self.organisation_id:
            return f"{self.name} ({self.organisation})"
        return self.name or str(self.organisation or self.email)

    def clean(self):
        if not (self.name or self.organisation_id):
            raise ValidationError(_("Give the person's name or their organisation."))
        if self.email and Contact.objects.with_email(self.email).exclude(pk=self.pk).exists():
            raise ValidationError({"email": _("Another contact has this e-mail address.")})
        if self.consent and not self.consent_date:
            raise ValidationError({"consent_date": _("Give the date the contact consented.")})
        if not self.undeliverable:
            self.clear_undeliverable()  # cleared by the office: the report goes with the mark


class InteractionQuerySet(models.QuerySet):
    def follow_ups_due(self, today=None):
        """Follow-ups not done whose date is today or past, the oldest first."""
        today = today or timezone.localdate()
        return self.filter(follow_up_done=False, follow_up_date__lte=today).order_by("follow_up_date", "pk")


class Interaction(models.Model):
    """A meeting, call, e-mail, event attended or request received, and what came of it."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CALL = "call", _("Phone call")
        EMAIL = "email", _("E-mail")
        EVENT = "event", _("Event attended")
        REQUEST = "request", _("Request received")

    class Outcome(models.TextChoices):
        INFORMED = "informed", _("Information given")
        AGREED = "agreed", _("Agreement reached")
        FORWARDED = "forwarded", _("Forwarded to the responsible official")
        PENDING = "pending", _("Pending")
        NO_RESULT = "no_result", _("No result")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    subject = models.CharField(_("subject"), max_length=255)
    contacts = models.ManyToManyField(Contact, verbose_name=_("contacts"), related_name="interactions")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.ForeignKey(
        "home.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    notes = models.TextField(_("notes"), blank=True)
    follow_up_date = models.DateField(_("follow-up date"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        permissions = [
            ("view_all_follow_ups", _("Can see every staff member's follow-ups")),
            ("view_report", _("Can see the report to the head of office")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"


class SubscriptionQuerySet(models.QuerySet):
    def deliverable(self):
        """Subscriptions whose address no bounce or complaint has marked."""
        return self.filter(undeliverable="")


class Subscription(DeliverabilityMark):
    """A citizen's subscription to the site's news by e-mail (``outreach.subscriptions``).

    Stored only once the address is confirmed: until then the choices travel in the
    signed confirmation link, so an unconfirmed address is kept nowhere and gets
    nothing but that one e-mail.
    """

    class Category(models.TextChoices):
        NEWS = "news", pgettext_lazy("subscription category", "News")
        ANNOUNCEMENTS = "announcements", _("Announcements")
        DECISIONS = "decisions", _("Decisions")
        VACANCIES = "vacancies", _("Vacancies")
        EVENTS = "events", _("Events")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Once a day")

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.ALBANIAN
    )
    categories = models.JSONField(_("categories"), default=list, blank=True)
    topics = models.ManyToManyField("home.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    bodies = models.ManyToManyField("home.Body", verbose_name=_("bodies"), blank=True, related_name="+")
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    confirmed_at = models.DateTimeField(_("confirmed"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self):
        return self.email

    def _status(self):
        """Confirmed, or why nothing more is sent (unconfirmed and unsubscribed addresses are not stored)."""
        return self.undeliverable or "confirmed"

    _status.short_description = _("status")
    status = property(_status)

    def get_status_display(self):
        return Undeliverable(self.undeliverable).label if self.undeliverable else _("Confirmed")

    def get_categories_display(self):
        labels = dict(self.Category.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.categories)


class SubscriptionItem(models.Model):
    """One published page for one subscription: e-mailed once, at once or in the day's digest."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set by the worker that takes the item (a conditional UPDATE): no two workers send it.
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "page"], name="unique_subscription_item")
        ]
        verbose_name = _("subscription item")
        verbose_name_plural = _("subscription items")

    def __str__(self):
        return f"{self.subscription} ← {self.page_id}"


class Channel(models.TextChoices):
    """The ways a media campaign reaches people."""

    WEBSITE = "website", _("Website")
    SOCIAL_MEDIA = "social_media", _("Social media")
    RADIO = "radio", _("Radio")
    TV = "tv", _("Television")
    PRINT = "print", _("Print media")
    PUBLIC_MEETING = "public_meeting", _("Public meeting")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    POSTERS = "posters", _("Posters and leaflets")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    OTHER = "other", _("Other")


# A campaign's coordination (``outreach.campaigns``): kept on the campaign page in its source
# language, never copied into translations, never rendered by the site or the API.


class CampaignTargetGroup(Orderable):
    """Whom a campaign addresses: an organisation, a contact, or every contact of a kind or community."""

    campaign = ParentalKey("home.CampaignPage", on_delete=models.CASCADE, related_name="target_groups")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind of contact"), max_length=30, choices=Kind.choices, blank=True)
    community = models.CharField(_("community"), max_length=20, choices=Community.choices, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("contact")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("community")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        parts = [
            str(self.organisation or ""),
            str(self.contact or ""),
            self.get_kind_display() if self.kind else "",
            self.get_community_display() if self.community else "",
        ]
        return ", ".join(part for part in parts if part)

    def clean(self):
        if not (self.organisation_id or self.contact_id or self.kind or self.community):
            raise ValidationError(_("Choose an organisation, a contact, a kind of contact or a community."))


class CampaignActivity(Orderable):
    """A thing to do for a campaign on a channel: planned for a date, then done or cancelled."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    campaign = ParentalKey("home.CampaignPage", on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=255)
    channel = models.CharField(_("channel"), max_length=30, choices=Channel.choices)
    planned_on = models.DateField(_("planned date"))
    done_on = models.DateField(_("date done"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    interaction = models.ForeignKey(
        Interaction,
        verbose_name=_("interaction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The meeting, call or e-mail of the directory's log this activity led to."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("channel"), FieldPanel("status"), FieldPanel("responsible")]),
        FieldRowPanel([FieldPanel("planned_on"), FieldPanel("done_on")]),
        FieldPanel("notes"),
        FieldPanel("interaction"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [("view_campaign_timeline", _("Can see the timeline of the campaigns' activities"))]

    def __str__(self):
        return self.title

    def clean(self):
        if self.status == self.Status.DONE and not self.done_on:
            raise ValidationError({"done_on": _("Give the date the activity was done.")})
        if self.done_on and self.status != self.Status.DONE:
            raise ValidationError({"status": _("An activity with a date done is done: mark it so.")})

    @property
    def date(self):
        """The day the activity belongs to on the timeline: when it was done, or is planned."""
        return self.done_on or self.planned_on

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status == self.Status.PLANNED and self.planned_on < today


class CampaignMaterial(Orderable):
    """A publication page or a document the campaign uses."""

    campaign = ParentalKey("home.CampaignPage", on_delete=models.CASCADE, related_name="materials")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("publication"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([PageChooserPanel("page", ["home.PublicationPage"]), FieldPanel("document")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return str(self.page or self.document or self.note)

    def clean(self):
        if not (self.page_id or self.document_id):
            raise ValidationError(_("Choose a publication or a document."))
