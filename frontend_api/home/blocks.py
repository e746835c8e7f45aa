"""The body StreamField as a typed union: one GraphQL type per block of ``home.blocks.BodyBlock``.

Bodies are read from the stream's raw data, not through ``StreamValue``: its
choosers would load images, documents and pages one page at a time. Instead
every chooser id of every body in a list is collected and loaded at once (the
page's ``_api_batch``), so a list of pages with bodies costs the same number of
queries at any length. Chooser values reach the client only when the public may
see them: live public pages in the body's language, documents outside private
collections.
"""

import graphene
from django.utils.html import escape
from wagtail.embeds.models import Embed as EmbedModel
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from cms.html import clean_rich_text
from home.blocks import heading_level
from home.models.images import PlacedImage

from ..core.images import Image, image_prefetch
from ..core.pages import Page, prepare_pages, public_pages, specific_pages
from ..core.richtext import ATTRIBUTE, LINK, _document_urls, _page_urls
from ..core.site import site_context
from ..documents.resolvers import public_documents
from ..documents.types import Document
from ..reference.types import with_language

# --- Batch loading ----------------------------------------------------------------


def page_batch(page):
    return getattr(page, "_api_batch", None) or [page]


def batch_load(page, key, load):
    """``load(batch)`` once for the whole list ``page`` came in; every page of it shares the result."""
    attribute = f"_api_{key}"
    if not hasattr(page, attribute):
        batch = page_batch(page)
        result = load(batch)
        for item in batch:
            setattr(item, attribute, result)
    return getattr(page, attribute)


