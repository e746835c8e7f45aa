from django.db.models import Prefetch

from documents.models import Document

from ..core.site import site_context


def public_documents(info):
    """Documents outside private collections, with what the Document type reads prefetched."""
    private = site_context(info).private_collection_ids
    public = Document.objects.exclude(collection_id__in=private)
    return public.select_related("document_type", "issuing_body", "original").prefetch_related(
        Prefetch("language_versions", queryset=public.order_by("language", "pk")),
        Prefetch("original__language_versions", queryset=public.order_by("language", "pk")),
    )
