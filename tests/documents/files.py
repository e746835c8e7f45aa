"""Real files of every accepted type, built in memory for the tests."""

import io
import zipfile

from PIL import Image

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


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def zip_of(members):
    return _zip(members)


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
