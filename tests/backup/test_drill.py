"""Restore drills: back up a site, restore it into an empty database and empty storage, compare."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page

from tests.backup.conftest import snapshot
from tests.s3 import s3_bucket, s3_storage_settings


def empty_database():
    call_command("flush", interactive=False, verbosity=0)
    assert Page.objects.count() == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_database
def test_drill_to_a_directory(content, tmp_path):
    before = snapshot()
    assert len({page[4] for page in before["pages"]}) == 3 and before["tasks"] and before["documents"]

    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    sections = {entry["section"] for entry in manifest["files"]}
    assert sections == {"media", "documents"}
    assert (folder / "COMPLETE").exists()

    empty_database()
    with override_settings(MEDIA_ROOT=tmp_path / "media", DOCUMENTS_ROOT=tmp_path / "documents"):
        call_command("restore", str(tmp_path / "backups"), yes=True)
        after = snapshot()
        assert (tmp_path / "documents" / content["document"].file.name).read_bytes() == before["documents"][
            "Vendimi 1"
        ][1]
    assert after == before

    storage = override_settings(MEDIA_ROOT=tmp_path / "media", DOCUMENTS_ROOT=tmp_path / "documents")
    with storage, pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder), yes=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_database
def test_drill_to_s3(make_content):
    with s3_bucket("komuna-media") as (client, endpoint):
        client.create_bucket(Bucket="komuna-backups")
        credentials = {
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "access_key": "testing",
            "secret_key": "testing",
        }
        with override_settings(BACKUP_S3=credentials):
            make_content()
            before = snapshot()
            call_command("backup", "s3://komuna-backups/nightly")
            keys = [obj["Key"] for obj in client.list_objects_v2(Bucket="komuna-backups")["Contents"]]
            assert any(key.endswith("/COMPLETE") for key in keys)
            assert any("/files/documents/documents/" in key for key in keys)

            empty_database()
            client.create_bucket(Bucket="komuna-restored")
            with override_settings(STORAGES=s3_storage_settings(endpoint, "komuna-restored")):
                call_command("restore", "s3://komuna-backups/nightly", yes=True)
                after = snapshot()
            restored = {obj["Key"] for obj in client.list_objects_v2(Bucket="komuna-restored")["Contents"]}
    assert after == before
    assert {name for name, _data, _language in before["documents"].values()} <= restored
