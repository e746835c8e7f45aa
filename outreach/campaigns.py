"""The campaigns' coordination as the head of office sees it: activities on a timeline.

The activities are inline rows of the campaign page, so an editor's saved draft holds the newest
plan before it is published: the timeline reads each campaign as last saved (its latest revision),
not only its published rows.
"""

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone

from outreach.models import CampaignActivity

TIMELINE_PERMISSION = "outreach.view_campaign_timeline"
#: The timeline's default period around today.
DAYS_BACK = 30
DAYS_AHEAD = 60


@dataclass
class Entry:
    activity: CampaignActivity
    campaign: object  # the CampaignPage as last saved
    state: str  # "done", "cancelled", "overdue" or "upcoming"

    @property
    def date(self):
        return self.activity.date


def default_period(today=None):
    today = today or timezone.localdate()
    return today - dt.timedelta(days=DAYS_BACK), today + dt.timedelta(days=DAYS_AHEAD)


def state_of(activity, today):
    if activity.status == CampaignActivity.Status.DONE:
        return "done"
    if activity.status == CampaignActivity.Status.CANCELLED:
        return "cancelled"
    return "overdue" if activity.is_overdue(today) else "upcoming"


def campaigns_as_saved(campaign_ids=None):
    """Every campaign page as last saved (draft or published), with its coordination rows."""
    from home.models import CampaignPage

    pages = CampaignPage.objects.select_related("latest_revision", "locale").order_by("-starts_on", "pk")
    if campaign_ids is not None:
        pages = pages.filter(pk__in=campaign_ids)
    saved = []
    for page in pages:
        saved.append(page.latest_revision.as_object() if page.latest_revision_id else page)
    return saved


def entries(campaigns, today=None, channel=None):
    """Every activity of ``campaigns`` as a timeline entry, in date order."""
    today = today or timezone.localdate()
    found = [
        Entry(activity, campaign, state_of(activity, today))
        for campaign in campaigns
        for activity in campaign.activities.all()
        if not channel or activity.channel == channel
    ]
    return sorted(found, key=lambda entry: (entry.date, entry.activity.title))


def timeline(start, end, campaigns=None, channel=None, today=None):
    """The period's activities by month, and every overdue one (whatever its date).

    ``campaigns``: pages as ``campaigns_as_saved`` gives them (every campaign by default).
    """
    today = today or timezone.localdate()
    every = entries(campaigns_as_saved() if campaigns is None else campaigns, today, channel)
    in_period = [entry for entry in every if start <= entry.date <= end]
    months = [
        (month, list(group))
        for month, group in groupby(in_period, key=lambda entry: entry.date.replace(day=1))
    ]
    overdue = [entry for entry in every if entry.state == "overdue"]
    return {"months": months, "overdue": overdue, "count": len(in_period)}


def this_week(today=None):
    """Planned activities from today to a week ahead, and how many are overdue: the dashboard's panel."""
    today = today or timezone.localdate()
    every = entries(campaigns_as_saved(), today)
    upcoming = [
        entry
        for entry in every
        if entry.state == "upcoming" and entry.activity.planned_on <= today + dt.timedelta(days=7)
    ]
    return upcoming, sum(1 for entry in every if entry.state == "overdue")


def titles_in_active_language(campaigns):
    """Each campaign's title in the admin's language where translated (its own otherwise), by id."""
    from wagtail.models import Locale

    from home.models import CampaignPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    translated = {}
    if locale is not None:
        translated = dict(
            CampaignPage.objects.filter(
                translation_key__in=[campaign.translation_key for campaign in campaigns], locale=locale
            ).values_list("translation_key", "title")
        )
    return {campaign.pk: translated.get(campaign.translation_key, campaign.title) for campaign in campaigns}
