"""The documents listing with the municipal metadata as columns and filters.

Wagtail 8's documents index is a plain view (not a viewset); ours subclasses it
and takes its URLs (see ``wagtail_hooks.py``), so every link to
``wagtaildocs:index`` lands here.
"""

import django_filters
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


class MunicipalDocumentsIndexView(IndexView):
    filterset_class = MunicipalDocumentsFilterSet

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("document_type", "issuing_body")

    @cached_property
    def columns(self):
        """What an editor needs to tell documents apart, narrow enough for a 1280px screen.

        Wagtail's file and created columns give way to the municipal metadata; reference
        number, size, MIME type, pages and text extraction are left out of the listing
        (MIME type and text extraction remain filters).
        """
        wagtail_columns = {column.name: column for column in super().columns}
        columns = [
            wagtail_columns["bulk_actions"],
            wagtail_columns["title"],
            Column("document_type", label=_("Type"), accessor="document_type"),
            Column("language", label=_("Language"), accessor="get_language_display"),
            Column("issuing_body", label=_("Body"), accessor="issuing_body"),
            DateColumn("date_issued", label=_("Issued"), sort_key="date_issued"),
        ]
        if "collection" in wagtail_columns:
            columns.append(wagtail_columns["collection"])
        columns.append(wagtail_columns["usage_count"])
        return columns
