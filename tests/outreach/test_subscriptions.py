"""Citizens' subscriptions: double opt-in, what is sent and when, one-click unsubscribe, public content only."""

import json
import re
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from home.factories import (
    DecisionIndexPageFactory,
    DecisionPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from outreach import subscriptions
from outreach.models import Subscription, SubscriptionItem
from translations.gate import allowing

pytestmark = pytest.mark.django_db
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LINK = re.compile(r"http://\S+")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def subscribed(email, language="sq", frequency="immediate", categories=("news",), **relations):
    subscription = Subscription.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        categories=list(categories),
        confirmed_at=timezone.now(),
    )
    for name, objects in relations.items():
        getattr(subscription, name).set(objects)
    return subscription


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    return page


def ask(client, email, path="/subscriptions/", **fields):
    data = {"email": email, "language": "sq", "categories": ["news"], "frequency": "immediate", **fields}
    return client.post(path, data)


def test_double_opt_in_stores_nothing_until_the_link_is_opened(
    client, news_index, django_capture_on_commit_callbacks
):
    response = ask(client, "qytetari@example.org", path="/sr/subscriptions/", language="sr")
    assert response.status_code == 200
    assert [message.to for message in mail.outbox] == [["qytetari@example.org"]]
    confirmation = mail.outbox[0]
    assert confirmation.extra_headers["Content-Language"] == "sr"
    assert CYRILLIC.search(confirmation.body)
    assert not Subscription.objects.exists()

    # Nothing else reaches an address that has not confirmed.
    publish(NewsPageFactory(parent=news_index, live=False), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    link = LINK.search(confirmation.body).group(0)
    assert "/sr/subscriptions/confirm/" in link
    assert client.get(link.removeprefix("http://localhost")).status_code == 200
    subscription = Subscription.objects.get(email="qytetari@example.org")
    assert (subscription.language, subscription.categories) == ("sr", ["news"])
    # A forged or altered link confirms nothing.
    assert client.get("/subscriptions/confirm/forged/").status_code == 404


def test_the_honeypot_and_the_rate_limit_refuse(client):
    ask(client, "robot@example.org", website="http://spam.example")
    assert mail.outbox == []
    with override_settings(CITIZENS_RATE_PER_EMAIL="1/h"):
        ask(client, "once@example.org")
        response = ask(client, "once@example.org")
    assert len(mail.outbox) == 1
    with translation.override("sq"):  # the form's language at /subscriptions/
        refusal = gettext(
            "Too many subscriptions were asked for with this e-mail address. Please try again later."
        )
    assert refusal in response.content.decode()


def test_an_immediate_email_per_page_in_the_language_and_script_with_unsubscribe_headers(
    news_index, django_capture_on_commit_callbacks
):
    subscribed("latin@example.org", language="sr-latn")
    subscribed("shqip@example.org")
    subscribed("decisions@example.org", categories=["decisions"])
    page = publish(
        NewsPageFactory(parent=news_index, live=False, title="Lajm i ri"), django_capture_on_commit_callbacks
    )
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["latin@example.org", "shqip@example.org"]
    albanian = by_address["shqip@example.org"]
    assert albanian.subject == "Lajm i ri"
    assert albanian.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert albanian.extra_headers["List-Unsubscribe"].startswith(
        "<http://localhost/subscriptions/unsubscribe/"
    )
    assert "/subscriptions/preferences/" in albanian.body
    latin = by_address["latin@example.org"]
    assert not CYRILLIC.search(latin.subject + latin.body)
    assert "/sr-latn/subscriptions/unsubscribe/" in latin.extra_headers["List-Unsubscribe"]

    # Published again: nothing more.
    mail.outbox.clear()
    publish(page, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_daily_digest_gathers_the_days_public_pages(
    home_page, news_index, assembly, django_capture_on_commit_callbacks
):
    decisions = DecisionIndexPageFactory(parent=home_page)
    subscriber = subscribed("daily@example.org", frequency="daily", categories=["news"])
    first = publish(
        NewsPageFactory(parent=news_index, live=False, title="E para"), django_capture_on_commit_callbacks
    )
    second = publish(
        NewsPageFactory(parent=news_index, live=False, title="E dyta"), django_capture_on_commit_callbacks
    )
    hidden = publish(
        NewsPageFactory(parent=news_index, live=False, title="E fshehta"), django_capture_on_commit_callbacks
    )
    decision = DecisionPageFactory(parent=decisions, live=False, title="Vendimi", issuing_body=assembly)
    with django_capture_on_commit_callbacks(execute=True), allowing(decision.translation_key):
        decision.save_revision().publish()
    assert mail.outbox == []  # daily: nothing until the digest
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    assert subscriptions.send_subscriptions() == {subscriber.pk: 2}
    [digest] = mail.outbox
    assert "2" in digest.subject
    assert "E para" in digest.body and "E dyta" in digest.body
    assert "E fshehta" not in digest.body and hidden.url_path not in digest.body
    assert "Vendimi" not in digest.body
    assert first.url in digest.body or first.full_url in digest.body
    assert second.full_url in digest.body

    # Sent once: the next run has nothing for them.
    mail.outbox.clear()
    assert subscriptions.send_subscriptions() == {}
    assert SubscriptionItem.objects.filter(subscription=subscriber, sent_at__isnull=True).count() == 0


def test_one_click_unsubscribe_without_login_or_csrf(news_index):
    subscription = subscribed("leaving@example.org")
    token = subscriptions.manage_token(subscription)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/subscriptions/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="leaving@example.org").exists()


def test_the_preferences_page_changes_the_choices(client, budget_topic):
    subscription = subscribed("choices@example.org")
    path = f"/subscriptions/preferences/{subscriptions.manage_token(subscription)}/"
    assert client.get(path).status_code == 200
    client.post(
        path, {"language": "en", "categories": ["events"], "topics": ["buxheti"], "frequency": "daily"}
    )
    subscription.refresh_from_db()
    assert (subscription.language, subscription.categories, subscription.frequency) == (
        "en",
        ["events"],
        "daily",
    )
    assert list(subscription.topics.all()) == [budget_topic]
    assert subscription.email == "choices@example.org"
    assert client.get("/subscriptions/preferences/forged/").status_code == 404


def test_the_subscribe_mutation_sends_only_the_confirmation(client):
    query = (
        """mutation($input: SubscribeInput!) { subscribe(input: $input) { ok errors { field messages } } }"""
    )
    variables = {"input": {"email": "api@example.org", "language": "en", "categories": ["vacancies"]}}
    response = client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json"
    )
    assert response.json()["data"]["subscribe"] == {"ok": True, "errors": []}
    assert [message.to for message in mail.outbox] == [["api@example.org"]]
    assert not Subscription.objects.exists()

    variables["input"]["categories"] = []
    response = client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json"
    )
    assert response.json()["data"]["subscribe"]["ok"] is False


@pytest.mark.parametrize("prefix", ["", "/sr", "/sr-latn", "/en"])
def test_the_form_in_every_language(client, home_pages, prefix):
    response = client.get(f"{prefix}/subscriptions/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="website"' in content and 'name="categories"' in content
    if prefix == "/sr-latn":
        # All Latin but the language switcher's name of the Cyrillic version.
        form = content[content.index("<main") :]
        assert not CYRILLIC.search(re.sub(r"<[^>]*>", "", form))


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Concurrent workers need PostgreSQL (set DATABASE_URL).",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_database
def test_two_workers_send_a_digest_once(locales, site, news_index):
    subscription = subscribed("twice@example.org", frequency="daily")
    for number in range(3):
        NewsPageFactory(parent=news_index, live=False, title=f"Lajmi {number}").save_revision().publish()
    assert SubscriptionItem.objects.filter(subscription=subscription).count() == 3
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(subscriptions.send_items(subscription.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(results) == 3
    assert sum(message.body.count("Lajmi ") for message in mail.outbox) == 3
