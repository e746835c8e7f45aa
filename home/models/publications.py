from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BasePage, ContentIndexPage, ContentItemPage
from .images import PlacedImage, alt_text_field, caption_field, image_panels, image_translatable_fields


class PublicationIndexPage(ContentIndexPage):
    item_model_name = "home.PublicationPage"
    subpage_types = ["home.PublicationPage"]

    class Meta:
        verbose_name = _("publications index")
        verbose_name_plural = _("publications indexes")


class PublicationPage(ContentItemPage):
    class Kind(models.TextChoices):
        LEAFLET = "leaflet", _("Leaflet")
        BROCHURE = "brochure", _("Brochure")
        BULLETIN = "bulletin", _("Bulletin")
        NEWSPAPER = "newspaper", _("Newspaper")
        MAGAZINE = "magazine", _("Magazine")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BULLETIN)
    issue_number = models.CharField(_("issue number"), max_length=30, blank=True)
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = alt_text_field(_("alternative text of the cover image"))
    cover_image_caption = caption_field(_("caption of the cover image"))
    file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication itself; each language edition can have its own file."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("issue_number"), FieldPanel("date")]),
                *image_panels("cover_image"),
                FieldPanel("file"),
            ],
            heading=_("Publication"),
        ),
        *BasePage.body_panels,
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("issue_number", overridable=False),
        SynchronizedField("date", overridable=False),
        *image_translatable_fields("cover_image"),
        SynchronizedField("file", overridable=True),
    ]
    parent_page_types = ["home.PublicationIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.FilterField("kind"),
        index.FilterField("date"),
        index.SearchField("issue_number"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def placed_cover_image(self):
        return PlacedImage.of(self, "cover_image")
