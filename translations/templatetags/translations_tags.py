from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

register = template.Library()

COLOURS = {"translated": "#2e7d32", "outdated": "#ef6c00", "in_progress": "#1565c0", "missing": "#bdbdbd"}
# The legend's words (coverage.html), in the reader's language.
LABELS = {
    "translated": _("translated"),
    "outdated": _("outdated"),
    "in_progress": _("in progress"),
    "missing": _("missing"),
}


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def coverage_bars(cell):
    """A stacked bar in SVG user units (0–100): one rectangle per status."""
    rectangles, x = [], 0.0
    for status, colour in COLOURS.items():
        width = cell.percent(status)
        if width:
            rectangles.append((f"{x:.1f}", f"{width:.1f}", colour, LABELS[status], width))
            x += width
    return format_html_join(
        "",
        '<rect x="{}" y="0" width="{}" height="4" fill="{}"><title>{}: {}%</title></rect>',
        rectangles,
    ) or format_html('<rect x="0" y="0" width="100" height="4" fill="#eeeeee"></rect>')
