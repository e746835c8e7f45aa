"""The editors' admin: reference data with every language's columns, per-type page listings, snippets."""

import datetime

import pytest
from django.urls import reverse

from home.factories import BodyFactory, DecisionPageFactory, TopicFactory
from home.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    return [
        BodyFactory(
            slug="kuvendi",
            kind="assembly",
            name_sq="Kuvendi i Komunës",
            name_sr="Скупштина општине",
            name_en="Municipal Assembly",
        ),
        BodyFactory(
            slug="kpf",
            kind="committee",
            name_sq="Komiteti për Politikë dhe Financa",
            name_sr="Комитет за политику и финансије",
            name_en="Committee for Policy and Finance",
        ),
    ]


def test_body_listing_shows_every_language(admin_client, bodies):
    response = admin_client.get(reverse("bodies:index"))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Kuvendi i Komunës",
        "Скупштина општине",
        "Municipal Assembly",
        "Committee for Policy and Finance",
    ):
        assert text in html


def listing(response):
    """The results table only (the filters list every body too)."""
    html = response.content.decode()
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def test_body_listing_searches_any_language_and_filters_by_kind(admin_client, bodies):
    html = listing(admin_client.get(reverse("bodies:index"), {"q": "Скупштина"}))
    assert "Municipal Assembly" in html
    assert "Committee for Policy and Finance" not in html

    html = listing(admin_client.get(reverse("bodies:index"), {"kind": "committee"}))
    assert "Committee for Policy and Finance" in html
    assert "Municipal Assembly" not in html


@pytest.mark.parametrize("name", ["bodies", "departments", "topics", "places", "document_types"])
def test_every_reference_listing_and_form_opens(admin_client, name):
    TopicFactory(slug="buxheti", name="Buxheti")
    assert admin_client.get(reverse(f"{name}:index")).status_code == 200
    assert admin_client.get(reverse(f"{name}:add")).status_code == 200


def test_a_topic_is_created_with_every_language(admin_client):
    response = admin_client.post(
        reverse("topics:add"),
        {"name_sq": "Buxheti", "name_sr": "Буџет", "name_en": "Budget", "slug": "buxheti"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(slug="buxheti")
    assert (topic.name_sq, topic.name_sr, topic.name_en) == ("Buxheti", "Буџет", "Budget")


@pytest.mark.parametrize(
    "name",
    ["news_pages", "announcements", "decisions", "regulations", "vacancies", "publications", "campaigns"],
)
def test_page_listing_per_type_opens(admin_client, home_page, name):
    assert admin_client.get(reverse(f"content_{name}:index")).status_code == 200


def test_decision_listing_filters_by_status_and_body(admin_client, indexes, bodies):
    assembly, committee = bodies
    DecisionPageFactory(
        parent=indexes["decisions"],
        title="Vendimi A",
        issuing_body=assembly,
        date_adopted=datetime.date(2026, 1, 5),
    )
    DecisionPageFactory(
        parent=indexes["decisions"],
        title="Vendimi B",
        issuing_body=committee,
        date_adopted=datetime.date(2026, 2, 5),
    )
    html = admin_client.get(
        reverse("content_decisions:index"), {"issuing_body": committee.pk}
    ).content.decode()
    assert "Vendimi B" in html
    assert "Vendimi A" not in html
    html = admin_client.get(reverse("content_decisions:index"), {"status": "repealed"}).content.decode()
    assert "Vendimi A" not in html and "Vendimi B" not in html


@pytest.mark.parametrize("model", ["mainmenu", "footer", "officecontact", "sociallinks"])
def test_site_content_snippets_are_registered(admin_client, locales, model):
    assert admin_client.get(reverse(f"wagtailsnippets_home_{model}:list")).status_code == 200
    assert admin_client.get(reverse(f"wagtailsnippets_home_{model}:add")).status_code == 200
