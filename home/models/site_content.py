"""Site-wide content that translators translate with wagtail-localize: menu, footer, contacts, social links.

Each is a TranslatableMixin snippet with one instance per locale (the Albanian
source and its translations); ``for_locale`` falls back to the default locale
while a translation is missing.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import LinkTargetBlock


class MenuLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("label"), max_length=80, required=False, help_text=_("Defaults to the page title.")
    )
    link = LinkTargetBlock(label=_("link"))

    class Meta:
        icon = "link"
        label = _("Menu item")


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("x", "X"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("tiktok", "TikTok"),
]


class SocialLinkValue(blocks.StructValue):
    @property
    def network_name(self):
        """The network as it spells itself ("YouTube", "LinkedIn"), not its stored code."""
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network", ""))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "site"
        label = _("Social link")
        value_class = SocialLinkValue


class SiteContentMixin(TranslatableMixin, models.Model):
    """One instance per locale: ``for_locale`` returns the translation or the default locale's."""

    class Meta:
        abstract = True

    @classmethod
    def for_locale(cls, locale=None):
        locale = locale or Locale.get_active()
        # One query for both: every page shows the menu and the footer.
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        candidates = cls.objects.filter(Q(locale=locale) | Q(locale__language_code=default)).order_by("pk")
        candidates = list(candidates)
        return next((found for found in candidates if found.locale_id == locale.pk), None) or next(
            iter(candidates), None
        )


class MainMenu(index.Indexed, SiteContentMixin):
    name = models.CharField(_("name"), max_length=80, default="main", help_text=_("For editors only."))
    items = StreamField([("item", MenuLinkBlock())], verbose_name=_("items"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("items")]
    translatable_fields = [SynchronizedField("name", overridable=False), TranslatableField("items")]
    search_fields = [index.SearchField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return f"{self.name} ({self.locale})"


class Footer(SiteContentMixin):
    text = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])
    links = StreamField([("item", MenuLinkBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("links")]
    translatable_fields = [TranslatableField("text"), TranslatableField("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return _("Footer (%(locale)s)") % {"locale": self.locale}


class OfficeContact(SiteContentMixin):
    office_name = models.CharField(_("office name"), max_length=255)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=255, blank=True)

    panels = [
        FieldPanel("office_name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("opening_hours"),
    ]
    translatable_fields = [
        TranslatableField("office_name"),
        TranslatableField("address"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
        TranslatableField("opening_hours"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("office contact details")
        verbose_name_plural = _("office contact details")

    def __str__(self):
        return f"{self.office_name} ({self.locale})"


class SocialLinks(SiteContentMixin):
    title = models.CharField(_("title"), max_length=80, blank=True, help_text=_('For example "Follow us".'))
    links = StreamField([("link", SocialLinkBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("links")]
    translatable_fields = [TranslatableField("title"), SynchronizedField("links", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("social links")
        verbose_name_plural = _("social links")

    def __str__(self):
        if self.title:
            return f"{self.title} ({self.locale})"
        return _("Social links (%(locale)s)") % {"locale": self.locale}
