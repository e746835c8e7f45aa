"""The admin form for documents (single and multiple upload, edit): every file goes through the checks."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .models import Document
from .validation import validate_upload


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # The multiple uploader posts the file alone: a missing language
            # takes the default instead of holding the upload back.
            self.fields["language"].required = False
        if "original" in self.fields and self.instance.pk:
            # A document cannot be a language version of itself.
            self.fields["original"].queryset = self.fields["original"].queryset.exclude(pk=self.instance.pk)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            checked = validate_upload(file)
            file.name = checked.name
        return file

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or Document.Language.ALBANIAN

    def clean(self):
        cleaned_data = super().clean()
        original = cleaned_data.get("original")
        if original is not None and original.original_id is not None:
            # Versions hang off one original, never off another version.
            cleaned_data["original"] = original.original
        return cleaned_data
