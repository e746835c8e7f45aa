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

from .base import BasePage, ContentIndexPage, ContentItemPage, PressReleaseMixin
from .images import PlacedImage, alt_text_field, caption_field, image_panels, image_translatable_fields


class NewsIndexPage(ContentIndexPage):
    item_model_name = "home.NewsPage"
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class NewsPage(PressReleaseMixin, ContentItemPage):
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = alt_text_field(_("alternative text of the lead image"))
    lead_image_caption = caption_field(_("caption of the lead image"))
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("topics"), blank=True, related_name="news")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                *image_panels("lead_image"),
                FieldPanel("topics"),
                *PressReleaseMixin.press_release_panels,
            ],
            heading=_("News"),
        ),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date", overridable=False),
        *image_translatable_fields("lead_image"),
        SynchronizedField("topics", overridable=False),
        *PressReleaseMixin.press_release_translatable_fields,
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

    @property
    def placed_lead_image(self):
        return PlacedImage.of(self, "lead_image")
