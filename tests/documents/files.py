"""Real files of every accepted type, built in memory for the tests."""

import io
import struct
import zipfile
import zlib

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from documents.pdf import build_pdf

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            # ODF wants "mimetype" first and stored.
            compress = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def pdf(*pages, title="Vendim"):
    return build_pdf(title, list(pages))


def raw_pdf_parts(catalog=b"", padding=0, pages=True):
    """A minimal PDF written by hand, as (head, tail): ``padding`` bytes of NUL (whitespace
    to a PDF reader) go between them, so a test can leave a sparse hole there.

    ``catalog`` is added to the catalog dictionary as written (escapes and all);
    without ``pages`` the catalog has no page tree (a damaged PDF readers still open).
    """
    objects = [b"<< /Type /Catalog " + (b"/Pages 2 0 R " if pages else b"") + catalog + b" >>"]
    if pages:
        objects += [
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    head, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(head))
        head += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(head) + padding
    tail = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    tail += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    tail += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(head), tail


def raw_pdf(catalog=b"", pages=True):
    head, tail = raw_pdf_parts(catalog, pages=pages)
    return head + tail


def docx(*paragraphs, macros=False):
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    content_type = (
        "application/vnd.ms-word.document.macroEnabled.main+xml"
        if macros
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )
    members = {
        "[Content_Types].xml": CONTENT_TYPES.format(part="word/document.xml", content_type=content_type),
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
    }
    if macros:
        members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro"
    return _zip(members)


def xlsx(*rows):
    strings = [cell for row in rows for cell in row]
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    sheet_rows, index = [], 0
    for number, row in enumerate(rows, start=1):
        cells = ""
        for _cell in row:
            cells += f'<c t="s"><v>{index}</v></c>'
            index += 1
        sheet_rows.append(f'<row r="{number}">{cells}</row>')
    return _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES.format(
                part="xl/workbook.xml", content_type="application/xml"
            ),
            "xl/workbook.xml": f'<workbook xmlns="{S}"/>',
            "xl/sharedStrings.xml": f'<sst xmlns="{S}">{shared}</sst>',
            "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{S}"><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
        }
    )


def pptx(*slides):
    members = {
        "[Content_Types].xml": CONTENT_TYPES.format(
            part="ppt/presentation.xml", content_type="application/xml"
        ),
        "ppt/presentation.xml": "<presentation/>",
    }
    for number, text in enumerate(slides, start=1):
        members[f"ppt/slides/slide{number}.xml"] = (
            f'<p:sld xmlns:p="p" xmlns:a="{A}"><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>'
        )
    return _zip(members)


def odf(kind, *paragraphs, macros=False):
    mime = {
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
    }[kind]
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
    members = {
        "mimetype": mime,
        "content.xml": (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body>{body}</office:body></office:document-content>"
        ),
    }
    if macros:
        members["Basic/Standard/Module1.xml"] = "<script/>"
    return _zip(members)


def zip_bomb_docx(expanded=20 * 1024 * 1024):
    """A small .docx whose content-types part expands to ``expanded`` bytes of blanks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types>" + b" " * expanded + b"</Types>")
        archive.writestr("word/document.xml", b"<w:document/>")
    return buffer.getvalue()


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def zip_of(members):
    return _zip(members)


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def with_object_streams(data, padding=0):
    """The PDF ``data`` rewritten as a PDF 1.5 file: every dictionary in one FlateDecode
    object stream, the cross-reference table a compressed stream too.

    What a reader sees is unchanged, but no name of a dictionary is left in the raw
    bytes; streams keep their own dictionaries, without the optional ``/Type
    /EmbeddedFile`` (that one would give an attachment away). ``padding`` blanks
    before the first object make the object stream decompress to that much more.
    """
    reader = PdfReader(io.BytesIO(data))
    streams, packed = {}, {}
    for number in sorted(reader.xref.get(0, {})):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            if obj.get("/Type") == "/EmbeddedFile":
                del obj["/Type"]
            streams[number] = obj
        elif obj is not None:
            packed[number] = obj

    def serialise(obj):
        buffer = io.BytesIO()
        obj.write_to_stream(buffer)
        return buffer.getvalue()

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, obj in streams.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, serialise(obj))

    header, body = [], bytearray()
    for number, obj in packed.items():
        header.append(b"%d %d" % (number, len(body)))
        body += serialise(obj) + b"\n"
    header = b" ".join(header) + b"\n" + b" " * padding
    object_stream = max([*streams, *packed]) + 1
    compressed = zlib.compress(header + body)
    offsets[object_stream] = len(out)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        object_stream,
        len(packed),
        len(header),
        len(compressed),
    )
    out += compressed + b"\nendstream\nendobj\n"

    xref_number = object_stream + 1
    offsets[xref_number] = len(out)
    index = {number: position for position, number in enumerate(packed)}
    rows = bytearray()
    for number in range(xref_number + 1):
        if number in offsets:
            rows += struct.pack(">BIH", 1, offsets[number], 0)
        elif number in index:
            rows += struct.pack(">BIH", 2, object_stream, index[number])
        else:
            rows += struct.pack(">BIH", 0, 0, 0xFFFF if number == 0 else 0)
    rows = zlib.compress(bytes(rows))
    trailer = b"/Root " + serialise(reader.trailer.raw_get("/Root"))
    if "/Info" in reader.trailer:
        trailer += b" /Info " + serialise(reader.trailer.raw_get("/Info"))
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] %s /Filter /FlateDecode /Length %d >>\nstream\n" % (
        xref_number,
        xref_number + 1,
        trailer,
        len(rows),
    )
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def edited_pdf(edit, *pages):
    """A real PDF (``pdf(*pages)``) changed by ``edit(writer)`` with pypdf's writer."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf(*(pages or ("Faqja e parë",)))))
    edit(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _name(value):
    return NameObject(value)


def _action(kind, **entries):
    action = DictionaryObject({_name("/S"): _name(kind)})
    for key, value in entries.items():
        action[_name(f"/{key}")] = value
    return action


def _annotation(writer, subtype, **entries):
    annotation = DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name(subtype),
            _name("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 100, 40)]),
        }
    )
    for key, value in entries.items():
        annotation[_name(f"/{key}")] = value
    writer.add_annotation(0, annotation)


