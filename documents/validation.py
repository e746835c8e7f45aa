"""Upload checks for municipal documents, shared by the admin, the importer and the API.

Every way a document arrives goes through :func:`validate_upload`. It checks the
size from the upload's declared size before reading anything, reads only a
bounded prefix of the file (and, for ZIP containers, their central directory),
and refuses whatever a browser could execute: HTML, SVG, JavaScript,
executables and macro-enabled Office files.

PDFs are checked twice for active content (scripts, launch and submit actions,
Flash or 3D "rich media", and attached files unless
``DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES``): a cheap scan of the raw bytes in 1 MB
chunks refuses names written plainly or with ``#xx`` escapes without parsing
anything; then pypdf reads every indirect object the cross-reference table
lists, those inside compressed object streams included, and the names are judged
as a PDF reader decodes them. Only dictionaries are looked at: content, image
and font streams are never decoded, and the walk is bounded in objects, bytes
read, bytes decompressed and time. The serve view's CSP and Content-Disposition
remain the second line of defence.
"""

import os
import re
import time
import unicodedata
import zipfile
from dataclasses import dataclass, fields

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from pypdf import PdfReader, apply_configuration, get_configuration
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

SNIFF_BYTES = 8192
SCAN_CHUNK_BYTES = 1024 * 1024
# PDF names that make a document active, and what they do. The raw byte scan
# looks for these (not for /JS: four bytes that turn up by chance in compressed
# data); the pypdf pass judges the decoded names of every object (PDF_POLICY_NAMES).
PDF_ACTIVE_NAMES = {
    b"JavaScript": "script",
    b"Launch": "launch",
    b"SubmitForm": "submit",
    b"ImportData": "submit",
    b"RichMedia": "rich_media",
    b"EmbeddedFile": "embedded_file",
    b"EmbeddedFiles": "embedded_file",
    b"FileAttachment": "embedded_file",
}
PDF_ACTIVE_NAME_RE = re.compile(
    rb"/(JavaScript|Launch|SubmitForm|ImportData|RichMedia|EmbeddedFiles?|FileAttachment)"
    rb"(?=[\s/<>\[\]()%]|$)"
)
PDF_POLICY_NAMES = {
    "/JavaScript": "script",  # an action (/S) or the document-level script name tree (/Names)
    "/JS": "script",  # the script of an action
    "/Launch": "launch",
    "/SubmitForm": "submit",
    "/ImportData": "submit",
    "/RichMedia": "rich_media",  # Flash, video or 3D run by the reader
    "/RichMediaContent": "rich_media",
    "/EmbeddedFile": "embedded_file",  # the attached file's stream
    "/EmbeddedFiles": "embedded_file",  # the document's attachment name tree
    "/FileAttachment": "embedded_file",  # an annotation holding a file
    "/EF": "embedded_file",  # a file specification with the file inside
    "/GoToE": "embedded_file",  # an action opening an attached PDF
}
# A link (/URI action) a reader may hand to a browser that runs it.
PDF_SCRIPT_URI_RE = re.compile(r"^(?:javascript|vbscript):", re.IGNORECASE)
# Bounds on the pypdf pass (each a setting, see docs/documents.md): indirect
# objects, bytes decompressed from object and cross-reference streams in all, and
# seconds. pypdf parses some 0.3 to 6 MB of dictionaries a second, so one object
# stream may not decompress to more than PDF_MAX_OBJECT_STREAM_SIZE: it is parsed
# in one go, and the clock is only looked at between objects and between reads.
DEFAULT_PDF_MAX_OBJECTS = 200_000
DEFAULT_PDF_MAX_DECOMPRESSED_SIZE = 64 * 1024 * 1024
DEFAULT_PDF_CHECK_SECONDS = 30
PDF_MAX_OBJECT_STREAM_SIZE = 8 * 1024 * 1024
# pypdf reads a damaged file again to repair it; reading more than this many times
# the file's size means it is searching in vain.
PDF_READ_FACTOR = 4
# A name written with #xx escapes ("/J#61vaScript" is "/JavaScript" to a PDF reader).
PDF_ESCAPED_NAME_RE = re.compile(
    rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})*#[0-9A-Fa-f]{2}(?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})*)"
)
PDF_NAME_ESCAPE_RE = re.compile(rb"#([0-9A-Fa-f]{2})")
# ZIP containers (Office, OpenDocument, .zip): what their members may expand to.
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_UNCOMPRESSED = 512 * 1024 * 1024
MAX_ZIP_RATIO = 200
DEFAULT_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Fits Document.file (max_length 100) with "documents/" and a de-duplicating suffix.
MAX_FILENAME_LENGTH = 80

