"""Template access to ``cms.public``: what a template lists of other pages must be public too."""

from django import template
from django.db.models import QuerySet

from cms.public import for_request, public_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def public_translations(context, page):
    """The public translations of ``page`` on the request's site (the language switcher, hreflang)."""
    return list(public_pages(page.get_translations(), context.get("request")).select_related("locale"))


def _visible(visibility, value):
    from wagtail.documents.models import AbstractDocument
    from wagtail.models import Page

    if value is None or value == "":
        return False
    if isinstance(value, Page):
        return visibility.is_public_page(value)
    if isinstance(value, AbstractDocument):
        return visibility.is_public_document(value)
    raise TypeError(f"public: expected a page or a document, got {type(value).__name__}")


@register.simple_tag(takes_context=True)
def public(context, value, field=None):
    """``value`` when the public may see it, else None; for a list, the items it may see.

    ``{% public page.repealed_by.localized as repealer %}{% if repealer %}…`` keeps a template
    from linking (or naming) a page or document that is a draft, expired, restricted or private.
    ``field`` takes that attribute of each item of a list first:
    ``{% public page.attachments.all field="document" as documents %}``.
    """
    visibility = for_request(context.get("request"))
    if isinstance(value, (list, tuple, QuerySet)):
        items = [getattr(item, field) for item in value] if field else value
        return [item for item in items if _visible(visibility, item)]
    return value if _visible(visibility, value) else None
