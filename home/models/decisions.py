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

from .base import BasePage, ContentIndexPage, ContentItemPage, NumberedActMixin


class DecisionQuerySet(PageQuerySet):
    def in_force(self):
        return self.filter(status=DecisionPage.Status.IN_FORCE)

    def repealed(self):
        return self.filter(status=DecisionPage.Status.REPEALED)


class DecisionIndexPage(ContentIndexPage):
    item_model_name = "home.DecisionPage"
    subpage_types = ["home.DecisionPage"]

    class Meta:
        verbose_name = _("decisions index")
        verbose_name_plural = _("decisions indexes")


class DecisionPage(NumberedActMixin, ContentItemPage):
    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        REPEALED = "repealed", _("Repealed")

    number = models.CharField(_("number"), max_length=50, help_text=_("For example 01-016/2025."))
    date_adopted = models.DateField(_("date adopted"), default=timezone.localdate, db_index=True)
    issuing_body = models.ForeignKey(
        "home.Body",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    repealed_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("repealed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The decision or regulation that repealed this one."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("decision text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed decision; each language version can have its own file."),
    )

    date_field = "date_adopted"
    objects = PageManager.from_queryset(DecisionQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("date_adopted")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("repealed_by")]),
            ],
            heading=_("Decision"),
        ),
        FieldPanel("document"),
        InlinePanel("attachments", heading=_("Other documents"), label=_("document")),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("number", overridable=False),
        SynchronizedField("date_adopted", overridable=False),
        SynchronizedField("issuing_body", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("repealed_by", overridable=False),
        SynchronizedField("document", overridable=True),
        SynchronizedField("attachments", overridable=False),
    ]
    parent_page_types = ["home.DecisionIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.FilterField("number"),
        index.FilterField("date_adopted"),
        index.FilterField("issuing_body"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.REPEALED and not self.repealed_by_id:
            errors["repealed_by"] = _("Choose the act that repealed this decision.")
        if self.repealed_by_id and self.pk and self.repealed_by_id == self.pk:
            errors["repealed_by"] = _("A decision cannot repeal itself.")
        clash = self.number_clash_error()
        if clash is not None:
            errors["number"] = clash
        if errors:
            raise ValidationError(errors)

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE


class DecisionDocument(Orderable):
    """Further documents of a decision (annexes, explanations), shared by every language version."""

    page = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("decision document")
        verbose_name_plural = _("decision documents")
