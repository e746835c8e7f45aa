"""Reading text and facts out of document files: PDF with pypdf, Office and OpenDocument from their XML.

No office suite is needed: DOCX, XLSX, PPTX, ODT, ODS and ODP are ZIP archives of
XML, and their text is in known parts of it.
"""

import io
import mimetypes
import re
import zipfile
from xml.etree import ElementTree

import filetype

# A cap on what one document contributes to the search index.
MAX_TEXT_LENGTH = 2_000_000
MAX_XML_PART_SIZE = 50 * 1024 * 1024


class ExtractionError(Exception):
    """The file's text could not be read; the message says why."""


def sniff_mime_type(head, name):
    """The MIME type from the file's first bytes, falling back to its extension."""
    if head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        return "application/pdf"
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if head.startswith(b"PK\x03\x04"):
        guessed = mimetypes.guess_type(f"x.{extension}")[0]
        if extension in {"docx", "xlsx", "pptx", "odt", "ods", "odp"} and guessed:
            return guessed
        return "application/zip"
    kind = filetype.guess(head)
    if kind:
        return kind.mime
    return mimetypes.guess_type(f"x.{extension}")[0] or "application/octet-stream"


def count_pdf_pages(file):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        file.seek(0)
        return len(PdfReader(file).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return None
    finally:
        file.seek(0)


def extract_text(file, mime_type, name=""):
    """Return the text of ``file`` or raise :class:`ExtractionError`; ``None`` when the type has no text."""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if mime_type == "application/pdf":
        return _clip(_pdf_text(file))
    if extension in OFFICE_EXTRACTORS:
        return _clip(OFFICE_EXTRACTORS[extension](file))
    if mime_type in {"text/plain", "text/csv"} or extension in {"txt", "csv"}:
        data = file.read(MAX_TEXT_LENGTH)
        for encoding in ("utf-8", "cp1250"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise ExtractionError("The text file is neither UTF-8 nor Windows-1250.")
    return None


def _clip(text):
    return re.sub(r"[ \t]+", " ", text).strip()[:MAX_TEXT_LENGTH]


def _pdf_text(file):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("The PDF is encrypted.")
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ExtractionError(f"The PDF could not be read: {error}") from error


def _xml_parts(file, pattern):
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile as error:
        raise ExtractionError(f"The file is not a valid ZIP container: {error}") from error
    names = sorted((name for name in archive.namelist() if re.fullmatch(pattern, name)), key=_natural_key)
    for name in names:
        if archive.getinfo(name).file_size > MAX_XML_PART_SIZE:
            raise ExtractionError(f"{name} is too large to index.")
        try:
            yield ElementTree.fromstring(archive.read(name))
        except ElementTree.ParseError as error:
            raise ExtractionError(f"{name} is not well-formed XML: {error}") from error


def _natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _local(tag):
    return tag.rpartition("}")[2]


def _ooxml_paragraphs(root):
    lines = []
    for paragraph in root.iter():
        if _local(paragraph.tag) != "p":
            continue
        parts = []
        for node in paragraph.iter():
            local = _local(node.tag)
            if local == "t" and node.text:
                parts.append(node.text)
            elif local in {"tab", "br"}:
                parts.append(" ")
        line = "".join(parts).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _docx(file):
    return "\n".join(
        _ooxml_paragraphs(root)
        for root in _xml_parts(file, r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
    )


def _pptx(file):
    return "\n\n".join(_ooxml_paragraphs(root) for root in _xml_parts(file, r"ppt/slides/slide\d+\.xml"))


def _xlsx(file):
    file.seek(0)
    shared = []
    for root in _xml_parts(file, r"xl/sharedStrings\.xml"):
        shared = ["".join(t.text or "" for t in si.iter() if _local(t.tag) == "t") for si in root]
    file.seek(0)
    rows = []
    for root in _xml_parts(file, r"xl/worksheets/sheet\d+\.xml"):
        for row in root.iter():
            if _local(row.tag) != "row":
                continue
            cells = []
            for cell in row:
                if _local(cell.tag) != "c":
                    continue
                value = next((v.text for v in cell if _local(v.tag) == "v"), None)
                inline = "".join(t.text or "" for t in cell.iter() if _local(t.tag) == "t")
                if (
                    cell.get("t") == "s"
                    and value is not None
                    and value.isdigit()
                    and int(value) < len(shared)
                ):
                    cells.append(shared[int(value)])
                elif inline:
                    cells.append(inline)
                elif value is not None:
                    cells.append(value)
            if cells:
                rows.append("\t".join(cells))
    return "\n".join(rows)


def _odf(file):
    return "\n".join(_odf_text(root) for root in _xml_parts(file, r"content\.xml"))


def _odf_text(root):
    lines = []
    for element in root.iter():
        if _local(element.tag) in {"p", "h"}:
            line = "".join(element.itertext()).strip()
            if line:
                lines.append(line)
    return "\n".join(lines)


OFFICE_EXTRACTORS = {"docx": _docx, "pptx": _pptx, "xlsx": _xlsx, "odt": _odf, "ods": _odf, "odp": _odf}


def text_of_bytes(data, mime_type, name=""):
    """Convenience for callers holding bytes (tests, the importer's dry run)."""
    return extract_text(io.BytesIO(data), mime_type, name)
