"""Admin screens of the directory: contacts (with CSV import and export), organisations, interactions,
the campaign timeline and the citizens' subscriptions (``outreach.subscription_admin``)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from outreach.admin_views import (
    EXPORT_PERMISSION,
    IMPORT_PERMISSIONS,
    CampaignTimelineView,
    ContactExportView,
    ContactImportView,
)
from outreach.campaigns import TIMELINE_PERMISSION
from outreach.models import Contact, Interaction, Organisation
from outreach.subscription_admin import SubscriptionViewSet


class ContactIndexView(IndexView):
    def get_base_queryset(self):
        # The listing names each contact with their organisation.
        return super().get_base_queryset().select_related("organisation")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        user = self.request.user
        if user.has_perms(IMPORT_PERMISSIONS):
            buttons.append(HeaderButton(_("Import CSV"), url=reverse("contacts:import"), icon_name="upload"))
        if user.has_perm(EXPORT_PERMISSION):
            buttons.append(
                HeaderButton(_("Export CSV"), url=reverse("contacts:export"), icon_name="download")
            )
        return buttons


class ContactViewSet(ModelViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Contacts")
    index_view_class = ContactIndexView
    list_display = ["__str__", "kind", "community", "language", "email", "phone", "consent", "is_active"]
    list_filter = [
        "kind",
        "community",
        "language",
        "topics",
        "bodies",
        "consent",
        "is_active",
        "undeliverable",
    ]
    search_fields = ["name", "organisation__name", "role", "email", "phone", "notes"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("organisation"), FieldPanel("role")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("community"), FieldPanel("language")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Channels")),
            FieldPanel("topics"),
            FieldPanel("bodies"),
            MultiFieldPanel([FieldPanel("consent"), FieldPanel("consent_date")], heading=_("Consent")),
            FieldPanel("notes"),
            FieldPanel("is_active"),
            MultiFieldPanel(
                [
                    FieldPanel("undeliverable"),
                    FieldPanel("undeliverable_at", read_only=True),
                    FieldPanel("undeliverable_detail", read_only=True),
                ],
                heading=_("Delivery"),
            ),
        ]
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", ContactImportView.as_view(), name="import"),
            path("export/", ContactExportView.as_view(), name="export"),
        ]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "community", "email", "phone"]
    list_filter = ["kind", "community"]
    search_fields = ["name", "email", "phone", "notes"]
    form_fields = ["name", "kind", "community", "email", "phone", "notes"]


class InteractionForm(WagtailAdminModelForm):
    """A new interaction is the signed-in staff member's unless they choose a colleague."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.for_user is not None:
            self.fields["staff"].initial = self.for_user.pk


class InteractionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("staff")


class InteractionViewSet(ModelViewSet):
    model = Interaction
    icon = "comment"
    menu_label = _("Interactions")
    index_view_class = InteractionIndexView
    list_display = ["date", "kind", "subject", "staff", "outcome", "follow_up_date", "follow_up_done"]
    list_filter = ["kind", "outcome", "topic", "staff", "follow_up_done", "date", "follow_up_date"]
    search_fields = ["subject", "notes"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("staff")]),
            FieldPanel("subject"),
            FieldPanel("contacts"),
            FieldPanel("topic"),
            FieldPanel("outcome"),
            FieldPanel("notes"),
            FieldRowPanel(
                [FieldPanel("follow_up_date"), FieldPanel("follow_up_done")], heading=_("Follow-up")
            ),
        ],
        base_form_class=InteractionForm,
    )


class TimelineMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(TIMELINE_PERMISSION)


class CampaignTimelineViewSet(ViewSet):
    """The campaign timeline in the contacts menu: one view, shown to those who may see it."""

    icon = "date"
    menu_label = _("Campaign timeline")
    menu_item_class = TimelineMenuItem

    def get_urlpatterns(self):
        return [path("", CampaignTimelineView.as_view(), name="index")]


class DirectoryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Contacts")
    menu_icon = "group"
    menu_order = 240
    items = (
        ContactViewSet("contacts"),
        OrganisationViewSet("organisations"),
        InteractionViewSet("interactions"),
        CampaignTimelineViewSet("campaign_timeline", url_prefix="outreach/campaign-timeline"),
        SubscriptionViewSet("subscriptions"),
    )
