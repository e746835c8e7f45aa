"""Bounces and complaints: the provider's webhook marks the address, and nothing more goes to it.

The webhook is Postmark's, as django-anymail receives it: its JSON payload, posted with the
basic-auth ``ANYMAIL_WEBHOOK_SECRET`` (the test settings set one).
"""

import base64
import datetime as dt
import json

import pytest
from django.core import mail
from django.utils import timezone

from events import notices
from events.factories import EventIndexPageFactory, EventPageFactory, MediaContactFactory
from home.factories import NewsIndexPageFactory, NewsPageFactory
from outreach import subscriptions
from outreach.models import Contact, Subscription, SubscriptionItem

pytestmark = pytest.mark.django_db

WEBHOOK = "/anymail/postmark/tracking/"
SECRET = "provider:test-webhook-secret"


def postmark_bounce(email, **fields):
    """A hard bounce as Postmark posts it (its bounce webhook's documented example)."""
    return {
        "RecordType": "Bounce",
        "MessageStream": "outbound",
        "ID": 4323372036854775807,
        "Type": "HardBounce",
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": "zkki@komuna.example",
        "BouncedAt": "2026-12-03T16:33:54.9070259Z",
        "DumpAvailable": False,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Lajm i ri",
        **fields,
    }


def postmark_complaint(email):
    return postmark_bounce(
        email,
        RecordType="SpamComplaint",
        Type="SpamComplaint",
        TypeCode=512,
        Name="Spam complaint",
        Description="",
        Details="Test spam complaint details",
    )


def post_webhook(client, payload, secret=SECRET):
    headers = {}
    if secret:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(secret.encode()).decode()
    return client.post(WEBHOOK, json.dumps(payload), content_type="application/json", **headers)


def subscribed(email, frequency="daily"):
    return Subscription.objects.create(
        email=email, language="sq", frequency=frequency, categories=["news"], confirmed_at=timezone.now()
    )


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    return page


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def test_a_bounce_marks_the_subscription_and_the_contact_and_the_digest_skips_it(
    client, news_index, django_capture_on_commit_callbacks
):
    bounced = subscribed("ikur@example.org")
    other = subscribed("mbetet@example.org")
    contact = MediaContactFactory(person="Arta", email="Ikur@Example.org")
    publish(
        NewsPageFactory(parent=news_index, live=False, title="E para"), django_capture_on_commit_callbacks
    )
    assert SubscriptionItem.objects.filter(subscription=bounced).count() == 1

    response = post_webhook(client, postmark_bounce("ikur@example.org"))
    assert response.status_code == 200

    bounced.refresh_from_db()
    contact.refresh_from_db()
    for marked in (bounced, contact):
        assert marked.undeliverable == "bounced"
        assert marked.undeliverable_at == dt.datetime(2026, 12, 3, 16, 33, 54, 907025, tzinfo=dt.UTC)
        assert "550 5.1.1" in marked.undeliverable_detail and "Postmark" in marked.undeliverable_detail
    assert Subscription.objects.get(pk=other.pk).undeliverable == ""

    publish(
        NewsPageFactory(parent=news_index, live=False, title="E dyta"), django_capture_on_commit_callbacks
    )
    assert subscriptions.send_subscriptions() == {other.pk: 2}
    assert [message.to for message in mail.outbox] == [["mbetet@example.org"]]
    assert not SubscriptionItem.objects.filter(subscription=bounced).exists()


def test_a_complaint_marks_the_address_and_the_next_notice_skips_it(client, home_page):
    complaining = MediaContactFactory(person="Jane", email="jane@bi.example", language="en")
    MediaContactFactory(person="Arta", email="arta@rtk.example")
    subscription = subscribed("jane@bi.example", frequency="immediate")

    assert post_webhook(client, postmark_complaint("jane@bi.example")).status_code == 200
    complaining.refresh_from_db()
    subscription.refresh_from_db()
    assert (complaining.undeliverable, subscription.undeliverable) == ("complained", "complained")

    page = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), start=timezone.now() + dt.timedelta(days=20)
    )
    notice = notices.schedule_notices(page)[0]
    mail.outbox.clear()
    assert notices.deliver_notice(notice.pk, now=notice.due_at) == "sent"
    assert [message.to for message in mail.outbox] == [["arta@rtk.example"]]


def test_other_events_and_unauthenticated_posts_mark_nothing(client):
    subscription = subscribed("ok@example.org")
    delivered = {
        "RecordType": "Delivery",
        "ServerID": 23,
        "MessageStream": "outbound",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Recipient": "ok@example.org",
        "Tag": "",
        "DeliveredAt": "2026-12-03T16:33:54.9070259Z",
        "Details": "Test delivery webhook details",
        "Metadata": {},
    }
    assert post_webhook(client, delivered).status_code == 200
    assert post_webhook(client, postmark_bounce("ok@example.org"), secret=None).status_code == 400
    assert post_webhook(client, postmark_bounce("ok@example.org"), secret="provider:wrong").status_code == 400
    subscription.refresh_from_db()
    assert subscription.undeliverable == ""
    assert not Contact.objects.filter(undeliverable__gt="").exists()


def test_a_confirmed_subscription_clears_the_mark(client, news_index, django_capture_on_commit_callbacks):
    subscription = subscribed("kthehet@example.org", frequency="immediate")
    post_webhook(client, postmark_bounce("kthehet@example.org"))
    subscription.refresh_from_db()
    assert subscription.undeliverable == "bounced"
    publish(NewsPageFactory(parent=news_index, live=False), django_capture_on_commit_callbacks)
    assert mail.outbox == []

    choices = {
        "email": "kthehet@example.org",
        "language": "sq",
        "categories": ["news"],
        "topics": [],
        "bodies": [],
        "frequency": "immediate",
    }
    assert (
        client.post(f"/subscriptions/confirm/{subscriptions.confirmation_token(choices)}/").status_code == 200
    )
    subscription.refresh_from_db()
    assert (subscription.undeliverable, subscription.undeliverable_at, subscription.undeliverable_detail) == (
        "",
        None,
        "",
    )
    publish(NewsPageFactory(parent=news_index, live=False, title="Pas"), django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["kthehet@example.org"]]
