"""How fast, and at what memory, a ZIP bomb disguised as a .docx is refused.

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python bench/zip_bomb.py

Builds a ~1 MB .docx whose [Content_Types].xml expands to 1 GB, validates it as
an upload, and prints the time to the refusal and the process's peak memory
before and after.
"""

import io
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from documents.validation import validate_upload  # noqa: E402


def bomb(megabytes=1024):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("[Content_Types].xml", "w", force_zip64=True) as member:
            block = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(block)
        archive.writestr("word/document.xml", b"<w:document/>")
    return buffer.getvalue()


def main():
    data = bomb()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    started = time.perf_counter()
    try:
        validate_upload(SimpleUploadedFile("vendim.docx", data))
        outcome = "ACCEPTED"
    except ValidationError as error:
        outcome = f"refused ({error.code})"
    elapsed = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{len(data) // 1024} KB expanding to 1024 MB: {outcome} in {elapsed:.1f} ms; peak RSS {before} -> {after} MB"
    )


if __name__ == "__main__":
    main()