OOXML_TYPES = {
    "docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
IMAGE_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"}
TEXT_TYPES = {"csv": "text/csv", "txt": "text/plain"}
# Members a ZIP archive may not carry: anything a desktop runs or a browser renders.
ACTIVE_EXTENSIONS = {
    "exe", "com", "bat", "cmd", "scr", "msi", "dll", "ps1", "vbs", "vbe", "wsf", "js", "mjs",
    "jse", "jar", "hta", "lnk", "sh", "html", "htm", "xhtml", "svg", "svgz", "docm", "dotm",
    "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "apk", "app", "dmg",
}  # fmt: skip
# Each refusal is one whole sentence (translators cannot translate fragments).
_MACOS_EXECUTABLE = gettext_lazy("“%(name)s” is refused: it is a macOS program.")
EXECUTABLE_MAGIC = {
    b"MZ": gettext_lazy("“%(name)s” is refused: it is a Windows program."),
    b"\x7fELF": gettext_lazy("“%(name)s” is refused: it is a Linux program."),
    b"\xfe\xed\xfa\xce": _MACOS_EXECUTABLE,
    b"\xfe\xed\xfa\xcf": _MACOS_EXECUTABLE,
    b"\xce\xfa\xed\xfe": _MACOS_EXECUTABLE,
    b"\xcf\xfa\xed\xfe": _MACOS_EXECUTABLE,
    b"\xca\xfe\xba\xbe": gettext_lazy("“%(name)s” is refused: it is a Java class or a macOS program."),
    b"#!": gettext_lazy("“%(name)s” is refused: it is a script that a computer can run."),
}
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<object")
JAVASCRIPT_RE = re.compile(
    rb"^\s*(?:(?:var|let|const|function|import|export)\s|\(function|window\.|document\.)"
)


@dataclass(frozen=True)
class CheckedUpload:
    """What the checks learnt: the safe file name, its extension and its real MIME type."""

    name: str
    extension: str
    mime_type: str


def allowed_extensions():
    return [ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS]


def max_upload_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def sanitise_filename(name):
    """A file name safe on any disk and in any URL, keeping letters of every script (ë, ç, ш)."""
    name = unicodedata.normalize("NFC", os.path.basename(str(name).replace("\\", "/")))
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE)
    stem = re.sub(r"[-.]{2,}", "-", stem).strip("-._")
    extension = re.sub(r"[^A-Za-z0-9]", "", extension).lower()
    stem = stem[: MAX_FILENAME_LENGTH - len(extension) - 1] or "document"
    return f"{stem}.{extension}" if extension else stem


