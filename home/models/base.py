"""The abstract base of every content page and of the category indexes."""

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.formats import date_format
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.public import public_pages
from home.blocks import BodyBlock
from home.preview import PreviewMixin
from search.indexing import SEARCH_TERMS_FIELDS, SearchTermsMixin
from translations.mixins import AsciiSlugMixin, OfficialLanguagePublishMixin, TranslatorPagePermissionsMixin

from .images import (
    LISTING_CAPTION_HELP,
    PlacedImage,
    alt_text_field,
    caption_field,
    image_panels,
    image_translatable_fields,
)


class BasePage(
    SearchTermsMixin,
    AsciiSlugMixin,
    OfficialLanguagePublishMixin,
    TranslatorPagePermissionsMixin,
    PreviewMixin,
    Page,
):
    """Summary, listing image, SEO fields (Page's own) and a body.

    Every image a page places has the page's own alternative text and caption
    next to it (``home.models.images``), translated with the page.

    What translators see is decided here, not left to autodetection: text is
    translated; dates, numbers, reference data (bodies, departments, topics)
    and images are synchronised from the source; documents are overridable per
    locale, because a decision is usually published as one PDF per language.
    Subclasses extend ``translatable_fields`` with their own fields.
    """

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences for listings, feeds and search results."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_image_alt = alt_text_field(_("alternative text of the listing image"))
    listing_image_caption = caption_field(_("caption of the listing image"), help_text=LISTING_CAPTION_HELP)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        *image_panels("listing_image"),
    ]
    body_panels = [FieldPanel("body")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("body"),
        *image_translatable_fields("listing_image"),
        SynchronizedField("show_in_menus", overridable=False),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        *SEARCH_TERMS_FIELDS,
    ]

    class Meta:
        abstract = True

    @property
    def placed_listing_image(self):
        """The listing image with this page's alternative text and caption (None without an image)."""
        return PlacedImage.of(self, "listing_image")


class ContentIndexPage(RoutablePageMixin, BasePage):
    """A category index: lists its live items in its own locale, newest first, with feeds."""

    #: The item page model listed by this index, as "app_label.ModelName" (set by subclasses).
    item_model_name = None
    page_size = 20
    search_listing_page = True

    content_panels = BasePage.content_panels + BasePage.body_panels
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classproperty
    def item_model(cls):
        return apps.get_model(cls.item_model_name)

    def get_items(self):
        """Live, public items under this index, newest first (the listing and the feeds use this)."""
        model = self.item_model
        return (
            public_pages(model.objects.child_of(self))
            .order_by(f"-{model.date_field}", "-pk")
            .select_related("listing_image", "locale")
        )

    def get_listing_items(self, request):
        return self.get_items()

    def paginate(self, request, items):
        paginator = Paginator(items, self.page_size)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage as error:
            raise Http404 from error

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request, self.get_listing_items(request))
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from home.feeds import ContentRssFeed

        return ContentRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from home.feeds import ContentAtomFeed

        return ContentAtomFeed(self)(request)

    def feed_url(self, name, request=None):
        return self.get_url(request) + self.reverse_subpage(name)


class ContentItemPage(BasePage):
    """An item under a category index; ``date_field`` names the date it is listed and feeds by."""

    date_field = "date"

    class Meta:
        abstract = True

    @property
    def listing_date(self):
        return getattr(self, self.date_field)


class PressReleaseMixin(models.Model):
    """News and announcements: the box that sends the item to the media on publication.

    A box on the item rather than a page type of its own: a press release is a news item
    or an announcement the office also e-mails to the media (``outreach.press``), listed,
    searched and fed with the others; the editor decides when writing it, in the same form.
    """

    send_as_press_release = models.BooleanField(
        _("send to the media as a press release"),
        default=False,
        help_text=_(
            "When first published, e-mailed once to the media contacts of the directory who "
            "follow its topics (every media contact if it has none), each in their language."
        ),
    )

    press_release_panels = [FieldPanel("send_as_press_release")]
    press_release_translatable_fields = [SynchronizedField("send_as_press_release", overridable=False)]

    class Meta:
        abstract = True


class NumberedActMixin:
    """Decisions and regulations: a number is used once per issuing body, year and locale.

    The error names the page that holds the number and links it, so that an
    editor can continue that page (an unfinished draft, often) or delete it.
    """

    def number_clash(self):
        """The other act of this type and locale with the same number, body and year, if any."""
        if not (self.number and self.issuing_body_id and self.date_adopted and self.locale_id):
            return None
        others = type(self).objects.filter(
            locale_id=self.locale_id,
            issuing_body_id=self.issuing_body_id,
            number__iexact=self.number.strip(),
            date_adopted__year=self.date_adopted.year,
        )
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.order_by("pk").first()

    def number_clash_error(self):
        from django.urls import reverse
        from django.utils.html import format_html

        clash = self.number_clash()
        if clash is None:
            return None
        state = _("live") if clash.live else _("draft, not published")
        return format_html(
            '{} <a href="{}">{}</a>',
            _(
                'Number %(number)s of %(body)s for %(year)d is already used by "%(title)s" of %(date)s (%(state)s).'
            )
            % {
                "number": self.number,
                "body": self.issuing_body,
                "year": self.date_adopted.year,
                "title": clash.title,
                "date": date_format(clash.date_adopted, "SHORT_DATE_FORMAT"),
                "state": state,
            },
            reverse("wagtailadmin_pages:edit", args=[clash.pk]),
            _("Open it to continue or delete it"),
        )
