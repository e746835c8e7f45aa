"""The inbox's edit form: status, assignment, notes and the reply, applied by ``inbox.apply``."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import inbox
from .models import DepartmentOfficial, Message


class OfficialChoiceField(forms.ModelChoiceField):
    """An official by name with their departments: "Besnik Gashi (Drejtoria për Urbanizëm)"."""

    def label_from_instance(self, user):
        if not hasattr(self, "_departments"):
            self._departments = {}
            for entry in DepartmentOfficial.objects.select_related("department").order_by("department__name"):
                self._departments.setdefault(entry.user_id, []).append(str(entry.department))
        name = user.get_full_name() or user.get_username()
        departments = self._departments.get(user.pk)
        return f"{name} ({', '.join(departments)})" if departments else name


def assignable_officials(current=None):
    """The departments' active officials, and whoever the message is assigned to now."""
    officials = DepartmentOfficial.objects.filter(user__is_active=True).values("user")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=officials) | Q(pk=current))
        .order_by("first_name", "last_name", "username")
    )


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
        if "assigned_official" in self.fields:
            field = self.fields["assigned_official"]
            self.fields["assigned_official"] = OfficialChoiceField(
                queryset=assignable_officials(self.instance.assigned_official_id),
                required=False,
                label=field.label,
                help_text=_("Only officials of a department are listed (Citizens → Department officials)."),
                widget=field.widget,
            )
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
