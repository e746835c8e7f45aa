"""A restore refuses a damaged, incomplete or foreign backup, and a site that is not empty, changing nothing."""

import hashlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def backup_folder(content, tmp_path):
    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    return folder


@pytest.fixture
def empty_storage(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media", DOCUMENTS_ROOT=tmp_path / "documents"):
        yield tmp_path


def entry(folder, section):
    manifest = json.loads((folder / "manifest.json").read_text())
    return next(item for item in manifest["files"] if item["section"] == section)


def test_a_damaged_file_stops_the_restore_before_anything_changes(backup_folder, empty_storage):
    document = entry(backup_folder, "documents")
    path = backup_folder / document["path"]
    path.write_bytes(path.read_bytes().replace(b"%PDF", b"%PDX"))
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"files/documents/documents/vendimi.*does not match the manifest"):
        call_command("restore", str(backup_folder), yes=True, force=True)
    assert Page.objects.count() == pages
    assert not (empty_storage / "media").exists() and not (empty_storage / "documents").exists()


def test_a_missing_file_stops_the_restore(backup_folder, empty_storage):
    (backup_folder / entry(backup_folder, "media")["path"]).unlink()
    with pytest.raises(CommandError, match="is missing from the backup"):
        call_command("restore", str(backup_folder), yes=True, force=True)


def test_a_damaged_dump_stops_the_restore(backup_folder, empty_storage):
    dump = backup_folder / "database.exactjson.gz"
    dump.write_bytes(dump.read_bytes() + b"\0")
    with pytest.raises(CommandError, match="database.exactjson.gz does not match the manifest"):
        call_command("restore", str(backup_folder), yes=True, force=True)


def test_an_altered_manifest_is_refused(backup_folder, empty_storage):
    manifest = backup_folder / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"sq"', '"sr"', 1) + " ")
    with pytest.raises(CommandError, match="manifest.json does not match its checksum"):
        call_command("restore", str(backup_folder), yes=True)


def test_an_incomplete_backup_is_refused(backup_folder, empty_storage):
    (backup_folder / "COMPLETE").unlink()
    with pytest.raises(CommandError, match="not complete"):
        call_command("restore", str(backup_folder), yes=True)
    with pytest.raises(CommandError, match="No complete backup"):
        call_command("restore", str(backup_folder.parent), yes=True)


def test_a_database_with_content_is_not_overwritten_without_force(backup_folder, empty_storage):
    with pytest.raises(CommandError, match=r"The database is not empty \(.*wagtailcore.Page"):
        call_command("restore", str(backup_folder), yes=True)


def test_storage_with_files_is_not_overwritten_without_force(backup_folder, content):
    with pytest.raises(CommandError, match=r"The file storage is not empty \(\d+ files"):
        call_command("restore", str(backup_folder), yes=True)


def test_a_backup_of_other_migrations_is_refused(backup_folder, empty_storage):
    manifest_path = backup_folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["database"]["migrations"].append(["home", "9999_from_the_future"])
    body = json.dumps(manifest).encode()
    manifest_path.write_bytes(body)
    (backup_folder / "COMPLETE").write_text(hashlib.sha256(body).hexdigest())
    pages = Page.objects.count()
    with pytest.raises(
        CommandError, match="other migrations than this code has \\(home.9999_from_the_future"
    ):
        call_command("restore", str(backup_folder), yes=True, force=True)
    assert Page.objects.count() == pages


def test_without_yes_the_restore_asks(backup_folder, empty_storage, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(backup_folder))
