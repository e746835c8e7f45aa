"""Dashboard panels: follow-ups due (a staff member's own, or everyone's for the head of office) and the
campaigns' activities of the coming week."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from outreach.campaigns import this_week, titles_in_active_language
from outreach.models import Interaction

VIEW_PERMISSION = "outreach.view_interaction"
VIEW_ALL_PERMISSION = "outreach.view_all_follow_ups"
PANEL_SIZE = 10


def follow_ups_for(user, today=None):
    """The follow-ups due today or overdue that ``user`` should see on the dashboard."""
    due = Interaction.objects.follow_ups_due(today).select_related("staff").prefetch_related("contacts")
    if not user.has_perm(VIEW_ALL_PERMISSION):
        due = due.filter(staff=user)
    return due


class FollowUpsPanel(Component):
    name = "follow_ups"
    order = 140
    template_name = "outreach/admin/follow_ups_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        due = follow_ups_for(self.user, today)
        return {
            "today": today,
            "follow_ups": list(due[:PANEL_SIZE]),
            "total": due.count(),
            "overdue": due.filter(follow_up_date__lt=today).count(),
            "everyone": self.user.has_perm(VIEW_ALL_PERMISSION),
        }


class CampaignWeekPanel(Component):
    """The campaigns' activities planned for the coming week, and how many are overdue."""

    name = "campaign_week"
    order = 145
    template_name = "outreach/admin/campaign_week_panel.html"

    def get_context_data(self, parent_context):
        upcoming, overdue = this_week()
        return {
            "upcoming": upcoming,
            "overdue": overdue,
            "titles": titles_in_active_language([entry.campaign for entry in upcoming]),
        }
