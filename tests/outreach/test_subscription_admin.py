"""Subscriptions in the admin: listed, filtered, searched and inspected by the head of office; deleted on
request; never created or changed on someone's behalf."""

import pytest
from django.utils import timezone

from outreach.models import Subscription

pytestmark = pytest.mark.django_db

LISTING = "/admin/subscriptions/"


def subscribed(email, **fields):
    fields = {"language": "sq", "frequency": "immediate", "categories": ["news"], **fields}
    return Subscription.objects.create(email=email, confirmed_at=timezone.now(), **fields)


@pytest.fixture
def subscribers(budget_topic, assembly):
    daily = subscribed("ditore@example.org", language="sr-latn", frequency="daily", categories=["decisions"])
    daily.topics.set([budget_topic])
    daily.bodies.set([assembly])
    return {
        "daily": daily,
        "immediate": subscribed("menjehere@example.org", language="en"),
        "bounced": subscribed(
            "ikur@example.org",
            undeliverable="bounced",
            undeliverable_at=timezone.now(),
            undeliverable_detail="Postmark – 550 5.1.1",
        ),
        "complained": subscribed(
            "ankese@example.org", undeliverable="complained", undeliverable_at=timezone.now()
        ),
    }


def listed(client, query=""):
    response = client.get(f"{LISTING}{query}")
    assert response.status_code == 200
    content = response.content.decode()
    return {email for email in (s.email for s in Subscription.objects.all()) if email in content}


def test_the_listing_shows_each_subscriptions_choices_and_status(client, head_of_office, subscribers):
    client.force_login(head_of_office)
    content = client.get(LISTING).content.decode()
    for shown in (
        "ditore@example.org",
        "Serbian (Latin script)",
        "Decisions",
        "Buxheti",
        "Kuvendi i Komunës",
        "Once a day",
        "At once",
        "Bounced",
        "Complained (marked as spam)",
        "Confirmed",
    ):
        assert shown in content, shown
    # Nobody adds a subscription for someone else.
    assert f'href="{LISTING}new/"' not in content


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?status=confirmed", {"ditore@example.org", "menjehere@example.org"}),
        ("?status=bounced", {"ikur@example.org"}),
        ("?status=complained", {"ankese@example.org"}),
        ("?frequency=daily", {"ditore@example.org"}),
        ("?language=en", {"menjehere@example.org"}),
        ("?q=IKUR@", {"ikur@example.org"}),
    ],
)
def test_filters_and_search(client, head_of_office, subscribers, query, expected):
    client.force_login(head_of_office)
    assert listed(client, query) == expected


def test_inspect_and_delete_but_never_add_or_change(client, head_of_office, subscribers):
    client.force_login(head_of_office)
    bounced = subscribers["bounced"]
    inspect = client.get(f"{LISTING}inspect/{bounced.pk}/")
    assert inspect.status_code == 200
    shown = inspect.content.decode()
    assert "Postmark – 550 5.1.1" in shown and "Bounced" in shown and "News" in shown
    assert "Status" in shown and "[&#x27;news&#x27;]" not in shown

    assert client.get(f"{LISTING}new/").status_code in (302, 403)
    assert client.post(f"{LISTING}new/", {"frequency": "daily"}).status_code in (302, 403)
    assert client.post(f"{LISTING}edit/{bounced.pk}/", {"frequency": "daily"}).status_code in (302, 403)
    assert Subscription.objects.count() == 4
    assert Subscription.objects.get(pk=bounced.pk).frequency == "immediate"

    assert client.post(f"{LISTING}delete/{bounced.pk}/").status_code == 302
    assert not Subscription.objects.filter(pk=bounced.pk).exists()


def test_not_even_a_superuser_adds_one(client, admin_user):
    client.force_login(admin_user)
    assert client.get(f"{LISTING}new/").status_code in (302, 403)
    assert client.get(LISTING).status_code == 200


def test_other_staff_see_nothing(client, editor, subscribers):
    client.force_login(editor)
    assert client.get(LISTING).status_code in (302, 403)
    assert client.get(f"{LISTING}inspect/{subscribers['daily'].pk}/").status_code in (302, 403)
