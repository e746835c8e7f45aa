from wagtail import hooks
from wagtail.permissions import register_permission_policy

from outreach.models import Contact, Interaction, Organisation
from outreach.panels import VIEW_PERMISSION, FollowUpsPanel
from outreach.viewsets import DirectoryViewSetGroup

register_permission_policy(Contact)
register_permission_policy(Organisation)
register_permission_policy(Interaction)


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(FollowUpsPanel(request.user))
