"""On S3 (a moto server over HTTP), document objects are private even when images are public."""

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection, CollectionViewRestriction

from documents.models import Document
from tests.documents import files
from tests.s3 import s3_bucket

pytestmark = pytest.mark.django_db

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def public_grants(s3, key):
    grants = s3.get_object_acl(Bucket="komuna-media", Key=key)["Grants"]
    return [grant for grant in grants if grant["Grantee"].get("URI") == ALL_USERS]


def test_document_on_s3_is_private_and_streamed_through_wagtail(
    admin_client, client, home_page, django_capture_on_commit_callbacks
):
    with s3_bucket() as (s3, endpoint):
        data = files.pdf("Faqja e parë", "Vendimi për tregun e gjelbër")
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                "/admin/documents/add/",
                {"title": "Vendim S3", "language": "sq", "file": SimpleUploadedFile("vendim.pdf", data)},
            )
        assert response.status_code == 302, response.content[:500]
        document = Document.objects.get(title="Vendim S3")

        stored = s3.get_object(Bucket="komuna-media", Key=document.file.name)
        assert stored["Body"].read() == data
        assert public_grants(s3, document.file.name) == []
        # The object cannot be fetched anonymously by its plain URL.
        plain_url = f"{endpoint}/komuna-media/{document.file.name}"
        assert requests.get(plain_url, timeout=10).status_code == 403

        # Images in the same bucket keep their public ACL.
        image_response = admin_client.post(
            "/admin/images/add/", {"title": "Sheshi", "file": SimpleUploadedFile("sheshi.png", files.png())}
        )
        assert image_response.status_code == 302
        image_key = next(
            obj["Key"]
            for obj in s3.list_objects_v2(Bucket="komuna-media")["Contents"]
            if obj["Key"].startswith("original_images/")
        )
        assert public_grants(s3, image_key) != []

        # Metadata and text were read back from S3.
        assert document.page_count == 2
        assert document.extraction_status == Document.ExtractionStatus.DONE
        assert "tregun e gjelbër" in document.extracted_text

        served = client.get(document.url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == data
        assert served["Content-Security-Policy"] == "default-src 'none'"
        assert served["Content-Disposition"].startswith("inline")

        private = Collection.get_first_root_node().add_child(name="Privat")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        document.collection = private
        document.save()
        assert client.get(document.url).status_code == 404

        key = document.file.name
        with django_capture_on_commit_callbacks(execute=True):
            document.delete()
        keys = [obj["Key"] for obj in s3.list_objects_v2(Bucket="komuna-media").get("Contents", [])]
        assert key not in keys
