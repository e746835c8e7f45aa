"""The inbox in the admin: citizens' messages, their kinds, routing rules and the departments' officials."""

import datetime

import django_filters
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from home.viewsets import ReferenceViewSet

from .admin_forms import MessageInboxForm
from .models import OPEN_STATUSES, DepartmentOfficial, Kind, Message, Open311Client, RoutingRule
from .permissions import visible_messages

DUE_SOON = datetime.timedelta(days=2)


class MessageFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    due_soon = django_filters.BooleanFilter(label=_("Due within two days"), method="filter_due_soon")

    class Meta:
        model = Message
        fields = ["kind", "status", "assigned_department", "assigned_official"]

    def filter_overdue(self, queryset, name, value):
        overdue = {"status__in": OPEN_STATUSES, "due_at__lt": timezone.now()}
        return queryset.filter(**overdue) if value else queryset.exclude(**overdue)

    def filter_due_soon(self, queryset, name, value):
        now = timezone.now()
        soon = {"status__in": OPEN_STATUSES, "due_at__gte": now, "due_at__lt": now + DUE_SOON}
        return queryset.filter(**soon) if value else queryset.exclude(**soon)


class YesNoPanel(FieldPanel):
    """A read-only yes/no field in the admin's language (the default shows Python's True or False)."""

    def format_value_for_display(self, value):
        return gettext("Yes") if value else gettext("No")


def person(user):
    """Who did it; nobody for what the site did (the message's arrival)."""
    return (user.get_full_name() or user.get_username()) if user else ""


class MessageHistoryPanel(Panel):
    """The status changes and the internal notes, oldest first: what the officials before you did and said."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "citizens/admin/message_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            message = self.instance
            entries = [
                {
                    "at": change.changed_at,
                    "who": person(change.changed_by),
                    "what": f"{change.get_from_status_display() or '–'} → {change.get_to_status_display()}",
                    "text": change.note,
                }
                for change in message.status_changes.select_related("changed_by")
            ] + [
                {
                    "at": note.created_at,
                    "who": person(note.author),
                    "what": _("Internal note"),
                    "text": note.text,
                }
                for note in message.internal_notes.select_related("author")
            ]
            context["entries"] = sorted(entries, key=lambda entry: entry["at"]) if message.pk else []
            return context


class VisibleMessagesMixin:
    """An object view of a message the user may not see answers 404, as if it did not exist."""

    def get_queryset(self):
        return visible_messages(self.request.user)

    def get_base_object_queryset(self):
        return visible_messages(self.request.user)


class MessageEditView(VisibleMessagesMixin, generic.EditView):
    pass


class MessageDeleteView(VisibleMessagesMixin, generic.DeleteView):
    pass


class MessageHistoryView(VisibleMessagesMixin, history.HistoryView):
    pass


class MessageUsageView(VisibleMessagesMixin, usage.UsageView):
    pass


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_messages(self.request.user, super().get_base_queryset()).select_related(
            "kind", "assigned_department", "assigned_official"
        )


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "mail"
    menu_label = _("Citizens' messages")
    index_view_class = MessageIndexView
    edit_view_class = MessageEditView
    delete_view_class = MessageDeleteView
    history_view_class = MessageHistoryView
    usage_view_class = MessageUsageView
    filterset_class = MessageFilterSet
    # Searched in the database, never through the search index: messages hold personal data.
    search_backend_name = None
    search_fields = ["tracking_code", "subject"]
    list_display = [
        "tracking_code",
        "subject",
        "kind",
        "status",
        "assigned_department",
        "received_at",
        "due_at",
    ]
    ordering = ["-received_at"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("kind", read_only=True), YesNoPanel("is_urgent", read_only=True)]
                    ),
                    FieldPanel("subject", read_only=True),
                    FieldPanel("text", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("name", read_only=True),
                            FieldPanel("email", read_only=True),
                            FieldPanel("phone", read_only=True),
                            FieldPanel("language", read_only=True),
                        ]
                    ),
                    FieldPanel("location", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("received_at", read_only=True),
                            FieldPanel("due_at", read_only=True),
                            FieldPanel("forward_due_at", read_only=True),
                        ]
                    ),
                ],
                heading=_("The message"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("status_note"),
                    FieldRowPanel([FieldPanel("assigned_department"), FieldPanel("assigned_official")]),
                    FieldPanel("internal_note"),
                ],
                heading=_("Handling"),
            ),
            MessageHistoryPanel(heading=_("History and internal notes")),
            MultiFieldPanel(
                [FieldPanel("reply"), FieldPanel("reply_is_public"), FieldPanel("send_reply")],
                heading=_("Reply"),
            ),
        ],
        base_form_class=MessageInboxForm,
    )


class KindViewSet(ReferenceViewSet):
    model = Kind
    icon = "list-ul"
    menu_label = _("Kinds of message")
    list_display = ["name_sq", "name_sr", "name_en", "code", "clock", "clock_length", "is_active"]
    extra_form_fields = [
        "code",
        "default_department",
        "default_official",
        "clock",
        "clock_length",
        "forward_within_working_days",
        "urgent_within_hours",
        "is_active",
        "sort_order",
    ]

    @property
    def search_fields(self):
        return ["name_sq", "name_sr", "name_en", "code"]


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    icon = "redirect"
    menu_label = _("Routing rules")
    list_display = ["__str__", "kind", "topic", "department", "official", "sort_order"]
    list_filter = ["kind", "department"]
    form_fields = ["kind", "topic", "keywords", "department", "official", "sort_order"]


class DepartmentOfficialViewSet(ModelViewSet):
    model = DepartmentOfficial
    icon = "user"
    menu_label = _("Department officials")
    list_display = ["user", "department"]
    list_filter = ["department"]
    form_fields = ["user", "department"]


class Open311ClientCreateView(generic.CreateView):
    """Adding a client draws its key and shows it this once: only its hash is stored."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        key = instance.new_key()
        instance.save()
        messages.warning(
            self.request,
            _("The key of “%(name)s” is %(key)s — copy it now: it is not shown again.")
            % {"name": instance.name, "key": key},
        )
        return instance


class Open311ClientViewSet(ModelViewSet):
    model = Open311Client
    icon = "key"
    menu_label = _("Open311 clients")
    add_view_class = Open311ClientCreateView
    list_display = ["name", "contact", "is_active", "created_at", "last_used_at"]
    form_fields = ["name", "contact", "is_active", "rate_limit"]


class CitizensViewSetGroup(ModelViewSetGroup):
    menu_label = _("Citizens")
    menu_icon = "mail"
    menu_order = 240
    items = (
        MessageViewSet("citizen_messages"),
        KindViewSet("citizen_message_kinds"),
        RoutingRuleViewSet("citizen_routing_rules"),
        DepartmentOfficialViewSet("department_officials"),
        Open311ClientViewSet("open311_clients"),
    )