def validate_upload(file, name=None):
    """Check an upload; return a :class:`CheckedUpload` or raise ``ValidationError`` saying why.

    ``file`` is a Django ``File`` (or anything with ``size``, ``read`` and ``seek``).
    """
    original_name = os.path.basename(str(name or getattr(file, "name", "") or ""))
    safe_name = sanitise_filename(original_name)
    extension = safe_name.rpartition(".")[2] if "." in safe_name else ""
    label = original_name or safe_name

    allowed = allowed_extensions()
    if not extension:
        raise ValidationError(
            _("“%(name)s” has no file extension. Allowed types: %(allowed)s.")
            % {"name": label, "allowed": ", ".join(allowed)},
            code="missing_extension",
        )
    if extension not in allowed:
        raise ValidationError(
            _("Files of type .%(ext)s are not accepted (“%(name)s”). Allowed types: %(allowed)s.")
            % {"ext": extension, "name": label, "allowed": ", ".join(allowed)},
            code="extension_not_allowed",
        )

    size = getattr(file, "size", None)
    limit = max_upload_size()
    if size is None:
        raise ValidationError(
            _("The size of “%(name)s” cannot be determined.") % {"name": label}, code="no_size"
        )
    if limit is not None and size > limit:
        raise ValidationError(
            _("“%(name)s” is too big (%(size)s); the limit is %(limit)s.")
            % {"name": label, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": label}, code="empty")

    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)

    _refuse_active_content(head, label)
    mime_type = _check_type(file, head, extension, label)
    return CheckedUpload(name=safe_name, extension=extension, mime_type=mime_type)


def _refuse(label, reason, code, **values):
    """Refuse active content: ``reason`` is the whole sentence saying what it is, then the rule."""
    raise ValidationError(
        "{} {}".format(
            reason % {"name": label, **values},
            _("HTML, SVG, JavaScript, programs and Office files with macros cannot be uploaded."),
        ),
        code=code,
    )


def _refuse_active_content(head, label):
    for magic, reason in EXECUTABLE_MAGIC.items():
        if head.startswith(magic):
            _refuse(label, reason, "executable")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:2048]:
        _refuse(label, _("“%(name)s” is refused: it is an SVG image, which can carry scripts."), "svg")
    if text.startswith(HTML_MARKERS) or any(marker in text[:2048] for marker in (b"<script", b"<html")):
        _refuse(label, _("“%(name)s” is refused: it is an HTML page."), "html")
    if JAVASCRIPT_RE.match(text[:512]) and b"%pdf" not in text[:16]:
        _refuse(label, _("“%(name)s” is refused: it is JavaScript code."), "javascript")


def _mismatch(label, extension, message, **values):
    """``message`` is the whole sentence, with ``%(name)s`` and ``%(ext)s``."""
    raise ValidationError(message % {"name": label, "ext": extension, **values}, code="type_mismatch")


def _mismatch_type(label, extension, mime_type):
    if mime_type:
        _mismatch(
            label,
            extension,
            _("“%(name)s” is not a real .%(ext)s file: its content is of the type %(type)s."),
            type=mime_type,
        )
    _mismatch(
        label, extension, _("“%(name)s” is not a real .%(ext)s file: its content is of an unknown type.")
    )


def _mismatch_content(label, extension, head):
    kind = filetype.guess(head)
    _mismatch_type(label, extension, kind.mime if kind else None)


def _binary_data(label, extension):
    _mismatch(label, extension, _("“%(name)s” is not a real .%(ext)s file: it contains binary data."))


def _not_a_document(label, extension):
    _mismatch(
        label,
        extension,
        _("“%(name)s” is not a real .%(ext)s file: it is a ZIP archive, not a .%(ext)s document."),
    )


def _check_type(file, head, extension, label):
    if extension == "pdf":
        if not head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
            _mismatch_content(label, extension, head)
        _refuse_pdf_actions(file, label)
        return "application/pdf"
    if extension in IMAGE_TYPES:
        kind = filetype.guess(head)
        if not kind or kind.mime != IMAGE_TYPES[extension]:
            _mismatch_content(label, extension, head)
        return kind.mime
    if extension in TEXT_TYPES:
        if b"\x00" in head:
            _binary_data(label, extension)
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the sniffing boundary is still text.
            if error.start < len(head) - 4:
                try:
                    head.decode("cp1250")
                except UnicodeDecodeError:
                    _binary_data(label, extension)
        return TEXT_TYPES[extension]
    if extension in OOXML_TYPES or extension in ODF_TYPES or extension == "zip":
        if not head.startswith(b"PK\x03\x04"):
            _mismatch_content(label, extension, head)
        return _check_zip(file, extension, label)
    # An extension added to the settings without a rule of its own: the sniffed
    # type must at least not contradict it.
    kind = filetype.guess(head)
    if kind and kind.extension != extension:
        _mismatch_type(label, extension, kind.mime)
    return kind.mime if kind else "application/octet-stream"


