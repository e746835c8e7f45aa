from django.db.models import Prefetch

from documents.models import Document

from ..core.site import site_context

# Everything the Document type reads, so that a list costs the same at any length.
RELATED = ("document_type", "issuing_body__parent")


def public_documents(info):
    """Documents outside private collections, with what the Document type reads prefetched."""
    public = site_context(info).documents(Document.objects.all())
    versions = public.select_related(*RELATED).order_by("language", "pk")
    return public.select_related(
        *RELATED, "original", *(f"original__{name}" for name in RELATED)
    ).prefetch_related(
        Prefetch("language_versions", queryset=versions),
        Prefetch("original__language_versions", queryset=versions),
    )
