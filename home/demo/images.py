"""Demo photos and covers: small drawings made at load time, titled as uploaders name their files.

The library title is a file name on purpose: the pages describe each image in
their own language (``listing_image_alt``, ``lead_image_alt``, ...), and the
title must never stand in for that description. Images are looked up by title,
so loading twice creates nothing twice.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900


def drawing(sky, ground, accent, fmt):
    """A plain picture (sky, ground, a building with windows) in the given colours."""
    picture = PillowImage.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, HEIGHT * 2 // 3, WIDTH, HEIGHT), fill=ground)
    left, top, right, bottom = WIDTH // 4, HEIGHT // 3, WIDTH * 3 // 4, HEIGHT * 2 // 3
    draw.rectangle((left, top, right, bottom), fill=accent)
    draw.polygon([(left - 40, top), (WIDTH // 2, top - 150), (right + 40, top)], fill=ground)
    for column in range(6):
        x = left + 40 + column * (right - left - 80) // 6
        draw.rectangle((x, top + 60, x + 50, top + 140), fill=sky)
    output = io.BytesIO()
    picture.save(output, format=fmt)
    return output.getvalue()


def ensure_image(ctx, filename, colours):
    """The demo image titled ``filename``, drawn in ``colours`` (sky, ground, accent) if it is new."""
    model = get_image_model()
    image = model.objects.filter(title=filename).first()
    if image is not None:
        return image
    fmt = "PNG" if filename.endswith(".png") else "JPEG"
    content = drawing(*colours, fmt)
    image = model(title=filename, file=ImageFile(io.BytesIO(content), name=filename))
    image.save()
    ctx.count("images", True)
    return image
