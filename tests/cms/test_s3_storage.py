"""Images and documents uploaded through Wagtail land in S3 (moto over HTTP) and are served back."""

import io

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.documents import files
from tests.s3 import s3_bucket

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_image_uploaded_to_s3_and_served_over_http(admin_client, home_page):
    with s3_bucket() as (client, endpoint):
        data = png_bytes()
        response = admin_client.post(
            "/admin/images/add/",
            {"title": "Sheshi", "file": SimpleUploadedFile("sheshi.png", data, content_type="image/png")},
        )
        assert response.status_code == 302, response.content[:500]
        image = get_image_model().objects.get(title="Sheshi")

        keys = [obj["Key"] for obj in client.list_objects_v2(Bucket="komuna-media")["Contents"]]
        assert image.file.name in keys
        assert image.file.url.startswith(endpoint)
        served = requests.get(image.file.url, timeout=10)
        assert served.status_code == 200
        assert served.content == data

        rendition = image.get_rendition("width-32")
        assert requests.get(rendition.url, timeout=10).status_code == 200


def test_document_uploaded_to_s3_and_served_through_wagtail(admin_client, client, home_page):
    with s3_bucket() as (s3, _endpoint):
        pdf = files.raw_pdf()
        response = admin_client.post(
            "/admin/documents/add/",
            {
                "title": "Vendimi 1",
                "language": "sq",
                "file": SimpleUploadedFile("vendimi.pdf", pdf, content_type="application/pdf"),
            },
        )
        assert response.status_code == 302, response.content[:500]
        document = get_document_model().objects.get(title="Vendimi 1")
        obj = s3.get_object(Bucket="komuna-media", Key=document.file.name)
        assert obj["Body"].read() == pdf

        served = client.get(document.url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == pdf
        assert "attachment" in served["Content-Disposition"] or "inline" in served["Content-Disposition"]
        assert served["Content-Security-Policy"] == "default-src 'none'"
