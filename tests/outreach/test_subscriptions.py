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

from citizens import proof
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
    path = link.removeprefix("http://localhost")
    # Opening the link (or a mail scanner following it) shows the choices and a button only.
    page = client.get(path)
    assert page.status_code == 200
    assert "qytetari@example.org" in page.content.decode() and 'method="post"' in page.content.decode()
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200
    subscription = Subscription.objects.get(email="qytetari@example.org")
    assert (subscription.language, subscription.categories) == ("sr", ["news"])
    # A forged or altered link confirms nothing.
    assert client.get("/subscriptions/confirm/forged/").status_code == 404
    assert client.post("/subscriptions/confirm/forged/").status_code == 404


def test_confirming_needs_the_pages_button_with_its_csrf_token(budget_topic, assembly):
    choices = {
        "email": "skaner@example.org",
        "language": "en",
        "categories": ["news", "decisions"],
        "topics": ["buxheti"],
        "bodies": ["kuvendi"],
        "frequency": "daily",
    }
    path = f"/en/subscriptions/confirm/{subscriptions.confirmation_token(choices)}/"
    client = Client(enforce_csrf_checks=True)
    for _scan in range(3):
        page = client.get(path)
    content = page.content.decode()
    for shown in ("skaner@example.org", "English", "News", "Decisions", "Buxheti", "Kuvendi", "Once a day"):
        assert shown in content
    assert not Subscription.objects.exists()
    # A POST without the page's token (a forged form elsewhere) is refused.
    assert client.post(path).status_code == 403
    assert not Subscription.objects.exists()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)
    assert client.post(path, {"csrfmiddlewaretoken": csrf}).status_code == 200
    subscription = Subscription.objects.get(email="skaner@example.org")
    assert (subscription.frequency, list(subscription.bodies.all())) == ("daily", [assembly])


def test_the_unsubscribe_page_asks_before_unsubscribing():
    subscription = subscribed("page@example.org")
    path = f"/en/subscriptions/unsubscribe/{subscriptions.manage_token(subscription)}/"
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page.status_code == 200
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.post(path).status_code == 403  # the page's button carries the CSRF token
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(path, {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 200 and "unsubscribed" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


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


SUBSCRIBE = """
mutation($input: SubscribeInput!, $locale: Locale) {
  subscribe(input: $input, locale: $locale) { ok errors { field messages } }
}
"""
CHALLENGE = "{ citizenMessageChallenge { algorithm challenge maxNumber salt signature } }"


def graphql(client, query, variables=None):
    body = {"query": query, "variables": variables or {}}
    return client.post("/graphql/", json.dumps(body), content_type="application/json").json()["data"]


@pytest.fixture
def proof_on(settings):
    settings.CITIZENS_PROOF_OF_WORK = True
    settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER = 2_000  # a quick search: the scheme, not the cost


def test_the_mutation_needs_a_solved_challenge_once(client, proof_on):
    asked = {"email": "pow@example.org", "categories": ["news"]}
    refused = graphql(client, SUBSCRIBE, {"input": asked, "locale": "EN"})["subscribe"]
    assert refused["ok"] is False
    assert "anti-abuse check was not completed" in refused["errors"][0]["messages"][0]
    assert mail.outbox == []

    challenge = graphql(client, CHALLENGE)["citizenMessageChallenge"]
    solution = proof.solve(challenge)
    accepted = graphql(client, SUBSCRIBE, {"input": {**asked, "proofOfWork": solution}})["subscribe"]
    assert accepted == {"ok": True, "errors": []}
    replayed = graphql(client, SUBSCRIBE, {"input": {**asked, "proofOfWork": solution}, "locale": "EN"})
    assert "already used" in replayed["subscribe"]["errors"][0]["messages"][0]
    assert len(mail.outbox) == 1


def test_the_form_carries_a_challenge_and_refuses_without_its_solution(client, proof_on):
    html = client.get("/en/subscriptions/").content.decode()
    assert 'name="proof_of_work"' in html and 'data-proof-of-work="proof-of-work-challenge"' in html
    assert '/static/citizens/proof-of-work.js" nonce="' in html
    marker = 'id="proof-of-work-challenge" type="application/json">'
    challenge = json.loads(html[html.index(marker) + len(marker) :].split("</script>", 1)[0])

    unsolved = ask(client, "form@example.org", path="/en/subscriptions/").content.decode()
    assert "anti-abuse check was not completed" in unsolved and mail.outbox == []
    solved = ask(client, "form@example.org", path="/en/subscriptions/", proof_of_work=proof.solve(challenge))
    assert "We have e-mailed you a link" in solved.content.decode()
    assert len(mail.outbox) == 1


def test_without_the_proof_of_work_setting_the_form_has_no_challenge(client):
    assert 'name="proof_of_work"' not in client.get("/en/subscriptions/").content.decode()
