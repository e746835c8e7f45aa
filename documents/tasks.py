"""Background text extraction, retried with a growing delay; the outcome is kept on the document."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.search.index import insert_or_update_object

from .extraction import extract_text

logger = logging.getLogger(__name__)


def enqueue_extraction(document_id, attempt=1):
    """Queue text extraction; attempts after the first wait longer each time (30 s, 60 s, 120 s...)."""
    extraction = extract_document_text
    if attempt > 1 and extraction.get_backend().supports_defer:
        delay = settings.DOCUMENTS_EXTRACTION_RETRY_DELAY * 2 ** (attempt - 2)
        extraction = extraction.using(run_after=timezone.now() + timedelta(seconds=delay))
    return extraction.enqueue(document_id, attempt=attempt)


@task()
def extract_document_text(document_id: int, attempt: int = 1):
    from .models import Document

    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return "gone"
    status = Document.ExtractionStatus
    max_attempts = settings.DOCUMENTS_EXTRACTION_MAX_ATTEMPTS
    try:
        with document.open_file() as file:
            text = extract_text(file, document.mime_type, document.file.name)
    except Exception as error:  # any failure is kept on the document, never lost
        message = str(error) or error.__class__.__name__
        if attempt < max_attempts:
            logger.warning(
                "Text extraction of document %s failed (attempt %s): %s", document_id, attempt, message
            )
            Document.objects.filter(pk=document_id).update(
                extraction_status=status.PENDING,
                extraction_error=f"Attempt {attempt} of {max_attempts} failed: {message}",
            )
            enqueue_extraction(document_id, attempt + 1)
            return "retrying"
        logger.error("Text extraction of document %s failed for good: %s", document_id, message)
        Document.objects.filter(pk=document_id).update(
            extraction_status=status.FAILED,
            extraction_error=f"Failed after {attempt} attempts: {message}",
        )
        return "failed"

    if text is None:
        Document.objects.filter(pk=document_id).update(
            extraction_status=status.NOT_APPLICABLE, extraction_error=""
        )
        return "n/a"
    Document.objects.filter(pk=document_id).update(
        extracted_text=text, extraction_status=status.DONE, extraction_error=""
    )
    document.refresh_from_db()
    insert_or_update_object(document)
    return "done"
