from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.preview import PreviewMixin
from search.indexing import SEARCH_TERMS_FIELDS, SearchTermsMixin
from translations.mixins import AsciiSlugMixin, OfficialLanguagePublishMixin, TranslatorPagePermissionsMixin


class HomePage(
    SearchTermsMixin,
    AsciiSlugMixin,
    OfficialLanguagePublishMixin,
    TranslatorPagePermissionsMixin,
    PreviewMixin,
    Page,
):
    """The root of each locale's tree: `/` (sq), `/sr/`, `/en/`."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "document-link"],
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), *SEARCH_TERMS_FIELDS]
    search_listing_page = True

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
