"""Images placed by a page, with the page's alternative text and caption (``home.models.images``)."""

from django import template

register = template.Library()


@register.inclusion_tag("home/includes/placed_image.html")
def placed_image(placed, spec, figure=True):
    """``placed`` (a ``PlacedImage`` or None) as an ``<img>`` of the rendition ``spec``.

    ``alt`` is the page's alternative text, empty (decorative) when the page gives
    none: never the image's title. With ``figure``, a ``<figure>`` with the caption.
    """
    if placed is None:
        return {"img": None}
    rendition = placed.image.get_rendition(spec)
    return {"img": rendition.img_tag({"alt": placed.alt}), "caption": placed.caption, "figure": figure}
