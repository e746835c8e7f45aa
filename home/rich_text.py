"""Internal links in rich text on the HTML site link only to what the public may see.

Wagtail's own handlers link a draft, expired or restricted page (its slug) and a
document in a private collection. These replace them for the ``page`` and
``document`` link types: a link to something the public may not see keeps its
text and loses its target (``<a>``, as Wagtail renders a link to a deleted page).
The API rewrites links itself (``frontend_api/core/richtext.py``), on the same
definition of public.
"""

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from cms.public import Visibility


class PublicPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        visibility = Visibility()
        tags = []
        for page in cls.get_many(attrs_list):
            target = page.localized if page is not None else None
            if target is not None and not visibility.is_public_page(target):
                target = page if visibility.is_public_page(page) else None
            tags.append(f'<a href="{escape(target.url)}">' if target is not None and target.url else "<a>")
        return tags


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        visibility = Visibility()
        return [
            f'<a href="{escape(document.url)}">'
            if document is not None and visibility.is_public_document(document)
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]
