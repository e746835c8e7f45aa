"""The municipal document: a Wagtail document with the metadata journalists need."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index


class Document(AbstractDocument):
    class Language(models.TextChoices):
        ALBANIAN = "sq", _("Albanian")
        SERBIAN = "sr", _("Serbian")
        ENGLISH = "en", _("English")
        MULTILINGUAL = "mul", _("Multilingual")

    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        NOT_APPLICABLE = "n/a", _("Not applicable")

    # Redeclared only to give reverse accessors that don't clash with the
    # (unused) wagtaildocs.Document model of the same class name.
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by user"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="uploaded_documents",
    )
    uploaded_by_user.wagtail_reference_index_ignore = True
    tags = TaggableManager(
        help_text=None, blank=True, verbose_name=_("tags"), related_name="tagged_documents"
    )

    document_type = models.ForeignKey(
        "home.DocumentType",
        verbose_name=_("document type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    reference_number = models.CharField(_("reference number"), max_length=100, blank=True, db_index=True)
    date_issued = models.DateField(_("date issued"), null=True, blank=True, db_index=True)
    issuing_body = models.ForeignKey(
        "home.Body",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    language = models.CharField(
        _("language"), max_length=3, choices=Language.choices, default=Language.ALBANIAN
    )
    original = models.ForeignKey(
        "self",
        verbose_name=_("language version of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="language_versions",
        help_text=_("The original document this file is a translation of."),
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_error = models.TextField(_("extraction error"), blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True, editable=False)
    mime_type = models.CharField(_("MIME type"), max_length=127, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields + (
        "document_type",
        "reference_number",
        "date_issued",
        "issuing_body",
        "language",
        "original",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("extracted_text"),
        index.SearchField("reference_number", boost=2),
        index.AutocompleteField("reference_number"),
        index.FilterField("language"),
        index.FilterField("document_type"),
        index.FilterField("issuing_body"),
        index.FilterField("date_issued"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