def _submit_link(writer):
    url = DictionaryObject({_name("/FS"): _name("/URL"), _name("/F"): TextStringObject("https://x.example/")})
    _annotation(writer, "/Link", A=_action("/SubmitForm", F=url))


def _form_field_script(writer):
    field = DictionaryObject(
        {
            _name("/FT"): _name("/Tx"),
            _name("/T"): TextStringObject("emri"),
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/Widget"),
            _name("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 100, 40)]),
            _name("/AA"): DictionaryObject({_name("/K"): _action("/JavaScript", JS=TextStringObject("1"))}),
        }
    )
    reference = writer._add_object(field)
    writer.pages[0][_name("/Annots")] = ArrayObject([reference])
    writer.root_object[_name("/AcroForm")] = DictionaryObject({_name("/Fields"): ArrayObject([reference])})


def _file_attachment_annotation(writer):
    stream = DecodedStreamObject()
    stream.set_data(b"emri,shuma\nRruga,1000\n")
    filespec = DictionaryObject(
        {
            _name("/Type"): _name("/Filespec"),
            _name("/F"): TextStringObject("buxheti.csv"),
            _name("/EF"): DictionaryObject({_name("/F"): writer._add_object(stream)}),
        }
    )
    _annotation(writer, "/FileAttachment", FS=filespec)


def _outline_script(writer):
    item = writer.add_outline_item(title="Hyrja", page_number=0)
    item.get_object()[_name("/A")] = _action("/JavaScript", JS=TextStringObject("app.alert(1)"))


# Active PDFs built with pypdf's writer: name → (edit, the code of the refusal).
ACTIVE_PDF_EDITS = {
    "open-action-script": (
        lambda w: w.add_open_action(JavaScript("app.alert(1)")),
        "pdf_script",
    ),
    "document-script": (
        lambda w: w.root_object.__setitem__(
            _name("/Names"),
            DictionaryObject(
                {
                    _name("/JavaScript"): DictionaryObject(
                        {
                            _name("/Names"): ArrayObject(
                                [TextStringObject("init"), _action("/JavaScript", JS=TextStringObject("1"))]
                            )
                        }
                    )
                }
            ),
        ),
        "pdf_script",
    ),
    "form-field-script": (_form_field_script, "pdf_script"),
    "outline-script": (_outline_script, "pdf_script"),
    "javascript-link": (
        lambda w: _annotation(w, "/Link", A=_action("/URI", URI=TextStringObject(" java\tscript:alert(1)"))),
        "pdf_script",
    ),
    "open-action-launch": (
        lambda w: w.root_object.__setitem__(
            _name("/OpenAction"), _action("/Launch", F=TextStringObject("cmd.exe"))
        ),
        "pdf_launch",
    ),
    "submit-form-annotation": (_submit_link, "pdf_submit"),
    "page-import-data": (
        lambda w: w.pages[0].__setitem__(
            _name("/AA"), DictionaryObject({_name("/O"): _action("/ImportData", F=TextStringObject("x.fdf"))})
        ),
        "pdf_submit",
    ),
    "rich-media-annotation": (
        lambda w: _annotation(w, "/RichMedia", RichMediaContent=DictionaryObject()),
        "pdf_rich_media",
    ),
    "attachment": (lambda w: w.add_attachment("buxheti.xlsx", xlsx(["a", "b"])), "pdf_embedded_file"),
    "file-attachment-annotation": (_file_attachment_annotation, "pdf_embedded_file"),
}
