"""Backups of the whole site and their restore (docs/operations.md).

A backup is a folder, on disk or in an S3 bucket, holding the database as Django's
JSON dump, a copy of every stored file (media and documents) and ``manifest.json``
with each file's size and SHA-256; the file ``COMPLETE`` is written last.
"""
