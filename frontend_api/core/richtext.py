"""Rich text as HTML for the frontend.

Wagtail stores internal links as ``<a linktype="page" id="3">``. The API
rewrites them to public URLs in the language of the text (the linked page's
translation in that language, when it is live), and document links to the
document's URL. A link to a page or document the public may not see (draft,
unpublished, private, deleted) is removed and its text kept. The result keeps
only the elements and links the rich text editor can make (``cms.html``), like
the HTML site: rich text may have been stored past the editor.
"""

import re

from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.html import clean_rich_text

from .pages import public_pages
from .site import site_context

LINK = re.compile(r"<a(\s[^>]*)>(.*?)</a>", re.DOTALL | re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def render_rich_text(info, html, language):
    """``html`` from a RichTextField with internal links resolved for ``language``."""
    if not html:
        return ""
    links = [(match, dict(ATTRIBUTE.findall(match.group(1)))) for match in LINK.finditer(html)]
    page_ids = {attrs.get("id") for _m, attrs in links if attrs.get("linktype") == "page"}
    document_ids = {attrs.get("id") for _m, attrs in links if attrs.get("linktype") == "document"}
    page_urls = _page_urls(info, {int(pk) for pk in page_ids if pk and pk.isdigit()}, language)
    document_urls = _document_urls(info, {int(pk) for pk in document_ids if pk and pk.isdigit()})

    def replace(match):
        attrs = dict(ATTRIBUTE.findall(match.group(1)))
        linktype, pk = attrs.get("linktype"), attrs.get("id", "")
        if linktype not in ("page", "document"):
            return match.group(0)
        urls = page_urls if linktype == "page" else document_urls
        url = urls.get(int(pk)) if pk.isdigit() else None
        if url is None:
            return match.group(2)
        return f'<a href="{escape(url)}">{match.group(2)}</a>'

    # Embeds and other handlers are Wagtail's; links are ours. Then only the editor's elements.
    return clean_rich_text(expand_db_html(LINK.sub(replace, html)))


def _page_urls(info, ids, language):
    if not ids:
        return {}
    context = site_context(info)
    linked = {
        page.pk: page.translation_key for page in Page.objects.filter(pk__in=ids).only("translation_key")
    }
    if not linked:
        return {}
    in_language = {
        page.translation_key: page
        for page in public_pages(info).filter(
            translation_key__in=set(linked.values()), locale_id=context.locale_id(language)
        )
    }
    urls = {}
    for pk, key in linked.items():
        page = in_language.get(key)
        url = context.url_of(page) if page is not None else None
        if url is not None:
            urls[pk] = url
    return urls


def _document_urls(info, ids):
    if not ids:
        return {}
    context = site_context(info)
    documents = (
        get_document_model()
        .objects.filter(pk__in=ids)
        .exclude(collection_id__in=context.private_collection_ids)
    )
    return {document.pk: context.absolute(document.url) for document in documents}
