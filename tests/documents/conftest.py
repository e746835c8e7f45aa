import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    """Upload through the admin's add form; extraction runs inline on commit."""

    def _upload(name, data, *, title=None, expect_ok=True, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                "/admin/documents/add/",
                {
                    "title": title or name,
                    "language": "sq",
                    "file": SimpleUploadedFile(name, data),
                    **fields,
                },
            )
        if expect_ok:
            assert response.status_code == 302, response.content.decode()[:3000]
        return response

    return _upload
