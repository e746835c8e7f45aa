"""django-modeltranslation for the kinds of message: reference data, like departments and topics."""

from modeltranslation.translator import TranslationOptions, register

from .models import Kind


@register(Kind)
class KindTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("sq",)
