from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATE_LABELS = {
    "done": _("Done"),
    "cancelled": _("Cancelled"),
    "overdue": _("Overdue"),
    "upcoming": _("Planned"),
}


@register.simple_tag
def timeline_state(state):
    """The entry's state as a label; an overdue one stands out (the admin's critical colour)."""
    classes = "w-status w-status--label" if state == "overdue" else "w-status"
    return format_html('<span class="{} timeline-state--{}">{}</span>', classes, state, STATE_LABELS[state])


@register.simple_tag
def campaign_title(titles, campaign):
    return titles.get(campaign.pk, campaign.title)


@register.filter
def staff_name(user):
    return (user.get_full_name() or user.get_username()) if user else "—"
