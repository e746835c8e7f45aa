"""The one validation of a citizen's message, whichever surface it comes from (GraphQL or the site's form)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from documents.validation import validate_upload
from home.models import Department, Topic

from .models import Kind, Message


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe): a list, empty when none was sent."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        single = super().clean
        return (
            [single(item, initial) for item in data]
            if isinstance(data, list | tuple)
            else [single(data, initial)]
        )


class MessageForm(forms.ModelForm):
    kind = forms.ModelChoiceField(
        queryset=Kind.objects.filter(is_active=True), to_field_name="code", label=_("What is it about?")
    )
    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), required=False, label=_("Topic"))
    department = forms.ModelChoiceField(
        queryset=Department.objects.all(), required=False, label=_("Department")
    )
    language = forms.ChoiceField(
        choices=Message.Language.choices, required=False, label=_("Language of the answer")
    )
    latitude = forms.DecimalField(
        min_value=-90, max_value=90, max_digits=9, decimal_places=6, required=False, widget=forms.HiddenInput
    )
    longitude = forms.DecimalField(
        min_value=-180,
        max_value=180,
        max_digits=9,
        decimal_places=6,
        required=False,
        widget=forms.HiddenInput,
    )
    attachments = MultipleFileField(required=False, label=_("Attachments (optional)"))

    class Meta:
        model = Message
        fields = [
            "kind",
            "subject",
            "text",
            "name",
            "email",
            "phone",
            "language",
            "topic",
            "department",
            "location",
            "latitude",
            "longitude",
            "is_urgent",
        ]
        labels = {
            "subject": _("Subject"),
            "text": _("Your message"),
            "name": _("Your name (optional)"),
            "email": _("E-mail (optional)"),
            "phone": _("Phone (optional)"),
            "location": _("Where (optional)"),
            "is_urgent": _("Urgent: a person's life or liberty depends on the answer"),
        }
        help_texts = {
            "name": _("You may stay anonymous; your name and contact are never published."),
            "email": _("For the acknowledgement with your tracking code, and for the answer."),
            "is_urgent": "",  # the label says it all; the model's help text would repeat it
        }

    def __init__(self, *args, default_language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_language = default_language or settings.LANGUAGE_CODE
        limit = settings.CITIZENS_MAX_TEXT_LENGTH
        self.fields["text"].validators.append(MaxLengthValidator(limit))
        self.fields["text"].widget.attrs["maxlength"] = limit
        self.checked_attachments = []

    def clean_language(self):
        return self.cleaned_data.get("language") or self.default_language

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        limit = settings.CITIZENS_MAX_ATTACHMENTS
        if len(uploads) > limit:
            raise ValidationError(
                ngettext(
                    "You can attach at most %(limit)d file.", "You can attach at most %(limit)d files.", limit
                )
                % {"limit": limit},
                code="too_many_attachments",
            )
        total, max_total = (
            sum(upload.size for upload in uploads),
            settings.CITIZENS_MAX_ATTACHMENTS_TOTAL_SIZE,
        )
        if total > max_total:
            raise ValidationError(
                _("The attachments come to %(size)s together; the limit is %(limit)s.")
                % {"size": filesizeformat(total), "limit": filesizeformat(max_total)},
                code="attachments_too_large",
            )
        errors = []
        max_size = settings.CITIZENS_MAX_ATTACHMENT_SIZE
        for upload in uploads:
            if upload.size > max_size:
                errors.append(
                    ValidationError(
                        _("“%(name)s” is too big (%(size)s); the limit is %(limit)s.")
                        % {
                            "name": upload.name,
                            "size": filesizeformat(upload.size),
                            "limit": filesizeformat(max_size),
                        },
                        code="file_too_large",
                    )
                )
                continue
            try:
                self.checked_attachments.append((upload, validate_upload(upload)))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("latitude", _("Give both the latitude and the longitude, or neither."))
        kind = cleaned.get("kind")
        if cleaned.get("is_urgent") and kind is not None and not kind.allows_urgent:
            # Only requests under the law have an urgent procedure; the others keep their course.
            cleaned["is_urgent"] = False
        return cleaned
