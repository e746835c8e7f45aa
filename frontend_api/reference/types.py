"""Reference data (bodies, departments, topics, places, document types) in a requested language.

The models are translated with modeltranslation: one row, a column per
language. A value missing in the requested language falls back along
``MODELTRANSLATION_FALLBACK_LANGUAGES`` (sq, then en). Objects reach these
types tagged with the language to use (``with_language``).
"""

import graphene
from django.conf import settings

from home.models import Body as BodyModel

from ..core.locale import Locale, choices_enum, default_language

BodyKind = choices_enum("BodyKind", BodyModel.Kind, "What kind of body it is.")


def with_language(objects, language):
    for obj in objects:
        if obj is not None:
            obj._api_language = language
    return objects


def translated(obj, field):
    """``obj.<field>`` in the object's API language, falling back like modeltranslation."""
    language = getattr(obj, "_api_language", None) or default_language()
    for code in [language, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value
    return getattr(obj, field, "") or ""


def translated_resolver(field):
    return lambda obj, info: translated(obj, field)


class ReferenceFields:
    id = graphene.ID(required=True, description="Stable id, the same in every language (use it in filters).")
    slug = graphene.String(required=True, description="Stable identifier for URLs.")
    name = graphene.String(required=True, description="Name in the requested language (with fallback).")
    locale = graphene.Field(graphene.NonNull(Locale), description="Language the names are given in.")

    resolve_name = translated_resolver("name")

    @staticmethod
    def resolve_id(obj, info):
        return obj.pk

    @staticmethod
    def resolve_locale(obj, info):
        return getattr(obj, "_api_language", None) or default_language()


class Body(ReferenceFields, graphene.ObjectType):
    """A municipal body: the Assembly, a committee, the Board of Directors, the Mayor's office."""

    abbreviation = graphene.String(required=True, description="Short name, e.g. KPF.")
    kind = graphene.Field(graphene.NonNull(BodyKind), description="What kind of body it is.")
    parent = graphene.Field(lambda: Body, description="The body a committee reports to.")

    resolve_abbreviation = translated_resolver("abbreviation")

    @staticmethod
    def resolve_kind(body, info):
        return body.kind

    @staticmethod
    def resolve_parent(body, info):
        parent = body.parent
        return with_language([parent], getattr(body, "_api_language", None))[0] if parent else None


class Department(ReferenceFields, graphene.ObjectType):
    """A municipal directorate."""

    email = graphene.String(required=True, description="Contact e-mail address.")
    phone = graphene.String(required=True, description="Contact phone number.")


class Topic(ReferenceFields, graphene.ObjectType):
    """A subject news, events and documents are tagged with."""


class Place(ReferenceFields, graphene.ObjectType):
    """A venue."""

    address = graphene.String(required=True, description="Street address in the requested language.")
    latitude = graphene.Float(description="Latitude (WGS 84).")
    longitude = graphene.Float(description="Longitude (WGS 84).")

    resolve_address = translated_resolver("address")


class DocumentType(ReferenceFields, graphene.ObjectType):
    """What a document is: decision, regulation, minutes..."""
