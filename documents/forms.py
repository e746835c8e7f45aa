"""The admin form for documents (single and multiple upload, edit): every file goes through the checks."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .validation import validate_upload


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "original" in self.fields and self.instance.pk:
            # A document cannot be a language version of itself.
            self.fields["original"].queryset = self.fields["original"].queryset.exclude(pk=self.instance.pk)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            checked = validate_upload(file)
            file.name = checked.name
        return file

    def clean(self):
        cleaned_data = super().clean()
        original = cleaned_data.get("original")
        if original is not None and original.original_id is not None:
            # Versions hang off one original, never off another version.
            cleaned_data["original"] = original.original
        return cleaned_data
