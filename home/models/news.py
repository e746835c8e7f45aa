from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BasePage, ContentIndexPage, ContentItemPage


class NewsIndexPage(ContentIndexPage):
    item_model_name = "home.NewsPage"
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class NewsPage(ContentItemPage):
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("topics"), blank=True, related_name="news")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("lead_image"), FieldPanel("topics")], heading=_("News")
        ),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date", overridable=False),
        SynchronizedField("lead_image", overridable=False),
        SynchronizedField("topics", overridable=False),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    # Wagtail's REST API v2 (/api/v2/pages/?type=home.NewsPage): the listing fields of bench/.
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("lead_image_card", serializer=ImageRenditionField("fill-800x450", source="lead_image")),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
