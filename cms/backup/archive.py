"""Making a backup and restoring one (docs/operations.md).

Layout of a backup, in its own folder named after the time it was started::

    database.exactjson.gz  the dump (cms/backup/database.py)
    files/media/...      every file of the default storage (images, renditions)
    files/documents/...  every file of the documents' storage (documents, citizens' attachments)
    manifest.json        the dump's and each file's size and SHA-256, and the migrations applied
    COMPLETE             the manifest's SHA-256, written last: without it the backup is not one
"""

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.storage import document_storage

from . import database
from .locations import backup_storage, place, walk

FORMAT = 1
DUMP_NAME = "database.exactjson.gz"
MANIFEST_NAME = "manifest.json"
COMPLETE_NAME = "COMPLETE"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says why and what was left as it was."""


@dataclass
class Report:
    folder: str
    files: int = 0
    bytes: int = 0
    sections: dict = field(default_factory=dict)


class _Discard:
    def write(self, chunk):
        pass


def storages():
    """{section: storage} of the site's files."""
    return {"media": default_storage, "documents": document_storage}


def document_field_names():
    """Names of the files that the documents' storage holds, as the database refers to them."""
    from django.apps import apps
    from django.db.models import FileField

    names = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, FileField) and model_field.storage is document_storage:
                names.update(
                    model._base_manager.exclude(**{model_field.name: ""}).values_list(
                        model_field.name, flat=True
                    )
                )
    return names


def stored_files():
    """(section, name) of every stored file, each once, even when both storages share one bucket."""
    if place(default_storage) != place(document_storage):
        for section, storage in storages().items():
            for name in walk(storage):
                yield section, name
        return
    documents = document_field_names()
    for name in walk(default_storage):
        yield ("documents" if name in documents else "media"), name


def copy_hashing(source, target):
    """Copy file object ``source`` into ``target`` and return (size, sha256)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        target.write(chunk)
    return size, digest.hexdigest()


def save_exactly(storage, name, content):
    saved = storage.save(name, content)
    if saved != name:
        storage.delete(saved)
        raise BackupError(
            _("Could not write %(name)s: the storage named it %(saved)s.") % {"name": name, "saved": saved}
        )


def new_folder(target):
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    folder, number = stamp, 1
    while target.exists(f"{folder}/{MANIFEST_NAME}") or target.exists(f"{folder}/{DUMP_NAME}"):
        number += 1
        folder = f"{stamp}-{number}"
    return folder


def backup(destination, progress=None):
    """Write a new backup under ``destination`` (a directory or ``s3://bucket/prefix``)."""
    target = backup_storage(destination)
    folder = new_folder(target)
    report = Report(folder=folder)
    with tempfile.TemporaryDirectory(prefix="cms-backup-") as scratch:
        dump_path = Path(scratch) / DUMP_NAME
        migrations = database.dump(dump_path)
        with dump_path.open("rb") as dump:
            size, sha256 = copy_hashing(dump, _Discard())
            dump.seek(0)
            save_exactly(target, f"{folder}/{DUMP_NAME}", File(dump))
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": {
                "vendor": database.connection.vendor,
                "path": DUMP_NAME,
                "size": size,
                "sha256": sha256,
                "excluded": database.excluded_models(),
                "migrations": migrations,
            },
            "files": [],
        }
        for section, name in stored_files():
            path = f"files/{section}/{name}"
            with storages()[section].open(name, "rb") as source, tempfile.TemporaryFile() as copy:
                size, sha256 = copy_hashing(source, copy)
                copy.seek(0)
                save_exactly(target, f"{folder}/{path}", File(copy, name=path))
            manifest["files"].append(
                {"section": section, "name": name, "path": path, "size": size, "sha256": sha256}
            )
            report.files += 1
            report.bytes += size
            report.sections[section] = report.sections.get(section, 0) + 1
            if progress:
                progress(section, name)
    body = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
    save_exactly(target, f"{folder}/{MANIFEST_NAME}", ContentFile(body))
    save_exactly(
        target, f"{folder}/{COMPLETE_NAME}", ContentFile(hashlib.sha256(body).hexdigest().encode() + b"\n")
    )
    return report


def find_backup(source):
    """(storage, folder) of the backup at ``source``, or of the latest complete one under it."""
    storage = backup_storage(source)
    if storage.exists(MANIFEST_NAME) or storage.exists(COMPLETE_NAME):
        return storage, ""
    folders, _files = storage.listdir("")
    complete = [folder for folder in sorted(folders) if storage.exists(f"{folder}/{COMPLETE_NAME}")]
    if not complete:
        raise BackupError(_("No complete backup in %(source)s.") % {"source": source})
    return storage, complete[-1]


