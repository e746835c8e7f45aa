"""The admin's slug field, with the letters of the server's slugs (translations/slugs.py)."""

from wagtail.admin.widgets import SlugInput

from .slugs import SLUG_FORMATTERS


class AsciiSlugInput(SlugInput):
    """Wagtail's slug input whose browser-side clean-up transliterates as ``ascii_slug`` does."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)


def register_slug_widget():
    """Every slug field of the admin's model forms (pages, snippets) uses ``AsciiSlugInput``."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    # Importing wagtail.admin.forms.models registered Wagtail's own SlugInput; this replaces it.
    register_form_field_override(models.SlugField, override={"widget": AsciiSlugInput})
