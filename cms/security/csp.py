"""Nonces for the inline scripts the admin needs (docs/security.md, "Content-Security-Policy").

``script-src`` allows the site's own files and, inline, only scripts that carry
the response's nonce (django-csp's ``request.csp_nonce``). Templates that have
the request write ``nonce="{{ request.csp_nonce }}"``; form widgets are rendered
without it, so ``CurrentRequestMiddleware`` keeps the request of the response
being rendered where ``{% csp_nonce_attr %}`` and ``nonce_attr()`` find it.

Wagtail 8 still initialises a few widgets with inline scripts; the overridden
templates in ``templates/`` and ``nonce_wagtail_choosers`` add the nonce to
exactly those scripts, so that a ``<script>`` smuggled into content still has
none and is refused.
"""

import contextvars

from django.utils.html import format_html
from django.utils.safestring import mark_safe

_request = contextvars.ContextVar("cms_security_request", default=None)


class CurrentRequestMiddleware:
    """Keeps the request in a context variable while its response is rendered (after CSPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current_nonce(request=None):
    """This response's nonce, or "" outside a request (a management command rendering a form)."""
    request = request if request is not None else _request.get()
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce is not None else ""


def nonce_attr(request=None):
    """` nonce="…"` for a script or style element, or "" outside a request."""
    nonce = current_nonce(request)
    return format_html(' nonce="{}"', nonce) if nonce else ""


def nonce_wagtail_choosers():
    """Give the script that follows every chooser widget (page, image, document, snippet) the nonce.

    ``BaseChooser.render`` writes ``<script>new XChooser(id, options)</script>``
    after the widget; this is the same method with the nonce on that element.
    """
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "_with_nonce", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        try:
            id_ = attrs["id"]
        except (KeyError, TypeError) as e:
            raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
        value_data = self.get_value_data(value)
        widget_html = self.render_html(name, value_data, attrs)
        js = self.render_js_init(id_, name, value_data)
        # As in Wagtail: ids and options are JSON; "</" cannot close the element early.
        js = js.replace("</", "<\\/")
        return mark_safe(f"{widget_html}<script{nonce_attr()}>{js}</script>")

    render._with_nonce = True
    BaseChooser.render = render
