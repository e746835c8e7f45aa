from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import BasePage, ContentIndexPage, ContentItemPage


class CampaignIndexPage(ContentIndexPage):
    item_model_name = "home.CampaignPage"
    subpage_types = ["home.CampaignPage"]

    class Meta:
        verbose_name = _("media campaigns index")
        verbose_name_plural = _("media campaigns indexes")


#: The campaign's coordination (``outreach``): internal, so kept on the source page only.
COORDINATION_RELATIONS = ["target_groups", "activities", "materials"]


class CampaignPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        from outreach.models import Channel

        super().__init__(*args, **kwargs)
        if "channels" in self.fields:
            self.fields["channels"] = forms.MultipleChoiceField(
                label=_("channels"),
                choices=Channel.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=self.instance.channels,
            )


class TimelineLinkPanel(Panel):
    """A link from the campaign's edit page to its activities on the timeline."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/campaign_timeline_link.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.request.user.has_perm("outreach.view_campaign_timeline")

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["timeline_url"] = reverse("campaign_timeline:index") + f"?campaign={self.instance.pk}"
            return context


class CampaignPage(ContentItemPage):
    starts_on = models.DateField(_("starts on"), default=timezone.localdate, db_index=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    goals = RichTextField(_("goals"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    # Internal, like the rest of the coordination tab: neither the site nor the API shows it.
    channels = models.JSONField(_("channels"), default=list, blank=True)

    date_field = "starts_on"

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("goals")],
            heading=_("Campaign"),
        ),
        InlinePanel("related_pages", heading=_("Related content"), label=_("related page")),
        *BasePage.body_panels,
    ]
    coordination_panels = [
        TimelineLinkPanel(),
        FieldPanel("channels"),
        InlinePanel("target_groups", heading=_("Target groups"), label=_("target group")),
        InlinePanel("activities", heading=_("Activities"), label=_("activity")),
        InlinePanel("materials", heading=_("Materials"), label=_("material")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(coordination_panels, heading=_("Coordination")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ],
        base_form_class=CampaignPageForm,
    )
    # Coordination is not copied into translations or copies (``channels`` is synchronised by no one).
    exclude_fields_in_copy = [*COORDINATION_RELATIONS, "channels"]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("starts_on", overridable=False),
        SynchronizedField("ends_on", overridable=False),
        TranslatableField("goals"),
        SynchronizedField("related_pages", overridable=False),
    ]
    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("goals"),
        index.FilterField("starts_on"),
        index.FilterField("ends_on"),
    ]

    class Meta:
        verbose_name = _("media campaign")
        verbose_name_plural = _("media campaigns")

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})

    def is_running(self, on=None):
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)

    def related_pages_localized(self):
        """Related pages in this page's locale where translated (the source page otherwise), live only."""
        pages = [item.page for item in self.related_pages.select_related("page") if item.page.live]
        return [page.specific.localized for page in pages]


class CampaignRelatedPage(Orderable):
    """A page of any type that belongs to a campaign (news, announcements, publications...)."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
