from wagtail import hooks
from wagtail.permissions import register_permission_policy

from outreach.models import Contact, Organisation
from outreach.viewsets import DirectoryViewSetGroup

register_permission_policy(Contact)
register_permission_policy(Organisation)


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()
