import graphene

from documents.models import Document as DocumentModel

from ..core.locale import choices_enum
from ..core.site import site_context
from ..reference.types import Body, DocumentType, with_language

DocumentLanguage = choices_enum(
    "DocumentLanguage", DocumentModel.Language, "Language a document is written in."
)


class Document(graphene.ObjectType):
    """A published municipal document (decision, regulation, minutes...) served by the CMS."""

    id = graphene.ID(required=True, description="Document id.")
    title = graphene.String(required=True, description="Title as entered by the office.")
    url = graphene.String(required=True, description="Absolute download URL.")
    filename = graphene.String(required=True, description="File name, with its extension.")
    file_extension = graphene.String(required=True, description="File extension, e.g. pdf.")
    size = graphene.Int(description="File size in bytes.")
    mime_type = graphene.String(required=True, description="MIME type, e.g. application/pdf.")
    page_count = graphene.Int(description="Number of pages (PDF), when known.")
    type = graphene.Field(DocumentType, description="Kind of document, in the requested language.")
    number = graphene.String(required=True, description="Reference number, e.g. 01-016/2024.")
    date_issued = graphene.Date(description="Date the document was issued.")
    issuing_body = graphene.Field(Body, description="Body that issued the document.")
    language = graphene.Field(graphene.NonNull(DocumentLanguage), description="Language of the document.")
    language_versions = graphene.List(
        graphene.NonNull(lambda: Document),
        required=True,
        description="The same document in other languages.",
    )
    created_at = graphene.DateTime(required=True, description="When the document was uploaded.")

    @staticmethod
    def resolve_id(document, info):
        return document.pk

    @staticmethod
    def resolve_url(document, info):
        return site_context(info).absolute(document.url)

    @staticmethod
    def resolve_size(document, info):
        return document.file_size

    @staticmethod
    def resolve_mime_type(document, info):
        return document.mime_type or document.content_type

    @staticmethod
    def resolve_type(document, info):
        return _tagged(document, document.document_type)

    @staticmethod
    def resolve_number(document, info):
        return document.reference_number

    @staticmethod
    def resolve_issuing_body(document, info):
        return _tagged(document, document.issuing_body)

    @staticmethod
    def resolve_language(document, info):
        return document.language

    @staticmethod
    def resolve_language_versions(document, info):
        private = set(site_context(info).private_collection_ids)
        if document.original_id:
            original = document.original
            candidates = [original, *original.language_versions.all()]
        else:
            candidates = list(document.language_versions.all())
        versions = [v for v in candidates if v.pk != document.pk and v.collection_id not in private]
        return with_language(versions, getattr(document, "_api_language", None))


def _tagged(document, obj):
    if obj is None:
        return None
    return with_language([obj], getattr(document, "_api_language", None))[0]