def linked_pages(info, ids, language):
    """{chosen page id: its live, public translation in ``language``}, specific and ready for the API.

    A chosen page that is a draft, private, outside the site or not translated
    into ``language`` is missing from the result.
    """
    ids = {int(pk) for pk in ids if pk}
    if not ids:
        return {}
    from wagtail.models import Page as WagtailPage

    keys = dict(WagtailPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    if not keys:
        return {}
    context = site_context(info)
    found = list(
        specific_pages(
            public_pages(info).filter(
                translation_key__in=set(keys.values()), locale_id=context.locale_id(language)
            )
        )
    )
    prepare_pages(info, found, language)
    by_key = {page.translation_key: page for page in found}
    return {pk: by_key[key] for pk, key in keys.items() if key in by_key}


def load_documents(info, ids, language):
    """{document id: document} for the public ones among ``ids``, tagged with ``language``."""
    ids = {int(pk) for pk in ids if pk}
    if not ids:
        return {}
    documents = with_language(list(public_documents(info).filter(pk__in=ids)), language)
    return {document.pk: document for document in documents}


def load_images(ids):
    ids = {int(pk) for pk in ids if pk}
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_related(image_prefetch())
    return {image.pk: image for image in images}


# --- Rich text for a whole list -----------------------------------------------------


def _link_ids(html, linktype):
    ids = set()
    for match in LINK.finditer(html or ""):
        attrs = dict(ATTRIBUTE.findall(match.group(1)))
        if attrs.get("linktype") == linktype and attrs.get("id", "").isdigit():
            ids.add(int(attrs["id"]))
    return ids


class RichTextLinks:
    """The public URLs of every page and document linked from a set of rich texts in one language.

    The same rewriting as ``render_rich_text``, with the links of many texts
    looked up in two queries instead of two per text.
    """

    def __init__(self, info, htmls, language):
        htmls = list(htmls)
        page_ids = set().union(*(_link_ids(html, "page") for html in htmls)) if htmls else set()
        document_ids = set().union(*(_link_ids(html, "document") for html in htmls)) if htmls else set()
        self.page_urls = _page_urls(info, page_ids, language)
        self.document_urls = _document_urls(info, document_ids)

    def render(self, html):
        if not html:
            return ""

        def replace(match):
            attrs = dict(ATTRIBUTE.findall(match.group(1)))
            linktype, pk = attrs.get("linktype"), attrs.get("id", "")
            if linktype not in ("page", "document"):
                return match.group(0)
            urls = self.page_urls if linktype == "page" else self.document_urls
            url = urls.get(int(pk)) if pk.isdigit() else None
            if url is None:
                return match.group(2)
            return f'<a href="{escape(url)}">{match.group(2)}</a>'

        return clean_rich_text(expand_db_html(LINK.sub(replace, html)))


# --- Raw stream data ----------------------------------------------------------------


def list_items(raw):
    """Values of a ListBlock's raw data, in the current ({type: item, value, id}) or the old format."""
    items = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append(item["value"])
        else:
            items.append(item)
    return items


def raw_blocks(page):
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [block for block in body.raw_data if isinstance(block, dict)]


def _collect(blocks):
    """(image ids, document ids, page ids, embed URLs, rich-text HTML) referenced by raw blocks."""
    images, documents, pages, embeds, htmls = set(), set(), set(), set(), []
    for block in blocks:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph":
            htmls.append(value)
        elif kind == "image" and isinstance(value, dict):
            images.add(value.get("image"))
        elif kind == "document" and isinstance(value, dict):
            documents.add(value.get("document"))
        elif kind == "documents" and isinstance(value, dict):
            documents.update(item.get("document") for item in list_items(value.get("documents")))
        elif kind == "video" and isinstance(value, dict) and value.get("video"):
            embeds.add(value["video"])
        elif kind == "call_to_action" and isinstance(value, dict):
            pages.add((value.get("link") or {}).get("page"))
        elif kind == "accordion" and isinstance(value, dict):
            htmls.extend(item.get("answer") for item in list_items(value.get("items")))
    return images, documents, pages, embeds, htmls


class BodyContext:
    """Everything the bodies of a list of pages refer to, loaded once per language."""

    def __init__(self, info, pages):
        self.info = info
        context = site_context(info)
        by_language = {}
        for page in pages:
            by_language.setdefault(context.language_of(page), []).extend(raw_blocks(page))
        images, documents, embeds = set(), set(), set()
        self.pages, self.links, self.documents = {}, {}, {}
        collected = {language: _collect(blocks) for language, blocks in by_language.items()}
        for language, (image_ids, document_ids, page_ids, embed_urls, htmls) in collected.items():
            images |= image_ids
            documents |= document_ids
            embeds |= embed_urls
            self.pages[language] = linked_pages(info, page_ids, language)
            self.links[language] = RichTextLinks(info, htmls, language)
        self.images = load_images(images)
        # Documents carry the language their names are shown in: one load per language.
        for language, (_i, document_ids, _p, _e, _h) in collected.items():
            self.documents[language] = load_documents(info, document_ids, language)
        self.embeds = {}
        if embeds:
            for embed in EmbedModel.objects.filter(url__in=embeds).order_by("pk"):
                self.embeds.setdefault(embed.url, embed.html)


def body_blocks(info, page):
    """The page's body as typed block values for the ``BodyBlock`` union."""
    context = batch_load(page, "body_context", lambda batch: BodyContext(info, batch))
    language = site_context(info).language_of(page)
    values = []
    for block in raw_blocks(page):
        value = _convert(context, language, block.get("type"), block.get("value"))
        if value is not None:
            value["id"] = block.get("id") or ""
            values.append(value)
    return values


def _document_link(context, language, item):
    document = context.documents[language].get(_int(item.get("document")))
    if document is None:
        return None
    return {"document": document, "title": item.get("title") or document.title}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _convert(context, language, kind, value):
    links = context.links[language]
    if kind == "paragraph":
        return {"_block": kind, "html": links.render(value)}
    if not isinstance(value, dict):
        return None
    if kind == "heading":
        return {"_block": kind, "text": value.get("text", ""), "level": heading_level(value.get("level"))}
    if kind == "image":
        image = context.images.get(_int(value.get("image")))
        if image is None:
            return None
        alt, caption = (value.get("alt_text") or "").strip(), (value.get("caption") or "").strip()
        return {
            "_block": kind,
            "image": PlacedImage(image, alt=alt, caption=caption),
            "alt": alt,
            "caption": caption,
        }
    if kind == "document":
        link = _document_link(context, language, value)
        return {"_block": kind, **link} if link else None
    if kind == "documents":
        items = [_document_link(context, language, item) for item in list_items(value.get("documents"))]
        return {
            "_block": kind,
            "heading": value.get("heading") or "",
            "documents": [item for item in items if item],
        }
    if kind == "video":
        url = value.get("video") or ""
        return {
            "_block": kind,
            "url": url,
            "embed_html": context.embeds.get(url),
            "caption": value.get("caption") or "",
        }
    if kind == "quote":
        return {"_block": kind, "text": value.get("text", ""), "attribution": value.get("attribution") or ""}
    if kind == "table":
        columns = [
            {"heading": column.get("heading", ""), "type": column.get("type") or "text"}
            for column in list_items(value.get("columns"))
        ]
        rows = [
            {"cells": [cell or "" for cell in list_items(row.get("cells"))]}
            for row in list_items(value.get("rows"))
        ]
        return {"_block": kind, "caption": value.get("caption") or "", "columns": columns, "rows": rows}
    if kind == "call_to_action":
        target = value.get("link") or {}
        page = context.pages[language].get(_int(target.get("page")))
        if target.get("page") and page is None:
            return None  # a draft, private or untranslated page: never a dead or leaking link
        url = site_context(context.info).url_of(page) if page is not None else (target.get("url") or None)
        if url is None:
            # The chosen page is not public in this language and there is no external address.
            return None
        return {
            "_block": kind,
            "text": value.get("text", ""),
            "description": value.get("description") or "",
            "url": url,
            "page": page,
        }
    if kind == "accordion":
        items = [
            {"question": item.get("question", ""), "answer": links.render(item.get("answer"))}
            for item in list_items(value.get("items"))
        ]
        return {"_block": kind, "heading": value.get("heading") or "", "items": items}
    if kind == "contact":
        return {
            "_block": kind,
            **{field: value.get(field) or "" for field in ("name", "role", "email", "phone", "address")},
        }
    return None


# --- GraphQL types ----------------------------------------------------------------


class BlockFields:
    id = graphene.String(required=True, description="Stable id of the block within the body.")


class ParagraphBlock(BlockFields, graphene.ObjectType):
    """Text: HTML whose internal links point to public URLs in the page's language."""

    html = graphene.String(required=True, description="The paragraph as HTML.")


HeadingLevel = graphene.Enum(
    "HeadingLevel",
    [("H2", "h2"), ("H3", "h3"), ("H4", "h4")],
    description=lambda member: (
        f"HTML heading <{member.value}>." if member else "Level of a heading in the page outline."
    ),
)


class HeadingBlock(BlockFields, graphene.ObjectType):
    """A heading inside the body."""

    text = graphene.String(required=True, description="Heading text.")
    level = graphene.Field(graphene.NonNull(HeadingLevel), description="Heading level (h2 to h4).")


class ImageBlock(BlockFields, graphene.ObjectType):
    """An image with its alternative text and caption."""

    image = graphene.Field(graphene.NonNull(Image), description="The image.")
    alt = graphene.String(
        required=True, description="Alternative text given by the editor; empty for a decorative image."
    )
    caption = graphene.String(required=True, description="Caption shown under the image.")


class DocumentBlock(BlockFields, graphene.ObjectType):
    """A link to a published document (left out when the document is private or deleted)."""

    title = graphene.String(required=True, description="Link text (the document title by default).")
    document = graphene.Field(graphene.NonNull(Document), description="The document.")


class DocumentLink(graphene.ObjectType):
    """One document of a list."""

    title = graphene.String(required=True, description="Link text (the document title by default).")
    document = graphene.Field(graphene.NonNull(Document), description="The document.")


class DocumentListBlock(BlockFields, graphene.ObjectType):
    """A list of documents under a heading; private documents are left out."""

    heading = graphene.String(required=True, description="Heading of the list (may be empty).")
    documents = graphene.List(
        graphene.NonNull(DocumentLink), required=True, description="The published documents."
    )


class VideoBlock(BlockFields, graphene.ObjectType):
    """An embedded video (YouTube, Vimeo)."""

    url = graphene.String(required=True, description="Address of the video.")
    embed_html = graphene.String(
        description="The provider's embed HTML when the CMS has it cached; otherwise null (embed `url`)."
    )
    caption = graphene.String(required=True, description="Caption shown under the video.")


class QuoteBlock(BlockFields, graphene.ObjectType):
    """A quotation."""

    text = graphene.String(required=True, description="The quoted text.")
    attribution = graphene.String(required=True, description="Who said it (may be empty).")


TableColumnType = graphene.Enum(
    "TableColumnType",
    [("TEXT", "text"), ("NUMBER", "number"), ("DATE", "date")],
    description=lambda member: {
        None: "What the cells of a table column hold.",
        "TEXT": "Free text.",
        "NUMBER": "Numbers (align right).",
        "DATE": "Dates as YYYY-MM-DD.",
    }[member.name if member else None],
)


class TableColumn(graphene.ObjectType):
    """A column of a table."""

    heading = graphene.String(required=True, description="Column heading.")
    type = graphene.Field(graphene.NonNull(TableColumnType), description="What the column's cells hold.")


class TableRow(graphene.ObjectType):
    """A row of a table."""

    cells = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Cell values in column order (a row may have fewer cells than columns).",
    )


