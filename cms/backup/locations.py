"""Where backups are kept: a directory, or ``s3://bucket/prefix``, both spoken to as a Django storage."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def backup_storage(destination):
    """The storage rooted at ``destination`` (a path or an ``s3://`` URL)."""
    if destination.startswith("s3://"):
        from storages.backends.s3 import S3Storage

        bucket, _slash, prefix = destination.removeprefix("s3://").partition("/")
        options = {key: value for key, value in settings.BACKUP_S3.items() if value}
        return S3Storage(
            bucket_name=bucket,
            location=prefix.strip("/"),
            file_overwrite=True,
            default_acl=None,
            querystring_auth=True,
            custom_domain=None,
            **options,
        )
    return FileSystemStorage(location=destination, base_url=None)


def walk(storage, path=""):
    """Every file's name under ``path`` in ``storage``, depth first, sorted."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # a local storage's folder that nothing was written to yet
        return
    for name in sorted(files):
        yield f"{path}/{name}" if path else name
    for directory in sorted(directories):
        yield from walk(storage, f"{path}/{directory}" if path else directory)


def place(storage):
    """What identifies where a storage keeps its files: two storages with the same place share them."""
    if hasattr(storage, "bucket_name"):
        return ("s3", storage.endpoint_url, storage.bucket_name, storage.location)
    return ("file", str(storage.path("")))
