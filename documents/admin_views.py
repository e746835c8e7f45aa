"""The documents listing with the municipal metadata as columns and filters.

Wagtail 8's documents index is a plain view (not a viewset); ours subclasses it
and takes its URLs (see ``wagtail_hooks.py``), so every link to
``wagtaildocs:index`` lands here.
"""

import django_filters
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.documents.views.documents import DocumentsFilterSet, IndexView

from home.models import Body, DocumentType

from .models import Document


class MunicipalDocumentsFilterSet(DocumentsFilterSet):
    document_type = django_filters.ModelChoiceFilter(
        label=_("Document type"), queryset=DocumentType.objects.all()
    )
    issuing_body = django_filters.ModelChoiceFilter(label=_("Issuing body"), queryset=Body.objects.all())
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Document.Language.choices)
    date_issued = django_filters.DateFromToRangeFilter(label=_("Date issued"), widget=DateRangePickerWidget)
    mime_type = django_filters.ChoiceFilter(label=_("File type"), choices=lambda: _mime_type_choices())
    extraction_status = django_filters.ChoiceFilter(
        label=_("Text extraction"), choices=Document.ExtractionStatus.choices
    )

    class Meta(DocumentsFilterSet.Meta):
        model = Document
        fields = []


def _mime_type_choices():
    types = Document.objects.exclude(mime_type="").values_list("mime_type", flat=True).distinct()
    return [(mime, mime) for mime in sorted(types)]


class SizeColumn(Column):
    def get_value(self, instance):
        return filesizeformat(instance.file_size) if instance.file_size is not None else ""


class MunicipalDocumentsIndexView(IndexView):
    filterset_class = MunicipalDocumentsFilterSet

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("document_type", "issuing_body")

    @cached_property
    def columns(self):
        columns = list(super().columns)
        position = next(i for i, column in enumerate(columns) if column.name == "created_at")
        columns[position:position] = [
            Column("document_type", label=_("Type"), accessor="document_type"),
            Column("reference_number", label=_("Number"), sort_key="reference_number"),
            DateColumn("date_issued", label=_("Issued"), sort_key="date_issued"),
            Column("issuing_body", label=_("Body"), accessor="issuing_body"),
            Column("language", label=_("Language"), accessor="get_language_display"),
            SizeColumn("file_size", label=_("Size"), sort_key="file_size"),
            Column("mime_type", label=_("MIME type")),
            Column("page_count", label=_("Pages")),
            Column("extraction_status", label=_("Text"), accessor="get_extraction_status_display"),
        ]
        return columns
