"""The municipal document: a Wagtail document with the metadata journalists need."""

import hashlib

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

from cms.public import Visibility
from search.indexing import SEARCH_TERMS_FIELDS, NormalisedTermsMixin

from .storage import get_document_storage

HASH_CHUNK_SIZE = 1024 * 1024


class MunicipalDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents the public may download: none from a collection with a view restriction.

        A restriction on a collection also covers its descendants, as in Wagtail's serve view.
        """
        return self.filter(Visibility().document_q())


class Document(NormalisedTermsMixin, AbstractDocument):
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

    file = models.FileField(_("file"), upload_to="documents", storage=get_document_storage)
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

    objects = MunicipalDocumentQuerySet.as_manager()

    # Recomputed whenever the file changes.
    FILE_METADATA_FIELDS = (
        "file_size",
        "file_hash",
        "sha256",
        "mime_type",
        "page_count",
        "extracted_text",
        "extraction_error",
        "extraction_status",
    )

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
        # The admin's document search uses autocomplete fields only.
        index.AutocompleteField("extracted_text"),
        index.SearchField("reference_number", boost=2),
        index.AutocompleteField("reference_number"),
        index.FilterField("language"),
        index.FilterField("document_type"),
        index.FilterField("issuing_body"),
        index.FilterField("date_issued"),
        index.FilterField("extraction_status"),
        index.FilterField("mime_type"),
        # The public search's normalised terms (search.documents); the admin keeps the fields above.
        *SEARCH_TERMS_FIELDS,
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_file_name = self.file.name if self.pk else None

    def save(self, *args, **kwargs):
        file_changed = bool(self.file) and (
            not getattr(self.file, "_committed", True) or self.file.name != self._stored_file_name
        )
        if file_changed:
            if getattr(self, "_metadata_for", None) != self.file.name:
                self.compute_file_metadata()
            self.extracted_text = ""
            self.extraction_error = ""
            self.extraction_status = self.ExtractionStatus.PENDING
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.FILE_METADATA_FIELDS, "file"}
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name
        self._metadata_for = None
        if file_changed:
            from .tasks import enqueue_extraction

            document_id = self.pk
            transaction.on_commit(lambda: enqueue_extraction(document_id))

    def compute_file_metadata(self):
        """Size, SHA-1 (Wagtail's ETag), SHA-256, MIME type and PDF page count, read in chunks."""
        from .extraction import count_pdf_pages, sniff_mime_type

        sha256 = hashlib.sha256()
        sha1 = hashlib.sha1()  # Wagtail keeps SHA-1 as the ETag
        size = 0
        self.file.open("rb")
        self.file.seek(0)
        head = b""
        for chunk in self.file.chunks(HASH_CHUNK_SIZE):
            if not head:
                head = chunk[:8192]
            sha256.update(chunk)
            sha1.update(chunk)
            size += len(chunk)
        self.file.seek(0)
        self.sha256 = sha256.hexdigest()
        self.file_hash = sha1.hexdigest()
        self.file_size = size
        self.mime_type = sniff_mime_type(head, self.file.name)
        self.page_count = count_pdf_pages(self.file) if self.mime_type == "application/pdf" else None
        self.file.seek(0)
        self._metadata_for = self.file.name

    def _set_document_file_metadata(self):
        # Wagtail's forms call this on a new file; save() computes everything in one pass.
        self.compute_file_metadata()

    def search_languages(self):
        """The document's language; every content language for a multilingual one."""
        if self.language == self.Language.MULTILINGUAL:
            return [code for code in self.Language.values if code != self.Language.MULTILINGUAL]
        return [self.language]

    def search_texts(self):
        """What the public search finds the document by, as written: its metadata and its text.

        The issuing body and the document type are named in the document's
        language(s), as a reader of the document would call them.
        """
        yield self.title or ""
        yield self.reference_number
        for language in self.search_languages():
            with translation.override(language):
                yield from (str(item) for item in (self.issuing_body, self.document_type) if item)
        if self.date_issued:
            yield str(self.date_issued.year)
        yield self.extracted_text

    @property
    def size(self):
        return self.file_size

    @property
    def is_public(self):
        return Visibility().is_public_document(self)

    def get_language_versions(self):
        """Every version of this document in another language, wherever in the family it sits."""
        root_id = self.original_id or self.pk
        return (
            Document.objects.filter(Q(pk=root_id) | Q(original_id=root_id))
            .exclude(pk=self.pk)
            .order_by("language", "pk")
        )

    def version_in(self, language):
        """This document as written in ``language``: itself (or multilingual), a language version, or None."""
        if self.language in (language, self.Language.MULTILINGUAL):
            return self
        return self.get_language_versions().filter(language=language).first()
