from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from events.models import EventPage
from home.models import Body


class NoticeRuleForm(WagtailAdminModelForm):
    """Kinds as check boxes rather than raw JSON."""

    event_kinds = forms.MultipleChoiceField(
        label=_("event kinds"),
        choices=EventPage.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Event kinds the rule covers (none: every kind). Ignored for sessions of bodies."),
    )
    body_kinds = forms.MultipleChoiceField(
        label=_("body kinds"),
        choices=Body.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kinds of body whose sessions the rule covers (none: every body)."),
    )