def pdf_allows_embedded_files():
    return getattr(settings, "DOCUMENTS_PDF_ALLOW_EMBEDDED_FILES", False)


def _refuse_pdf(label, kind):
    if kind == "embedded_file":
        raise ValidationError(
            _(
                "“%(name)s” is refused: it has files attached inside it. Upload the attached "
                "files as documents of their own, or save the PDF again without attachments."
            )
            % {"name": label},
            code="pdf_embedded_file",
        )
    reason = {
        "script": _("“%(name)s” is refused: it is a PDF with JavaScript."),
        "launch": _("“%(name)s” is refused: it is a PDF that launches programs."),
        "submit": _("“%(name)s” is refused: it is a PDF that sends form data away."),
        "rich_media": _(
            "“%(name)s” is refused: it is a PDF with embedded Flash, video or 3D content (rich media)."
        ),
    }[kind]
    _refuse(label, reason, f"pdf_{kind}")


def _refuse_pdf_actions(file, label):
    """Scan the raw PDF in 1 MB chunks (never whole in memory), then its objects with pypdf."""
    allow_embedded = pdf_allows_embedded_files()
    tail = b""
    try:
        while chunk := file.read(SCAN_CHUNK_BYTES):
            window = tail + chunk
            found = _active_pdf_name(window, allow_embedded)
            if found:
                _refuse_pdf(label, found)
            tail = window[-64:]
    finally:
        file.seek(0)
    try:
        found = _active_pdf_objects(file, label, allow_embedded)
    finally:
        file.seek(0)
    if found:
        _refuse_pdf(label, found)


def _active_pdf_name(window, allow_embedded=False):
    """The kind of active content named in ``window``, written plainly or with #xx escapes."""
    for match in PDF_ACTIVE_NAME_RE.finditer(window):
        kind = PDF_ACTIVE_NAMES[match.group(1)]
        if kind != "embedded_file" or not allow_embedded:
            return kind
    for match in PDF_ESCAPED_NAME_RE.finditer(window):
        name = PDF_NAME_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        kind = PDF_ACTIVE_NAMES.get(name)
        if kind and (kind != "embedded_file" or not allow_embedded):
            return kind
    return None


class _PdfTooComplex(LimitReachedError):
    """Over one of the pypdf pass's bounds (a ``LimitReachedError``: pypdf lets those through)."""


class _PdfDamaged(LimitReachedError):
    """pypdf went on reading the file again and again to repair it."""


class _PdfUnreadable(Exception):
    """pypdf cannot read the PDF (``encrypted`` when a password keeps it closed)."""

    def __init__(self, encrypted=False):
        super().__init__()
        self.encrypted = encrypted


def _active_pdf_objects(file, label, allow_embedded):
    """The kind of active content in any object of the PDF, as pypdf decodes it, or ``None``.

    Raises ``ValidationError`` when the PDF cannot be read or exceeds the bounds.
    """
    budget = _PdfBudget(file.size)
    try:
        return _walk_pdf(_BoundedReader(file, budget), budget, allow_embedded)
    except _PdfDamaged:
        raise _unreadable_pdf(label) from None
    except LimitReachedError:  # ours (_PdfTooComplex) or pypdf's own
        # Label and value, so that no noun has to agree with a number.
        message = _(
            "“%(name)s” is refused: it is too complex to be checked for active content. "
            "Limits of the check: number of objects %(objects)s, decompressed size %(size)s, "
            "time %(seconds)s s."
        )
        raise ValidationError(
            message
            % {
                "name": label,
                "objects": number_format(budget.max_objects, force_grouping=True),
                "size": filesizeformat(budget.max_decompressed),
                "seconds": budget.seconds,
            },
            code="pdf_too_complex",
        ) from None
    except (_PdfUnreadable, DependencyError) as error:
        if isinstance(error, DependencyError) or error.encrypted:
            raise ValidationError(
                _(
                    "“%(name)s” is refused: it is protected by a password, so it cannot be "
                    "checked for active content. Upload it without the password."
                )
                % {"name": label},
                code="pdf_encrypted",
            ) from None
        raise _unreadable_pdf(label) from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise _unreadable_pdf(label) from None


