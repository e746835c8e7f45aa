"""The office's plan (2015) as notice rules: media are told

- of public meetings with citizens and other public events at least two weeks
  before, and again the day before;
- of Assembly and body sessions on the day their materials are distributed;
- of tender openings, with the day and time.

Migration 0002 created these rules; ``ensure_default_rules`` restores any that
are missing (a new database set up without migrations' data, tests).
"""

PUBLIC_EVENT_KINDS = [
    "public_meeting",
    "cultural_historical",
    "festival",
    "anniversary",
    "conference",
    "mayors_meeting",
]

RULES = [
    {
        "name": "Public meetings and events: advisory 14 days before",
        "applies_to": "events",
        "event_kinds": PUBLIC_EVENT_KINDS,
        "notice_kind": "advisory",
        "anchor": "start",
        "days_before": 14,
    },
    {
        "name": "Public meetings and events: reminder 1 day before",
        "applies_to": "events",
        "event_kinds": PUBLIC_EVENT_KINDS,
        "notice_kind": "reminder",
        "anchor": "start",
        "days_before": 1,
    },
    {
        "name": "Sessions of bodies: notice on the day the materials are distributed",
        "applies_to": "meetings",
        "notice_kind": "materials",
        "anchor": "materials",
        "days_before": 0,
        "link_materials": True,
    },
    {
        "name": "Tender openings: notice of the day and time",
        "applies_to": "events",
        "event_kinds": ["tender_opening"],
        "public_only": False,
        "notice_kind": "tender",
        "anchor": "start",
        "days_before": 7,
    },
]


def ensure_default_rules():
    from events.models import NoticeRule

    for order, rule in enumerate(RULES):
        NoticeRule.objects.get_or_create(name=rule["name"], defaults={**rule, "sort_order": order})
