"""django-modeltranslation registration for reference data (never wagtail-localize)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Body, Department, DocumentType, Place, Topic


@register(Body)
class BodyTranslationOptions(TranslationOptions):
    fields = ("name", "abbreviation")
    required_languages = ("sq",)


@register(Department)
class DepartmentTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("sq",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("sq",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "address")
    required_languages = ("sq",)


@register(DocumentType)
class DocumentTypeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("sq",)
