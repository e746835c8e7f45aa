import graphene

from ..home.filters import _id_value


class DocumentFilter(graphene.InputObjectType):
    """Which documents to list; every condition given must hold."""

    type = graphene.ID(description="Id of a document type.")
    issuing_body = graphene.ID(description="Id of the issuing body.")
    language = graphene.String(description="Language code of the file: sq, sr, en or mul.")
    issued_from = graphene.Date(description="Issued on or after this date.")
    issued_to = graphene.Date(description="Issued on or before this date.")
    number = graphene.String(description="Reference number, exactly.")


DocumentOrder = graphene.Enum(
    "DocumentOrder",
    [("NEWEST", "-date_issued"), ("OLDEST", "date_issued"), ("TITLE", "title")],
    description=lambda member: {
        None: "Order of a document listing.",
        "NEWEST": "Most recently issued first (the default).",
        "OLDEST": "Earliest issued first.",
        "TITLE": "Alphabetically by title.",
    }[member.name if member else None],
)


def apply_filter(queryset, where):
    if not where:
        return queryset
    lookups = {
        "type": "document_type_id",
        "issuing_body": "issuing_body_id",
        "language": "language",
        "issued_from": "date_issued__gte",
        "issued_to": "date_issued__lte",
        "number": "reference_number",
    }
    for name, lookup in lookups.items():
        value = where.get(name)
        if value is not None:
            if lookup.endswith("_id"):
                value = _id_value(name, value)
            queryset = queryset.filter(**{lookup: value})
    return queryset
