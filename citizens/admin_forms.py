"""The inbox's edit form: status, assignment, notes and the reply, applied by ``inbox.apply``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import inbox
from .models import Message


class MessageInboxForm(WagtailAdminModelForm):
    status_note = forms.CharField(
        label=_("Note on the change of status"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history. For a forwarded request: the institution and the reason."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For officials only: never shown or sent to the citizen."),
    )
    send_reply = forms.BooleanField(
        label=_("Send the reply to the citizen now"),
        required=False,
        help_text=_("By e-mail, in the citizen's language; the message is then answered."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.before = (
            self.instance.status,
            self.instance.assigned_department_id,
            self.instance.assigned_official_id,
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_reply"):
            if not (cleaned.get("reply") or "").strip():
                self.add_error("reply", _("Write the reply before sending it."))
            elif self.instance.replied_at:
                self.add_error("send_reply", _("The reply has already been sent."))
        if (
            cleaned.get("status") == Message.Status.FORWARDED
            and self.before[0] != Message.Status.FORWARDED
            and not (cleaned.get("status_note") or "").strip()
        ):
            self.add_error("status_note", _("Say which institution the request goes to, and why."))
        return cleaned

    def save(self, commit=True):
        message = super().save(commit=False)
        if commit:
            inbox.apply(
                message,
                self.before,
                self.for_user,
                note=self.cleaned_data.get("status_note", ""),
                internal_note=self.cleaned_data.get("internal_note", ""),
                send_reply=self.cleaned_data.get("send_reply", False),
            )
        return message
