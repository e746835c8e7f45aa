"""Admin screens for the office's notice rules and its private media directory."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from events.models import MediaContact, NoticeRule


class NoticeRuleViewSet(ModelViewSet):
    model = NoticeRule
    icon = "time"
    menu_label = _("Notice rules")
    list_display = ["name", "applies_to", "notice_kind", "days_before", "anchor", "is_active"]
    list_filter = ["applies_to", "notice_kind", "is_active"]
    form_fields = [
        "name",
        "applies_to",
        "event_kinds",
        "body_kinds",
        "public_only",
        "notice_kind",
        "anchor",
        "days_before",
        "link_materials",
        "is_active",
        "sort_order",
    ]


class MediaContactViewSet(ModelViewSet):
    model = MediaContact
    icon = "group"
    menu_label = _("Media contacts")
    list_display = ["outlet", "person", "email", "language", "scope", "is_active"]
    list_filter = ["language", "scope", "is_active", "topics"]
    search_fields = ["outlet", "person", "email"]
    form_fields = ["outlet", "person", "email", "phone", "scope", "language", "topics", "is_active"]


class MediaViewSetGroup(ModelViewSetGroup):
    menu_label = _("Media")
    menu_icon = "mail"
    menu_order = 250
    items = (NoticeRuleViewSet("notice_rules"), MediaContactViewSet("media_contacts"))
