"""Campaigns' coordination: the edit form's tab, the timeline and its permission, nothing of it in public."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from home.models import CampaignPage
from outreach.campaigns import state_of, this_week, timeline
from outreach.factories import ContactFactory, InteractionFactory, OrganisationFactory
from outreach.models import CampaignActivity, CampaignMaterial, CampaignTargetGroup, Channel, Kind

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SECRET = "Shënim i brendshëm për fushatën"


def days(n):
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def campaign(home_page):
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Komuna transparente", slug="komuna-transparente")


def plan(page, *activities, staff=None):
    """Give ``page`` these activities (title, channel, planned in days, done in days or None, status)."""
    page = page.get_latest_revision_as_object()
    for title, channel, planned, done, status in activities:
        page.activities.add(
            CampaignActivity(
                title=title,
                channel=channel,
                planned_on=days(planned),
                done_on=None if done is None else days(done),
                status=status,
                responsible=staff,
                notes=SECRET,
            )
        )
    page.target_groups.add(CampaignTargetGroup(kind=Kind.CIVIL_SOCIETY, note=SECRET))
    page.channels = [Channel.RADIO]
    page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


@pytest.fixture
def planned(campaign, head_of_office):
    return plan(
        campaign,
        ("Fletëpalosja", Channel.POSTERS, -20, -19, "done"),
        ("Postimet e vonuara", Channel.SOCIAL_MEDIA, -3, None, "planned"),
        ("Spoti", Channel.TV, -5, None, "cancelled"),
        ("Takimi publik", Channel.PUBLIC_MEETING, 3, None, "planned"),
        ("SMS-të", Channel.SMS, 40, None, "planned"),
        staff=head_of_office,
    )


# --- The edit form ----------------------------------------------------------------------


def edit_data(page, **inlines):
    empty = {"related_pages", "target_groups", "activities", "materials", "comments"}
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "starts_on": page.starts_on.isoformat(),
            "ends_on": "",
            "goals": rich_text("<p>Qëllimi.</p>"),
            "body": streamfield([]),
            **{name: inline_formset([]) for name in empty - set(inlines)},
            **inlines,
        }
    )


def test_coordination_is_saved_through_the_page_edit_form(admin_client, campaign, head_of_office):
    organisation = OrganisationFactory(name="Rrjeti i OJQ-ve")
    contact = ContactFactory(name="Besnik Gashi")
    interaction = InteractionFactory(subject="Intervistë në radio", contacts=[contact])
    publication_index = PublicationIndexPageFactory(parent=campaign.get_parent().get_parent())
    leaflet = PublicationPageFactory(parent=publication_index, title="Fletëpalosja")
    data = edit_data(
        campaign,
        target_groups=inline_formset(
            [
                {"organisation": organisation.pk, "contact": "", "kind": "", "community": "", "note": ""},
                {"organisation": "", "contact": contact.pk, "kind": "", "community": "serbian", "note": ""},
            ]
        ),
        activities=inline_formset(
            [
                {
                    "title": "Intervistë në radion lokale",
                    "channel": "radio",
                    "status": "done",
                    "responsible": head_of_office.pk,
                    "planned_on": days(-2).isoformat(),
                    "done_on": days(-1).isoformat(),
                    "notes": SECRET,
                    "interaction": interaction.pk,
                },
                {
                    "title": "Takim publik",
                    "channel": "public_meeting",
                    "status": "planned",
                    "responsible": "",
                    "planned_on": days(5).isoformat(),
                    "done_on": "",
                    "notes": "",
                    "interaction": "",
                },
            ]
        ),
        materials=inline_formset([{"page": leaflet.pk, "document": "", "note": "Në zyra"}]),
    )
    data["channels"] = ["radio", "public_meeting"]
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    campaign.refresh_from_db()
    assert campaign.channels == ["radio", "public_meeting"]
    assert [
        (a.title, a.status, a.done_on, a.responsible) for a in campaign.activities.order_by("planned_on")
    ] == [
        ("Intervistë në radion lokale", "done", days(-1), head_of_office),
        ("Takim publik", "planned", None, None),
    ]
    assert campaign.activities.get(channel="radio").interaction == interaction
    assert {(g.organisation, g.contact, g.community) for g in campaign.target_groups.all()} == {
        (organisation, None, ""),
        (None, contact, "serbian"),
    }
    assert [m.page.specific for m in campaign.materials.all()] == [leaflet]

    # The tab shows what was saved, and links to the timeline.
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk])).content.decode()
    assert "Intervistë në radion lokale" in html
    assert f"{reverse('campaign_timeline:index')}?campaign={campaign.pk}" in html


@pytest.mark.parametrize(
    ("activity", "field"),
    [
        ({"status": "done", "done_on": ""}, "done_on"),
        ({"status": "planned", "done_on": days(-1).isoformat()}, "status"),
    ],
)
def test_a_done_activity_needs_its_date_and_a_dated_one_is_done(admin_client, campaign, activity, field):
    row = {
        "title": "Postim",
        "channel": "social_media",
        "responsible": "",
        "planned_on": days(-2).isoformat(),
        "notes": "",
        "interaction": "",
        **activity,
    }
    data = edit_data(campaign, activities=inline_formset([row]))
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].formsets["activities"].forms[0].errors
    assert not CampaignActivity.objects.exists()


def test_an_empty_target_group_or_material_is_refused(admin_client, campaign):
    data = edit_data(
        campaign,
        target_groups=inline_formset(
            [{"organisation": "", "contact": "", "kind": "", "community": "", "note": "x"}]
        ),
        materials=inline_formset([{"page": "", "document": "", "note": "x"}]),
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[campaign.pk]), data)
    assert response.status_code == 200
    formsets = response.context["form"].formsets
    assert formsets["target_groups"].forms[0].non_field_errors()
    assert formsets["materials"].forms[0].non_field_errors()
    assert not CampaignTargetGroup.objects.exists() and not CampaignMaterial.objects.exists()


def test_a_draft_plan_is_on_the_timeline_before_it_is_published(campaign):
    page = campaign.get_latest_revision_as_object()
    page.activities.add(CampaignActivity(title="Skicë e planit", channel="website", planned_on=days(1)))
    page.save_revision()
    assert not CampaignActivity.objects.exists()
    found = timeline(days(-1), days(2))
    assert [entry.activity.title for _, month in found["months"] for entry in month] == ["Skicë e planit"]


def test_translations_do_not_copy_the_coordination(planned, locales):
    translation = planned.copy_for_translation(Locale.objects.get(language_code="sr"), copy_parents=True)
    assert translation.channels == []
    assert not translation.activities.exists() and not translation.target_groups.exists()
    assert planned.activities.count() == 5


# --- The timeline ----------------------------------------------------------------------


def test_states_and_the_overdue_flag(planned):
    states = {a.title: state_of(a, TODAY) for a in planned.activities.all()}
    assert states == {
        "Fletëpalosja": "done",
        "Postimet e vonuara": "overdue",
        "Spoti": "cancelled",
        "Takimi publik": "upcoming",
        "SMS-të": "upcoming",
    }
    # Planned for today is not overdue yet.
    assert not CampaignActivity(status="planned", planned_on=TODAY).is_overdue(TODAY)


def test_the_timeline_page_shows_the_period_by_month_and_every_overdue_activity(
    client, planned, head_of_office
):
    client.force_login(head_of_office)
    url = reverse("campaign_timeline:index")
    response = client.get(url, {"start": days(-10).isoformat(), "end": days(10).isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Takimi publik" in html and "Spoti" in html
    assert "Fletëpalosja" not in html  # done before the period
    assert "SMS-të" not in html  # after it
    [overdue] = response.context["overdue"]
    assert overdue.activity.title == "Postimet e vonuara"
    assert 'id="timeline-overdue"' in html
    assert html.count("timeline-entry--overdue") == 2  # on top, and in its month
    assert response.context["count"] == 3

    # The default period: a month back, two months ahead.
    default = client.get(url)
    assert default.context["count"] == 5


def test_the_timeline_filters_by_campaign_and_channel(client, planned, head_of_office, campaign):
    other = plan(
        CampaignPageFactory(parent=campaign.get_parent(), title="Qyteti i pastër", slug="qyteti-i-paster"),
        ("Posterë në shkolla", Channel.POSTERS, 1, None, "planned"),
    )
    client.force_login(head_of_office)
    url = reverse("campaign_timeline:index")

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {entry.activity.title for _, month in response.context["months"] for entry in month}

    assert "Posterë në shkolla" in titles() and "Takimi publik" in titles()
    assert titles(campaign=other.pk) == {"Posterë në shkolla"}
    assert titles(channel="posters") == {"Posterë në shkolla", "Fletëpalosja"}
    assert titles(campaign=planned.pk, channel="posters") == {"Fletëpalosja"}
    bad = client.get(url, {"channel": "pigeons"})
    assert bad.status_code == 200 and "channel" in bad.context["form"].errors


def test_the_timeline_speaks_the_admin_users_language(client, planned, head_of_office, locales):
    translation = planned.copy_for_translation(Locale.objects.get(language_code="sr"), copy_parents=True)
    translation.title = "Транспарентна општина"
    translation.save_revision().publish()
    head_of_office.wagtail_userprofile.preferred_language = "sr"
    head_of_office.wagtail_userprofile.save()
    client.force_login(head_of_office)
    html = client.get(reverse("campaign_timeline:index")).content.decode()
    assert '<html lang="sr"' in html
    # The campaign by its Serbian title; the labels from the catalogs.
    assert "Транспарентна општина" in html and "Komuna transparente" not in html
    assert "Кампања" in html and "Датум" in html and "Отказано" in html


def test_without_the_permission_the_timeline_is_refused(client, editor, planned):
    client.force_login(editor)
    url = reverse("campaign_timeline:index")
    refused = client.get(url)
    # Wagtail answers an admin view's PermissionDenied with a redirect to the dashboard and a message.
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_campaign_timeline"))
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_head_of_office_group_holds_the_permission(head_of_office):
    assert (
        Group.objects.get(name="Head of office")
        .permissions.filter(codename="view_campaign_timeline")
        .exists()
    )
    assert head_of_office.has_perm("outreach.view_campaign_timeline")


def test_anonymous_visitors_are_sent_to_the_login(client, planned):
    response = client.get(reverse("campaign_timeline:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_dashboard_lists_the_coming_week(client, planned, head_of_office):
    upcoming, overdue = this_week()
    assert [entry.activity.title for entry in upcoming] == ["Takimi publik"]
    assert overdue == 1
    client.force_login(head_of_office)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="campaign-week' in html and "Takimi publik" in html


# --- Nothing of it in public -----------------------------------------------------------

CAMPAIGN_FIELDS = """
query Campaigns($locale: Locale) {
  campaigns(locale: $locale, first: 10) {
    edges { node { __typename id title url summary startsOn endsOn isRunning goals relatedPages { title } } }
  }
}
"""
#: The campaign's fields in the API: only what the site shows. A new one must be public content.
PUBLIC_CAMPAIGN_FIELDS = {
    "summary",
    "listingImage",
    "body",
    "startsOn",
    "endsOn",
    "isRunning",
    "goals",
    "relatedPages",
}


def test_the_api_has_no_field_for_the_coordination():
    from frontend_api.schema import schema

    campaign_type = schema.graphql_schema.type_map["CampaignPage"]
    page_type = schema.graphql_schema.type_map["Page"]
    own = set(campaign_type.fields) - set(page_type.fields)
    assert own == PUBLIC_CAMPAIGN_FIELDS
    for name in ("channels", "targetGroups", "activities", "materials", "notes", "responsible"):
        assert name not in campaign_type.fields


def test_neither_the_api_nor_the_page_shows_the_coordination(client, planned, head_of_office):
    response = client.post(
        "/graphql/",
        json.dumps({"query": CAMPAIGN_FIELDS, "variables": {"locale": "SQ"}}),
        content_type="application/json",
    )
    body = response.json()
    assert "errors" not in body, body
    assert [edge["node"]["title"] for edge in body["data"]["campaigns"]["edges"]] == ["Komuna transparente"]
    html = client.get(planned.url).content.decode()
    assert "Komuna transparente" in html
    for text in (json.dumps(body, ensure_ascii=False), html):
        for secret in (SECRET, "Postimet e vonuara", "Takimi publik", head_of_office.username, "Radio"):
            assert secret not in text
