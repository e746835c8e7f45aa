"""Images through an allowlist of rendition presets, each with a ``srcset``.

Clients never ask for arbitrary filter specs (each new spec creates files on
the server); they pick a preset. Renditions for every preset are prefetched
with ``image_prefetch()``, so an image list costs one query for all of them.

A page's images (and the images of its blocks) come as ``PlacedImage``: the
image with the alternative text and caption the page gives it, in the page's
language. The image's title is never used as alternative text.
"""

import graphene
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.models.images import PlacedImage

from .lookahead import argument_values, children
from .site import site_context

# preset → (default spec, [(width descriptor, spec), ...] for srcset)
RENDITION_PRESETS = {
    "THUMBNAIL": ("fill-320x240", [(320, "fill-320x240"), (640, "fill-640x480")]),
    "CARD": ("fill-800x450", [(400, "fill-400x225"), (800, "fill-800x450"), (1200, "fill-1200x675")]),
    "HERO": ("width-1600", [(800, "width-800"), (1600, "width-1600"), (2400, "width-2400")]),
    "CONTENT": ("max-1200x1200", [(600, "max-600x600"), (1200, "max-1200x1200")]),
    "SOCIAL": ("fill-1200x630", [(1200, "fill-1200x630")]),
}

PRESET_DESCRIPTIONS = {
    "THUMBNAIL": "4:3 crop, 320 px wide (640 px for 2x screens).",
    "CARD": "16:9 crop for listings, 400 to 1200 px wide.",
    "HERO": "Full width, uncropped, 800 to 2400 px wide.",
    "CONTENT": "Inside text, uncropped, at most 1200 × 1200 px.",
    "SOCIAL": "1200 × 630 crop for Open Graph and social cards.",
}


def _filters(specs):
    return [Filter(spec=spec) for spec in dict.fromkeys(specs)]


# preset → its Filters, made once: a Filter parses its spec (and looks up the registered
# operations) on first use, which would otherwise happen for every image of every request.
PRESET_FILTERS = {
    name: _filters([default, *(spec for _width, spec in widths)])
    for name, (default, widths) in RENDITION_PRESETS.items()
}


def all_specs():
    return sorted(
        {spec for default, widths in RENDITION_PRESETS.values() for spec in [default, *dict(widths).values()]}
    )


ImagePreset = graphene.Enum(
    "ImagePreset",
    [(name, name) for name in RENDITION_PRESETS],
    description=lambda member: (
        PRESET_DESCRIPTIONS[member.name] if member else "An allowed rendition size and crop of an image."
    ),
)


def image_prefetch(lookup="", presets=None):
    """A Prefetch of the allowlisted renditions of the images at ``lookup`` (e.g. "listing_image").

    With no lookup, for a queryset of images itself. ``presets``: only the
    renditions of these presets (names), when the query is known to ask for no other.
    """
    Rendition = get_image_model().get_rendition_model()
    path = f"{lookup}__renditions" if lookup else "renditions"
    specs = all_specs() if presets is None else preset_specs(presets)
    return Prefetch(path, queryset=Rendition.objects.filter(filter_spec__in=specs))


def preset_specs(presets):
    return sorted({f.spec for name in presets if name in PRESET_FILTERS for f in PRESET_FILTERS[name]})


def image_loads(info, lookup, field_nodes):
    """(select_related, prefetch) for the image at ``lookup`` as ``field_nodes`` read it."""
    renditions = children(info, field_nodes).get("rendition")
    if not renditions:
        return (lookup,), ()
    presets = argument_values(info, renditions, "preset")
    return (lookup,), (image_prefetch(lookup, presets),)


class Rendition(graphene.ObjectType):
    """An image resized and cropped to a preset."""

    url = graphene.String(required=True, description="Absolute URL of the image file.")
    width = graphene.Int(required=True, description="Width in pixels.")
    height = graphene.Int(required=True, description="Height in pixels.")
    srcset = graphene.String(
        required=True, description="`srcset` attribute value with every width of the preset."
    )


def placement(root):
    """``root`` as a ``PlacedImage``; a library image on its own has its description as alternative text."""
    if isinstance(root, PlacedImage):
        return root
    return PlacedImage(root, alt=(getattr(root, "description", "") or "").strip())


class Image(graphene.ObjectType):
    """An image from the media library, as the page that shows it places it."""

    id = graphene.ID(required=True, description="Image id.")
    title = graphene.String(
        required=True, description="Title of the image in the media library (not for display: use `alt`)."
    )
    alt = graphene.String(
        required=True,
        description="Alternative text the page gives the image, in the page's language; "
        "empty for a decorative image.",
    )
    caption = graphene.String(
        required=True, description="Caption the page gives the image, in the page's language; empty if none."
    )
    width = graphene.Int(required=True, description="Original width in pixels.")
    height = graphene.Int(required=True, description="Original height in pixels.")
    rendition = graphene.Field(
        graphene.NonNull(Rendition),
        preset=graphene.Argument(graphene.NonNull(ImagePreset), description="Size and crop to deliver."),
        description="The image resized to a preset, with a srcset.",
    )

    @staticmethod
    def resolve_id(root, info):
        return placement(root).image.pk

    @staticmethod
    def resolve_title(root, info):
        return placement(root).image.title

    @staticmethod
    def resolve_alt(root, info):
        return placement(root).alt

    @staticmethod
    def resolve_caption(root, info):
        return placement(root).caption

    @staticmethod
    def resolve_width(root, info):
        return placement(root).image.width

    @staticmethod
    def resolve_height(root, info):
        return placement(root).image.height

    @staticmethod
    def resolve_rendition(root, info, preset):
        image = placement(root).image
        name = getattr(preset, "value", preset)
        default, widths = RENDITION_PRESETS[name]
        renditions = image.get_renditions(*PRESET_FILTERS[name])
        context = site_context(info)

        def url(rendition):
            # Renditions are shared by the images of a list: each URL is built once.
            if not hasattr(rendition, "_api_url"):
                rendition._api_url = context.absolute(rendition.url)
            return rendition._api_url

        main = renditions[default]
        return Rendition(
            url=url(main),
            width=main.width,
            height=main.height,
            srcset=", ".join(f"{url(renditions[spec])} {width}w" for width, spec in widths),
        )