def _unreadable_pdf(label):
    return ValidationError(
        _(
            "“%(name)s” could not be read as a PDF, so it cannot be checked for active content. "
            "Save it again as PDF from the program that made it and upload the new file."
        )
        % {"name": label},
        code="pdf_unreadable",
    )


class _PdfBudget:
    """What the pypdf pass may still spend: objects, bytes read and decompressed, time."""

    def __init__(self, size):
        self.max_objects = getattr(settings, "DOCUMENTS_PDF_MAX_OBJECTS", DEFAULT_PDF_MAX_OBJECTS)
        self.max_decompressed = getattr(
            settings, "DOCUMENTS_PDF_MAX_DECOMPRESSED_SIZE", DEFAULT_PDF_MAX_DECOMPRESSED_SIZE
        )
        self.seconds = getattr(settings, "DOCUMENTS_PDF_CHECK_SECONDS", DEFAULT_PDF_CHECK_SECONDS)
        self.decompressed = self.max_decompressed
        self.read = PDF_READ_FACTOR * size + 1024 * 1024
        self.deadline = time.monotonic() + self.seconds

    def check_time(self):
        if time.monotonic() > self.deadline:
            raise _PdfTooComplex("time is up")

    def spend_decompressed(self, size):
        self.decompressed -= size
        if self.decompressed < 0:
            raise _PdfTooComplex("decompressed too much")

    def pypdf_limits(self, per_stream=None):
        """pypdf's limits on what one stream decompresses to, within what is left."""
        limit = max(min(self.decompressed, per_stream or self.decompressed), 0)
        names = (
            "zlib_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "brotli_maximum_output_length",
            "jbig2_maximum_output_length",
            "array_based_stream_maximum_output_length",
        )
        known = {field.name for field in fields(get_configuration())}
        return apply_configuration(**{name: limit for name in names if name in known})


class _BoundedReader:
    """The upload as pypdf reads it, every read counted against the budget and the clock.

    pypdf reads a damaged file again, whole, to repair each broken cross-reference;
    the budget keeps a file crafted for that from costing more than a few reads.
    It has no ``getbuffer``, so pypdf reads through it rather than around it.
    """

    def __init__(self, file, budget):
        self._file = file
        self._budget = budget

    def read(self, size=-1):
        data = self._file.read(size)
        self._budget.read -= len(data)
        if self._budget.read < 0:
            raise _PdfDamaged("read too much")
        self._budget.check_time()
        return data

    def seek(self, offset, whence=0):
        return self._file.seek(offset, whence)

    def tell(self):
        return self._file.tell()


def _walk_pdf(stream, budget, allow_embedded):
    # Cross-reference streams are decompressed while the reader opens the file.
    with budget.pypdf_limits():
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _PdfUnreadable(encrypted=True)

    numbers = {(generation, number) for generation, entries in reader.xref.items() for number in entries}
    numbers.update((0, number) for number in reader.xref_objStm)
    if len(numbers) > budget.max_objects:
        raise _PdfTooComplex("too many objects")
    # Object streams first, each decompressed once and kept; pypdf parses all the
    # objects of one stream when the first of them is asked for.
    object_streams = {stream_number for stream_number, _index in reader.xref_objStm.values()}
    for number in sorted(object_streams):
        budget.check_time()
        with budget.pypdf_limits(per_stream=PDF_MAX_OBJECT_STREAM_SIZE):
            object_stream = reader.get_object(number)
            if not isinstance(object_stream, StreamObject):
                raise _PdfUnreadable
            budget.spend_decompressed(len(object_stream.get_data()))
        found = _active_pdf_value(object_stream, allow_embedded)
        if found:
            return found

    found = _active_pdf_value(reader.trailer, allow_embedded)
    if found:
        return found
    # Nothing below decompresses a stream; should pypdf try, the limits still hold.
    with budget.pypdf_limits():
        for generation, number in sorted(numbers):
            if number in object_streams:
                continue
            budget.check_time()
            obj = reader.get_object(IndirectObject(number, generation, reader))
            found = _active_pdf_value(obj, allow_embedded)
            if found:
                return found
            if isinstance(obj, StreamObject):
                # Its raw bytes were read, never decoded; one such stream at a time stays in memory.
                reader.resolved_objects.pop((generation, number), None)
    return None


