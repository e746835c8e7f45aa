"""Images a page places (listing, lead, cover image) with the page's own alternative text and caption.

The image is one file for every language and is synchronised from the source
page; what it shows is described in each language: the alternative text and the
caption are fields of the page, translated with it. The image's title in the
media library is whatever the uploader typed (often a file name, in one
language) and never serves as alternative text: an image whose page gives no
alternative text is treated as decorative (``alt=""``).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

ALT_HELP = _("Describe the image for people who cannot see it; leave empty if purely decorative.")
CAPTION_HELP = _("Shown under the image, in this page's language; for example who took the photo.")
LISTING_CAPTION_HELP = _(
    "For websites and apps that show this image large; the listing cards of this site show no caption."
)


def alt_text_field(verbose_name):
    return models.CharField(verbose_name, max_length=255, blank=True, help_text=ALT_HELP)


def caption_field(verbose_name, help_text=CAPTION_HELP):
    return models.CharField(verbose_name, max_length=255, blank=True, help_text=help_text)


def image_panels(name):
    """The chooser of the image field ``name``, its alternative text and caption right under it."""
    return [FieldPanel(name), FieldRowPanel([FieldPanel(f"{name}_alt"), FieldPanel(f"{name}_caption")])]


def image_translatable_fields(name):
    """The image synchronised from the source page; its alternative text and caption translated."""
    return [
        SynchronizedField(name, overridable=False),
        TranslatableField(f"{name}_alt"),
        TranslatableField(f"{name}_caption"),
    ]


@dataclass(frozen=True)
class PlacedImage:
    """An image as a page (or a block) places it: alternative text and caption in that page's language."""

    image: object
    alt: str = ""
    caption: str = ""

    @classmethod
    def of(cls, page, name):
        """The image field ``name`` of ``page`` with its texts, or None when no image is chosen."""
        image = getattr(page, name)
        if image is None:
            return None
        return cls(
            image,
            alt=(getattr(page, f"{name}_alt", "") or "").strip(),
            caption=(getattr(page, f"{name}_caption", "") or "").strip(),
        )

    @property
    def is_decorative(self):
        return not self.alt
