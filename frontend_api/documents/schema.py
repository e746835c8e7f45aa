import graphene

from ..core.connections import connection_field, connection_for, resolve_connection
from ..core.locale import language_code, locale_argument
from ..reference.types import with_language
from .filters import DocumentFilter, DocumentOrder, apply_filter
from .resolvers import public_documents
from .types import Document

DocumentConnection = connection_for(Document, description="A page of documents.")


class DocumentQueries(graphene.ObjectType):
    document = graphene.Field(
        Document,
        id=graphene.ID(required=True, description="Document id."),
        locale=locale_argument(),
        description="One published document (null if missing or private).",
    )
    documents = connection_field(
        DocumentConnection,
        "Published documents, newest first by default.",
        locale=locale_argument(),
        where=graphene.Argument(DocumentFilter, description="Conditions the documents must meet."),
        order=graphene.Argument(DocumentOrder, default_value="-date_issued", description="Sort order."),
    )

    @staticmethod
    def resolve_document(root, info, id, locale=None):
        if not str(id).isdigit():
            return None
        document = public_documents(info).filter(pk=int(id)).first()
        return with_language([document], language_code(locale))[0] if document else None

    @staticmethod
    def resolve_documents(root, info, locale=None, where=None, order="-date_issued", first=None, after=None):
        order = getattr(order, "value", order) or "-date_issued"  # `order: null` means the default
        queryset = apply_filter(public_documents(info), where).order_by(order, "-pk")
        language = language_code(locale)
        return resolve_connection(
            DocumentConnection, queryset, first, after, prepare=lambda items: with_language(items, language)
        )
