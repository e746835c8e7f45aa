from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from events.admin_views import VIEW_PERMISSION, NoticeDashboardView, NoticeSummaryPanel
from events.models import NoticeRule
from events.viewsets import MediaViewSetGroup

register_permission_policy(NoticeRule)


@hooks.register("register_admin_viewset")
def register_media_viewsets():
    return MediaViewSetGroup()


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("media-notices/", NoticeDashboardView.as_view(), name="events_notice_dashboard")]


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return PermissionMenuItem(
        _("Media notices"),
        reverse("events_notice_dashboard"),
        icon_name="mail",
        order=260,
        name="media-notices",
    )


@hooks.register("construct_homepage_panels")
def add_notice_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(NoticeSummaryPanel())
