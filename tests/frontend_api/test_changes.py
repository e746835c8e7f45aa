"""The change feed for static-site rebuilds, with tombstones."""

import datetime

import pytest
from django.utils import timezone

from .conftest import make_document

CHANGES = """
query Changes($since: DateTime!, $locale: Locale, $first: Int) {
  changes(since: $since, locale: $locale, first: $first) {
    totalCount
    edges { node { kind action id locale url title occurredAt page { title } document { title } } }
  }
}
"""

pytestmark = pytest.mark.django_db


def feed(gql, since, locale=None):
    variables = {"since": since.isoformat(), "first": 100}
    if locale:
        variables["locale"] = locale
    nodes = [edge["node"] for edge in gql(CHANGES, variables)["changes"]["edges"]]
    return {(node["kind"], node["url"]): node for node in nodes}


def test_published_pages_per_locale(gql, tree):
    since = timezone.now() - datetime.timedelta(minutes=1)
    sq = feed(gql, since, "SQ")
    assert sq["PAGE", "/lajme/lajm-1/"]["action"] == "PUBLISHED"
    assert sq["PAGE", "/lajme/lajm-1/"]["page"] == {"title": "Lajm 1"}
    assert sq["PAGE", "/lajme/lajm-1/"]["locale"] == "SQ"
    # Pages made private after being public are removed, without their title.
    assert sq["PAGE", "/private/"]["action"] == "UNPUBLISHED"
    assert sq["PAGE", "/private/"]["page"] is None
    assert sq["PAGE", "/private/"]["title"] is None
    assert ("PAGE", "/draft/") not in sq
    assert {node["locale"] for node in feed(gql, since, "SR").values()} == {"SR"}
    assert feed(gql, timezone.now() + datetime.timedelta(minutes=1), "SQ") == {}


def test_changed_unpublished_and_deleted_pages(gql, tree):
    since = timezone.now()
    news = tree["news"]
    news.title = "Lajmet"
    news.save_revision().publish()
    tree["news_en"].unpublish()
    tree["item_sr"].delete()

    sq = feed(gql, since, "SQ")
    assert sq["PAGE", "/lajme/"]["action"] == "CHANGED"
    assert sq["PAGE", "/lajme/"]["title"] == "Lajmet"
    en = feed(gql, since, "EN")
    assert en["PAGE", "/en/news/"]["action"] == "UNPUBLISHED"
    assert en["PAGE", "/en/news/"]["page"] is None
    sr = feed(gql, since, "SR")
    assert sr["PAGE", "/sr/vesti/vest-1/"]["action"] == "DELETED"
    assert sr["PAGE", "/sr/vesti/vest-1/"]["title"] is None
    assert ("PAGE", "/sr/vesti/") not in sr


def test_documents_in_the_feed(gql, private_collection):
    since = timezone.now()
    kept = make_document("Vendimi")
    hidden = make_document("Secret", collection=private_collection)
    gone = make_document("Gone")
    gone_url, gone_id = f"http://testserver{gone.url}", gone.pk
    gone.delete()

    changes = {node["id"]: node for node in feed(gql, since).values()}
    assert changes[str(kept.pk)]["action"] == "PUBLISHED"
    assert changes[str(kept.pk)]["title"] == "Vendimi"
    assert changes[str(kept.pk)]["document"] == {"title": "Vendimi"}
    assert changes[str(kept.pk)]["locale"] is None
    # A document that was never public is never announced.
    assert str(hidden.pk) not in changes
    assert changes[str(gone_id)]["action"] == "DELETED"
    assert changes[str(gone_id)]["title"] is None
    assert changes[str(gone_id)]["url"] in (gone_url, gone_url.removeprefix("http://testserver"))
