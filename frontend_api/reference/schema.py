import graphene

from home import models

from ..core.locale import language_code, locale_argument
from .types import Body, Department, DocumentType, Place, Topic, with_language


def _list(queryset):
    def resolve(root, info, locale=None):
        return with_language(list(queryset()), language_code(locale))

    return resolve


class ReferenceQueries(graphene.ObjectType):
    bodies = graphene.List(
        graphene.NonNull(Body), required=True, locale=locale_argument(), description="All municipal bodies."
    )
    departments = graphene.List(
        graphene.NonNull(Department), required=True, locale=locale_argument(), description="All departments."
    )
    topics = graphene.List(
        graphene.NonNull(Topic), required=True, locale=locale_argument(), description="All topics."
    )
    places = graphene.List(
        graphene.NonNull(Place), required=True, locale=locale_argument(), description="All places."
    )
    document_types = graphene.List(
        graphene.NonNull(DocumentType),
        required=True,
        locale=locale_argument(),
        description="All document types.",
    )

    resolve_bodies = staticmethod(_list(lambda: models.Body.objects.select_related("parent")))
    resolve_departments = staticmethod(_list(lambda: models.Department.objects.all()))
    resolve_topics = staticmethod(_list(lambda: models.Topic.objects.all()))
    resolve_places = staticmethod(_list(lambda: models.Place.objects.all()))
    resolve_document_types = staticmethod(_list(lambda: models.DocumentType.objects.all()))
