from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from outreach.admin_views import REPORT_PERMISSION, ReportView
from outreach.campaigns import TIMELINE_PERMISSION
from outreach.models import Contact, Interaction, Organisation, Subscription
from outreach.panels import VIEW_PERMISSION, CampaignWeekPanel, FollowUpsPanel
from outreach.subscription_admin import SubscriptionPermissionPolicy
from outreach.viewsets import DirectoryViewSetGroup

register_permission_policy(Contact)
register_permission_policy(Organisation)
register_permission_policy(Interaction)
register_permission_policy(Subscription, SubscriptionPermissionPolicy(Subscription))


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(FollowUpsPanel(request.user))
    if request.user.has_perm(TIMELINE_PERMISSION):
        panels.append(CampaignWeekPanel())


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("outreach/report/", ReportView.as_view(), name="outreach_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Report to the head of office"),
        reverse("outreach_report"),
        icon_name="doc-full",
        order=245,
        name="report",
    )
