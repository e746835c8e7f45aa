from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BasePage, ContentIndexPage, ContentItemPage, NumberedActMixin


class RegulationQuerySet(PageQuerySet):
    def in_force(self, on=None):
        """Regulations in force on ``on`` (today in Europe/Belgrade by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(in_force_from__isnull=True) | Q(in_force_from__lte=on)).filter(
            Q(repealed_on__isnull=True) | Q(repealed_on__gt=on)
        )


class RegulationIndexPage(ContentIndexPage):
    item_model_name = "home.RegulationPage"
    subpage_types = ["home.RegulationPage"]

    class Meta:
        verbose_name = _("regulations index")
        verbose_name_plural = _("regulations indexes")


class RegulationPage(NumberedActMixin, ContentItemPage):
    number = models.CharField(_("number"), max_length=50)
    date_adopted = models.DateField(_("date adopted"), default=timezone.localdate, db_index=True)
    in_force_from = models.DateField(
        _("in force from"), null=True, blank=True, help_text=_("Empty: in force from adoption.")
    )
    repealed_on = models.DateField(_("repealed on"), null=True, blank=True)
    issuing_body = models.ForeignKey(
        "home.Body", verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="regulations"
    )
    consolidated_text = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("consolidated text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The regulation with all amendments applied; each language can have its own file."),
    )

    date_field = "date_adopted"
    objects = PageManager.from_queryset(RegulationQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("date_adopted")]),
                FieldRowPanel([FieldPanel("in_force_from"), FieldPanel("repealed_on")]),
                FieldPanel("issuing_body"),
            ],
            heading=_("Regulation"),
        ),
        FieldPanel("consolidated_text"),
        InlinePanel("amendments", heading=_("Amendments"), label=_("amendment")),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("number", overridable=False),
        SynchronizedField("date_adopted", overridable=False),
        SynchronizedField("in_force_from", overridable=False),
        SynchronizedField("repealed_on", overridable=False),
        SynchronizedField("issuing_body", overridable=False),
        SynchronizedField("consolidated_text", overridable=True),
        SynchronizedField("amendments", overridable=False),
    ]
    parent_page_types = ["home.RegulationIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.FilterField("date_adopted"),
        index.FilterField("in_force_from"),
        index.FilterField("repealed_on"),
        index.FilterField("issuing_body"),
    ]

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def clean(self):
        super().clean()
        errors = {}
        if self.in_force_from and self.date_adopted and self.in_force_from < self.date_adopted:
            errors["in_force_from"] = _("A regulation cannot be in force before its adoption.")
        if self.repealed_on and self.date_adopted and self.repealed_on < self.date_adopted:
            errors["repealed_on"] = _("A regulation cannot be repealed before its adoption.")
        clash = self.number_clash_error()
        if clash is not None:
            errors["number"] = clash
        if errors:
            raise ValidationError(errors)

    def is_in_force(self, on=None):
        on = on or timezone.localdate()
        started = self.in_force_from is None or self.in_force_from <= on
        return started and (self.repealed_on is None or self.repealed_on > on)


class RegulationAmendment(Orderable):
    """One amendment of a regulation, in the order editors give (usually chronological)."""

    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="amendments")
    number = models.CharField(_("number"), max_length=50)
    date_adopted = models.DateField(_("date adopted"))
    decision = models.ForeignKey(
        "home.DecisionPage",
        verbose_name=_("amending decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date_adopted")]),
        FieldPanel("decision"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
