from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import DepartmentOfficial, Kind, Message, Open311Client, RoutingRule
from .panels import SEE_ALL, MonthlyFiguresPanel, report_csv
from .permissions import MessagePermissionPolicy
from .viewsets import CitizensViewSetGroup

register_permission_policy(Message, MessagePermissionPolicy(Message))
for model in (Kind, RoutingRule, DepartmentOfficial, Open311Client):
    register_permission_policy(model)


@hooks.register("register_admin_viewset")
def register_citizens_viewsets():
    return CitizensViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_monthly_figures_panel(request, panels):
    if request.user.has_perm(SEE_ALL):
        panels.append(MonthlyFiguresPanel())


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("citizens/report/<int:year>-<int:month>.csv", report_csv, name="citizens_report_csv")]
