"""Where document files live: never anywhere the public can read them directly.

Documents are always streamed through Wagtail's serve view, which enforces
collection privacy and adds safe headers. So their files must not be reachable
by URL on their own:

- on local disk they live under ``DOCUMENTS_ROOT``, outside ``MEDIA_ROOT``
  (which a web server or ``DEBUG`` serves as it is);
- on S3 they use the default storage's settings but are stored without a public
  ACL and with signed URLs, even when images are public.

``STORAGES["documents"]``, when set, wins over both.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.module_loading import import_string

S3_BACKENDS = {"storages.backends.s3.S3Storage", "storages.backends.s3boto3.S3Boto3Storage"}


def build_document_storage():
    if "documents" in settings.STORAGES:
        return storages["documents"]
    default = settings.STORAGES["default"]
    if default["BACKEND"] in S3_BACKENDS:
        options = {
            **default.get("OPTIONS", {}),
            "default_acl": None,
            "querystring_auth": True,
            "custom_domain": None,
        }
        return import_string(default["BACKEND"])(**options)
    # A str, not a Path: Wagtail serialises the storage into a task when a file is deleted.
    return FileSystemStorage(location=str(settings.DOCUMENTS_ROOT), base_url=None)


class DocumentStorage(LazyObject):
    def _setup(self):
        self._wrapped = build_document_storage()


document_storage = DocumentStorage()


def get_document_storage():
    """The storage of ``Document.file`` (a callable, so migrations don't record settings)."""
    return document_storage


@receiver(setting_changed)
def _reset_document_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "DOCUMENTS_ROOT", "MEDIA_ROOT"}:
        document_storage._wrapped = empty
