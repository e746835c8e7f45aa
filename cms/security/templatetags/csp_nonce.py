from django import template

from ..csp import nonce_attr

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_nonce_attr(context):
    """` nonce="…"` with this response's nonce; works in form widget templates, which have no request."""
    return nonce_attr(context.get("request"))