class TableBlock(BlockFields, graphene.ObjectType):
    """A table whose columns declare their type."""

    caption = graphene.String(required=True, description="Table caption.")
    columns = graphene.List(graphene.NonNull(TableColumn), required=True, description="The columns.")
    rows = graphene.List(graphene.NonNull(TableRow), required=True, description="The rows.")


class CallToActionBlock(BlockFields, graphene.ObjectType):
    """A prominent link; left out when its page is not public in the page's language."""

    text = graphene.String(required=True, description="Button text.")
    description = graphene.String(required=True, description="Text next to the button (may be empty).")
    url = graphene.String(required=True, description="Public URL path of the page, or the external address.")
    page = graphene.Field(Page, description="The linked page, when the link is internal.")


class AccordionItem(graphene.ObjectType):
    """A question and its answer."""

    question = graphene.String(required=True, description="The question.")
    answer = graphene.String(required=True, description="The answer as HTML; internal links are public URLs.")


class AccordionBlock(BlockFields, graphene.ObjectType):
    """Questions and answers (FAQ), shown folded."""

    heading = graphene.String(required=True, description="Heading (may be empty).")
    items = graphene.List(graphene.NonNull(AccordionItem), required=True, description="The questions.")


class ContactCardBlock(BlockFields, graphene.ObjectType):
    """A person or office to contact."""

    name = graphene.String(required=True, description="Name.")
    role = graphene.String(required=True, description="Role or position (may be empty).")
    email = graphene.String(required=True, description="E-mail address (may be empty).")
    phone = graphene.String(required=True, description="Phone number (may be empty).")
    address = graphene.String(required=True, description="Postal address (may be empty).")


BLOCK_TYPES = {
    "paragraph": ParagraphBlock,
    "heading": HeadingBlock,
    "image": ImageBlock,
    "document": DocumentBlock,
    "documents": DocumentListBlock,
    "video": VideoBlock,
    "quote": QuoteBlock,
    "table": TableBlock,
    "call_to_action": CallToActionBlock,
    "accordion": AccordionBlock,
    "contact": ContactCardBlock,
}


class BodyBlock(graphene.Union):
    """A block of a page body; switch on `__typename`."""

    class Meta:
        types = tuple(BLOCK_TYPES.values())

    @classmethod
    def resolve_type(cls, instance, info):
        return BLOCK_TYPES[instance["_block"]]
