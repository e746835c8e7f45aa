from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import DepartmentOfficial, Kind, Message, Open311Client, RoutingRule
from .permissions import MessagePermissionPolicy
from .viewsets import CitizensViewSetGroup

register_permission_policy(Message, MessagePermissionPolicy(Message))
for model in (Kind, RoutingRule, DepartmentOfficial, Open311Client):
    register_permission_policy(model)


@hooks.register("register_admin_viewset")
def register_citizens_viewsets():
    return CitizensViewSetGroup()
