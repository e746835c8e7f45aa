from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BasePage, ContentIndexPage, ContentItemPage


class VacancyQuerySet(PageQuerySet):
    """Open/closed are derived from the current time, never stored (so they cannot go stale)."""

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, deadline__gte=now)

    def closed(self, now=None):
        now = now or timezone.now()
        return self.filter(deadline__lt=now)

    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__gt=now)


class VacancyIndexPage(ContentIndexPage):
    item_model_name = "home.VacancyPage"
    subpage_types = ["home.VacancyPage"]

    class Meta:
        verbose_name = _("competitions index")
        verbose_name_plural = _("competitions indexes")


class VacancyPage(ContentItemPage):
    class Kind(models.TextChoices):
        JOB = "job", _("Job vacancy")
        PUBLIC_CALL = "public_call", _("Public call")
        GRANT = "grant", _("Grant call")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.JOB)
    opens_at = models.DateTimeField(_("opens"), default=timezone.now, db_index=True)
    deadline = models.DateTimeField(
        _("deadline"), db_index=True, help_text=_("Date and time (Europe/Belgrade) applications close.")
    )
    department = models.ForeignKey(
        "home.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies",
    )

    date_field = "opens_at"
    objects = PageManager.from_queryset(VacancyQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")]),
                FieldPanel("department"),
            ],
            heading=_("Competition"),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("deadline", overridable=False),
        SynchronizedField("department", overridable=False),
        SynchronizedField("documents", overridable=False),
    ]
    parent_page_types = ["home.VacancyIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.FilterField("kind"),
        index.FilterField("opens_at"),
        index.FilterField("deadline"),
        index.FilterField("department"),
    ]

    class Meta:
        verbose_name = _("competition or vacancy")
        verbose_name_plural = _("competitions and vacancies")

    def clean(self):
        super().clean()
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline must come after the opening.")})

    def is_open_at(self, moment):
        return self.opens_at <= moment <= self.deadline

    @property
    def is_open(self):
        return self.is_open_at(timezone.now())

    @property
    def status(self):
        now = timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now <= self.deadline else "closed"

    @property
    def deadline_local(self):
        return timezone.localtime(self.deadline)


class VacancyDocument(Orderable):
    """Call text, application form, terms of reference: shared by every language version."""

    page = ParentalKey(VacancyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("competition document")
        verbose_name_plural = _("competition documents")
