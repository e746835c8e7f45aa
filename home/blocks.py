"""The StreamField block library shared by every content page.

Each block has an icon and a label for editors and a template for previews and
the fallback site; the GraphQL API exposes the same blocks as typed values.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Editors write plain, accessible prose: no font styles or colours, headings
# come from HeadingBlock so the outline stays consistent.
PARAGRAPH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"


HEADING_LEVELS = ("h2", "h3", "h4")


def heading_level(level):
    """``level`` if the block offers it, else h2: an import may have stored anything, and the
    level is written into the tag name, where escaping does not help."""
    return level if level in HEADING_LEVELS else "h2"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["level"] = heading_level(value.get("level"))
        return context

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=255,
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if purely decorative."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), max_length=255, required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=255, required=False)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("documents"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Documents")
        template = "blocks/document_list_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("A YouTube or Vimeo address."))
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), max_length=255, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class TableColumnBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=255)
    type = blocks.ChoiceBlock(
        label=_("type"),
        choices=[("text", _("Text")), ("number", _("Number")), ("date", _("Date (YYYY-MM-DD)"))],
        default="text",
    )

    class Meta:
        icon = "table"
        label = _("Column")


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(required=False, max_length=500), label=_("cells"))

    class Meta:
        icon = "list-ul"
        label = _("Row")


class TypedTableBlock(blocks.StructBlock):
    """A table whose columns declare their type, so numbers and dates are checked and aligned.

    Cells are plain text blocks, which wagtail-localize extracts for translation
    (it skips Wagtail's own table blocks).
    """

    caption = blocks.CharBlock(label=_("caption"), max_length=255)
    columns = blocks.ListBlock(TableColumnBlock(), label=_("columns"), min_num=1)
    rows = blocks.ListBlock(TableRowBlock(), label=_("rows"))

    def clean(self, value):
        value = super().clean(value)
        columns = list(value["columns"])
        for number, row in enumerate(value["rows"], start=1):
            cells = list(row["cells"])
            if len(cells) > len(columns):
                raise StructBlockValidationError(
                    block_errors={"rows": ValidationError(_too_many_cells(number, cells, columns))}
                )
            for column, cell in zip(columns, cells, strict=False):
                if cell and not _cell_matches(column["type"], cell):
                    values = {"row": number, "column": column["heading"], "cell": cell}
                    if column["type"] == "number":
                        message = _('Row %(row)d, column "%(column)s": "%(cell)s" is not a number.') % values
                    else:
                        message = _('Row %(row)d, column "%(column)s": "%(cell)s" is not a date.') % values
                    raise StructBlockValidationError(block_errors={"rows": ValidationError(message)})
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"


def _too_many_cells(number, cells, columns):
    # Two numbers, two sentences: each noun agrees with its own count.
    return "{} {}".format(
        ngettext("Row %(row)d has %(count)d cell.", "Row %(row)d has %(count)d cells.", len(cells))
        % {"row": number, "count": len(cells)},
        ngettext(
            "The table has only %(count)d column.", "The table has only %(count)d columns.", len(columns)
        )
        % {"count": len(columns)},
    )


def _cell_matches(column_type, cell):
    if column_type == "number":
        try:
            Decimal(cell.replace(" ", "").replace(",", "."))
        except InvalidOperation:
            return False
    elif column_type == "date":
        try:
            datetime.date.fromisoformat(cell)
        except ValueError:
            return False
    return True


class LinkTargetBlock(blocks.StructBlock):
    """A page of this site or an external address (the page wins if both are set)."""

    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external address."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)
    link = LinkTargetBlock(label=_("link"))

    class Meta:
        icon = "link-external"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=255)
    answer = ParagraphBlock(label=_("answer"))


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=255, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "blocks/accordion_block.html"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=255)
    role = blocks.CharBlock(label=_("role"), max_length=255, required=False)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    phone = blocks.CharBlock(label=_("phone"), max_length=40, required=False)
    address = blocks.TextBlock(label=_("address"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "blocks/contact_card_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    table = TypedTableBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    contact = ContactCardBlock()

    class Meta:
        label = _("Body")