def _active_pdf_value(value, allow_embedded):
    """The kind of active content in a dictionary or array (its direct values; references are visited apart)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):
            for key, child in dict.items(item):
                kind = PDF_POLICY_NAMES.get(key)
                if kind and (kind != "embedded_file" or not allow_embedded):
                    return kind
                if key == "/URI" and _is_script_uri(child):
                    return "script"
                pending.append(child)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, NameObject):
            kind = PDF_POLICY_NAMES.get(item)
            if kind and (kind != "embedded_file" or not allow_embedded):
                return kind
    return None


def _is_script_uri(value):
    if not isinstance(value, (TextStringObject, ByteStringObject)):
        return False
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    # Browsers drop control characters and spaces before the scheme ("java\tscript:").
    return bool(PDF_SCRIPT_URI_RE.match(re.sub(r"[\x00-\x20\x7f]+", "", str(value))))


def _refuse_zip_bombs(archive, label):
    """Refuse a container whose members would expand far beyond any real document."""
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    ratio = max(
        (
            member.file_size / max(member.compress_size, 1)
            for member in members
            if member.file_size > 1024 * 1024
        ),
        default=0,
    )
    if len(members) > MAX_ZIP_MEMBERS or total > MAX_ZIP_UNCOMPRESSED or ratio > MAX_ZIP_RATIO:
        reason = ngettext(
            "“%(name)s” is refused: it is a compressed archive that would expand to %(size)s "
            "in %(count)s part (a “zip bomb”).",
            "“%(name)s” is refused: it is a compressed archive that would expand to %(size)s "
            "in %(count)s parts (a “zip bomb”).",
            len(members),
        )
        _refuse(label, reason, "zip_bomb", size=filesizeformat(total), count=len(members))


def _check_zip(file, extension, label):
    try:
        # ZipFile seeks to the central directory; it does not read the members.
        archive = zipfile.ZipFile(file)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _mismatch(label, extension, _("“%(name)s” is not a real .%(ext)s file: it is a damaged ZIP archive."))
    finally:
        file.seek(0)
    lowered = [name.lower() for name in names]
    _refuse_zip_bombs(archive, label)

    if any(name.endswith("vbaproject.bin") or name.endswith("vbadata.xml") for name in lowered):
        _refuse(label, _("“%(name)s” is refused: it is an Office file with macros."), "macros")
    if extension in OOXML_TYPES:
        prefix, mime = OOXML_TYPES[extension]
        if "[content_types].xml" not in lowered or not any(name.startswith(prefix) for name in lowered):
            _not_a_document(label, extension)
        # Bounded reads: a member is never decompressed further than what is checked.
        with archive.open(names[lowered.index("[content_types].xml")]) as member:
            content_types = member.read(65536).lower()
        if b"macroenabled" in content_types:
            _refuse(label, _("“%(name)s” is refused: it is an Office file with macros."), "macros")
        return mime
    if extension in ODF_TYPES:
        expected = ODF_TYPES[extension]
        declared = ""
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                declared = member.read(200).decode("ascii", "replace").strip()
        if declared != expected:
            if declared:
                _mismatch_type(label, extension, declared)
            _not_a_document(label, extension)
        if any(name.startswith(("basic/", "scripts/")) for name in lowered):
            _refuse(label, _("“%(name)s” is refused: it is an OpenDocument file with macros."), "macros")
        return expected
    for name in lowered:
        member_extension = name.rpartition(".")[2] if "." in name.rpartition("/")[2] else ""
        if member_extension in ACTIVE_EXTENSIONS:
            _refuse(
                label,
                _("“%(name)s” is refused: it is a ZIP archive containing %(member)s."),
                "active_member",
                member=name,
            )
    return "application/zip"
