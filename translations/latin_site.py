"""The website in Serbian Latin script: ``/sr-latn/…`` serves the Serbian (Cyrillic) pages in Latin.

Serbian content is stored once, in Cyrillic (DESIGN.md §5). Under the
``sr-latn`` prefix Wagtail routes to the Serbian tree (its content language for
``sr-latn`` is ``sr``), and this middleware turns the HTML it renders into Latin
script: the text, the human-readable attributes (``alt``, ``title``,
``aria-label``, ``placeholder``, ``content`` of ``<meta>``) and the links to
Serbian pages, which become ``/sr-latn/…`` links, except the language switcher's
and ``hreflang`` links to the Cyrillic version. URLs, code and scripts keep
their bytes. The API does the same for ``SR_LATN``; iCal feeds have
``/ical/sr-latn/…``.
"""

import re

from django.utils.translation import get_language

from .transliteration import to_latin, to_latin_html

LATIN = "sr-latn"
READABLE_ATTRIBUTE = re.compile(r'(\s(?:alt|title|aria-label|placeholder|content)=")([^"]*)(")')
LINK_TAG = re.compile(r"<(?:a|link|form)\b[^>]*>", re.IGNORECASE)
SERBIAN_URL = re.compile(r'((?:href|action)=")((?:https?://[^/"]+)?)/sr/')
TAG = re.compile(r"<[a-zA-Z][^>]*>")


def latin_url(url):
    """A Serbian page's URL (``/sr/…``, absolute or not) under ``/sr-latn/``."""
    return re.sub(r"^((?:https?://[^/]+)?)/sr/", r"\1/sr-latn/", url)


def cyrillic_url(url):
    """The other way: rendered for ``sr-latn``, Wagtail gives Serbian pages ``/sr-latn/`` URLs."""
    return re.sub(r"^((?:https?://[^/]+)?)/sr-latn/", r"\1/sr/", url)


# The switcher's link to the Cyrillic version keeps its Cyrillic name.
CYRILLIC_LINK = re.compile(r'<a\b[^>]*\shreflang="sr"[^>]*>.*?</a>', re.DOTALL | re.IGNORECASE)


def to_latin_page(html):
    parts, position = [], 0
    for match in CYRILLIC_LINK.finditer(html):
        parts += [_to_latin_part(html[position : match.start()]), match.group(0)]
        position = match.end()
    parts.append(_to_latin_part(html[position:]))
    return "".join(parts)


def _to_latin_part(html):
    html = to_latin_html(html)
    html = TAG.sub(lambda tag: READABLE_ATTRIBUTE.sub(_latin_attribute, tag.group(0)), html)
    return LINK_TAG.sub(_latin_link, html)


def _latin_attribute(match):
    return match.group(1) + to_latin(match.group(2)) + match.group(3)


def _latin_link(match):
    tag = match.group(0)
    if re.search(r'\shreflang="sr"', tag):
        return tag  # the way back to the Cyrillic version
    return SERBIAN_URL.sub(r"\1\2/sr-latn/", tag)


class SerbianLatinMiddleware:
    """After LocaleMiddleware: HTML rendered for ``sr-latn`` leaves in Latin script."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            get_language() == LATIN
            and not request.path_info.startswith("/admin/")
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            charset = response.charset or "utf-8"
            response.content = to_latin_page(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
