"""Admin screens for the office's notice rules (the media contacts are in the directory, ``outreach``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from events.forms import NoticeRuleForm
from events.models import NoticeRule


class NoticeRuleViewSet(ModelViewSet):
    model = NoticeRule
    icon = "time"
    menu_label = _("Notice rules")
    list_display = ["name", "applies_to", "notice_kind", "days_before", "anchor", "is_active"]
    list_filter = ["applies_to", "notice_kind", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("applies_to"), FieldPanel("public_only"), FieldPanel("is_active")]),
            FieldPanel("event_kinds"),
            FieldPanel("body_kinds"),
            FieldRowPanel([FieldPanel("notice_kind"), FieldPanel("anchor"), FieldPanel("days_before")]),
            FieldPanel("link_materials"),
            FieldPanel("sort_order"),
        ],
        base_form_class=NoticeRuleForm,
    )


class MediaViewSetGroup(ModelViewSetGroup):
    menu_label = _("Media")
    menu_icon = "mail"
    menu_order = 250
    items = (NoticeRuleViewSet("notice_rules"),)