def joined(folder, name):
    return f"{folder}/{name}" if folder else name


def read_manifest(storage, folder, source):
    if not storage.exists(joined(folder, COMPLETE_NAME)):
        raise BackupError(
            _(
                "The backup in %(source)s is not complete (no %(marker)s file): it was interrupted or is still being written."
            )
            % {"source": source, "marker": COMPLETE_NAME}
        )
    with storage.open(joined(folder, COMPLETE_NAME), "rb") as marker:
        expected = marker.read().decode().strip()
    with storage.open(joined(folder, MANIFEST_NAME), "rb") as manifest_file:
        body = manifest_file.read()
    if hashlib.sha256(body).hexdigest() != expected:
        raise BackupError(
            _("%(name)s does not match its checksum: the backup was altered.") % {"name": MANIFEST_NAME}
        )
    manifest = json.loads(body)
    if manifest.get("format") != FORMAT:
        raise BackupError(_("Unknown backup format %(format)s.") % {"format": manifest.get("format")})
    return manifest


def verify(storage, folder, entry, target=None):
    """Check one file of the backup against the manifest, copying it into ``target`` if given."""
    path = joined(folder, entry["path"])
    if not storage.exists(path):
        raise BackupError(
            _("%(path)s is missing from the backup. Nothing was restored.") % {"path": entry["path"]}
        )
    with storage.open(path, "rb") as source:
        size, sha256 = copy_hashing(source, target or _Discard())
    if (size, sha256) != (entry["size"], entry["sha256"]):
        raise BackupError(
            _(
                "%(path)s does not match the manifest (%(size)s bytes, SHA-256 %(sha256)s; expected %(expected_size)s "
                "bytes, %(expected)s): the backup is damaged. Nothing was restored."
            )
            % {
                "path": entry["path"],
                "size": size,
                "sha256": sha256,
                "expected_size": entry["size"],
                "expected": entry["sha256"],
            }
        )


def restore(source, force=False, index=True):
    """Restore the backup at ``source`` into this site's database and storages, which must be empty."""
    storage, folder = find_backup(source)
    manifest = read_manifest(storage, folder, source)
    # Every checksum first: a damaged backup changes nothing here.
    verify(storage, folder, manifest["database"])
    for entry in manifest["files"]:
        verify(storage, folder, entry)

    targets = storages()
    places = {place(target): target for target in targets.values()}
    occupied = [name for target in places.values() for name in walk(target)]
    if occupied and not force:
        raise BackupError(
            ngettext(
                "The file storage is not empty (%(count)s file: %(name)s). Restore into empty storage, or give --force.",
                "The file storage is not empty (%(count)s files, such as %(name)s). Restore into empty storage, "
                "or give --force.",
                len(occupied),
            )
            % {"count": len(occupied), "name": occupied[0]}
        )

    if database.is_migrated() and (rows := database.content_rows()) and not force:
        found = ", ".join(f"{label}: {count}" for label, count in sorted(rows.items()))
        raise BackupError(
            _(
                "The database is not empty (%(found)s). Restore into an empty database, or give --force to replace its content."
            )
            % {"found": found}
        )
    call_command("migrate", interactive=False, verbosity=0)
    here = {tuple(item) for item in database.applied_migrations()}
    there = {tuple(item) for item in manifest["database"]["migrations"]}
    if here != there:
        difference = sorted(there - here)[:3] or sorted(here - there)[:3]
        raise BackupError(
            _(
                "The backup was made with other migrations than this code has (%(example)s, ...): restore it with the "
                "version of the code that made it. The files and the database were left as they were."
            )
            % {"example": ", ".join(".".join(item) for item in difference)}
        )

    written = []
    try:
        for entry in manifest["files"]:
            target = targets[entry["section"]]
            if force and target.exists(entry["name"]):
                target.delete(entry["name"])
            with tempfile.TemporaryFile() as copy:
                verify(storage, folder, entry, copy)
                copy.seek(0)
                save_exactly(target, entry["name"], File(copy, name=entry["name"]))
            written.append((target, entry["name"]))
        with tempfile.TemporaryDirectory(prefix="cms-restore-") as scratch:
            dump_path = Path(scratch) / DUMP_NAME
            with dump_path.open("wb") as dump:
                verify(storage, folder, manifest["database"], dump)
            with transaction.atomic():
                database.load(dump_path)
    except BaseException:
        for target, name in written:
            target.delete(name)
        raise
    if index:
        call_command("update_index", verbosity=0)
    return manifest
