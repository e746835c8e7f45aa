"""Upload checks for municipal documents, shared by the admin, the importer and the API.

Every way a document arrives goes through :func:`validate_upload`. It checks the
size from the upload's declared size before reading anything, reads only a
bounded prefix of the file (and, for ZIP containers, their central directory),
and refuses whatever a browser could execute: HTML, SVG, JavaScript,
executables and macro-enabled Office files.
"""

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

SNIFF_BYTES = 8192
SCAN_CHUNK_BYTES = 1024 * 1024
# A PDF action that runs a script or launches a program. Only names written out
# plainly are seen (not those inside compressed object streams); the serve view's
# CSP and Content-Disposition remain the second line of defence.
PDF_ACTIVE_NAMES = {
    b"JavaScript": "script",
    b"Launch": "launch",
    b"SubmitForm": "submit",
    b"ImportData": "submit",
}
PDF_ACTIVE_NAME_RE = re.compile(rb"/(JavaScript|Launch|SubmitForm|ImportData)(?=[\s/<>\[\]()%]|$)")
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
EXECUTABLE_MAGIC = {
    b"MZ": "a Windows executable",
    b"\x7fELF": "a Linux executable",
    b"\xfe\xed\xfa\xce": "a macOS executable",
    b"\xfe\xed\xfa\xcf": "a macOS executable",
    b"\xce\xfa\xed\xfe": "a macOS executable",
    b"\xcf\xfa\xed\xfe": "a macOS executable",
    b"\xca\xfe\xba\xbe": "a Java class or macOS executable",
    b"#!": "a script",
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


def _refuse(label, what, code):
    raise ValidationError(
        _(
            "“%(name)s” is refused: its content is %(what)s. HTML, SVG, JavaScript, executables "
            "and macro-enabled Office files cannot be uploaded."
        )
        % {"name": label, "what": what},
        code=code,
    )


def _refuse_active_content(head, label):
    for magic, what in EXECUTABLE_MAGIC.items():
        if head.startswith(magic):
            _refuse(label, what, "executable")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:2048]:
        _refuse(label, _("an SVG image (which can carry scripts)"), "svg")
    if text.startswith(HTML_MARKERS) or any(marker in text[:2048] for marker in (b"<script", b"<html")):
        _refuse(label, _("an HTML page"), "html")
    if JAVASCRIPT_RE.match(text[:512]) and b"%pdf" not in text[:16]:
        _refuse(label, _("JavaScript"), "javascript")


def _mismatch(label, extension, found):
    raise ValidationError(
        _("“%(name)s” is not a real .%(ext)s file: its content is %(found)s.")
        % {"name": label, "ext": extension, "found": found},
        code="type_mismatch",
    )


def _describe(head):
    kind = filetype.guess(head)
    return kind.mime if kind else _("of an unknown type")


def _check_type(file, head, extension, label):
    if extension == "pdf":
        if not head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
            _mismatch(label, extension, _describe(head))
        _refuse_pdf_actions(file, label)
        return "application/pdf"
    if extension in IMAGE_TYPES:
        kind = filetype.guess(head)
        if not kind or kind.mime != IMAGE_TYPES[extension]:
            _mismatch(label, extension, _describe(head))
        return kind.mime
    if extension in TEXT_TYPES:
        if b"\x00" in head:
            _mismatch(label, extension, _("binary data"))
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the sniffing boundary is still text.
            if error.start < len(head) - 4:
                try:
                    head.decode("cp1250")
                except UnicodeDecodeError:
                    _mismatch(label, extension, _("binary data"))
        return TEXT_TYPES[extension]
    if extension in OOXML_TYPES or extension in ODF_TYPES or extension == "zip":
        if not head.startswith(b"PK\x03\x04"):
            _mismatch(label, extension, _describe(head))
        return _check_zip(file, extension, label)
    # An extension added to the settings without a rule of its own: the sniffed
    # type must at least not contradict it.
    kind = filetype.guess(head)
    if kind and kind.extension != extension:
        _mismatch(label, extension, kind.mime)
    return kind.mime if kind else "application/octet-stream"


def _refuse_pdf_actions(file, label):
    """Scan the PDF in 1 MB chunks (never whole in memory) for script and launch actions."""
    tail = b""
    try:
        while chunk := file.read(SCAN_CHUNK_BYTES):
            window = tail + chunk
            found = _active_pdf_name(window)
            if found:
                what = {
                    "script": _("a PDF with JavaScript"),
                    "launch": _("a PDF that launches programs"),
                    "submit": _("a PDF that sends form data away"),
                }[found]
                _refuse(label, what, "pdf_script")
            tail = window[-64:]
    finally:
        file.seek(0)


def _active_pdf_name(window):
    """The kind of active action named in ``window``, written plainly or with #xx escapes."""
    match = PDF_ACTIVE_NAME_RE.search(window)
    if match:
        return PDF_ACTIVE_NAMES[match.group(1)]
    for match in PDF_ESCAPED_NAME_RE.finditer(window):
        name = PDF_NAME_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        if name in PDF_ACTIVE_NAMES:
            return PDF_ACTIVE_NAMES[name]
    return None


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
        _refuse(
            label,
            _('a compressed archive that would expand to %(size)s MB in %(count)s parts (a "zip bomb")')
            % {"size": total // (1024 * 1024), "count": len(members)},
            "zip_bomb",
        )


def _check_zip(file, extension, label):
    try:
        # ZipFile seeks to the central directory; it does not read the members.
        archive = zipfile.ZipFile(file)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _mismatch(label, extension, _("a damaged ZIP archive"))
    finally:
        file.seek(0)
    lowered = [name.lower() for name in names]
    _refuse_zip_bombs(archive, label)

    if any(name.endswith("vbaproject.bin") or name.endswith("vbadata.xml") for name in lowered):
        _refuse(label, _("an Office file with macros"), "macros")
    if extension in OOXML_TYPES:
        prefix, mime = OOXML_TYPES[extension]
        if "[content_types].xml" not in lowered or not any(name.startswith(prefix) for name in lowered):
            _mismatch(
                label, extension, _("a ZIP archive that is not a .%(ext)s document") % {"ext": extension}
            )
        # Bounded reads: a member is never decompressed further than what is checked.
        with archive.open(names[lowered.index("[content_types].xml")]) as member:
            content_types = member.read(65536).lower()
        if b"macroenabled" in content_types:
            _refuse(label, _("an Office file with macros"), "macros")
        return mime
    if extension in ODF_TYPES:
        expected = ODF_TYPES[extension]
        declared = ""
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                declared = member.read(200).decode("ascii", "replace").strip()
        if declared != expected:
            _mismatch(
                label,
                extension,
                declared or _("a ZIP archive that is not a .%(ext)s document") % {"ext": extension},
            )
        if any(name.startswith(("basic/", "scripts/")) for name in lowered):
            _refuse(label, _("an OpenDocument file with macros"), "macros")
        return expected
    for name in lowered:
        member_extension = name.rpartition(".")[2] if "." in name.rpartition("/")[2] else ""
        if member_extension in ACTIVE_EXTENSIONS:
            _refuse(label, _("a ZIP archive containing %(member)s") % {"member": name}, "active_member")
    return "application/zip"
