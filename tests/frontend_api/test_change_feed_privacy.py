"""The change feed announces only what was public: never a title or URL of private content."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from frontend_api.models import ContentChange

from .conftest import add_page, make_document

CHANGES = """
query Changes($since: DateTime!, $locale: Locale) {
  changes(since: $since, locale: $locale, first: 100) {
    edges { node { kind action id url title page { title } document { title } } }
  }
}
"""

pytestmark = pytest.mark.django_db

RESTRICTIONS = ["login", "password", "groups"]
TARGETS = ["page", "ancestor"]


def feed(gql, since):
    variables = {"since": since.isoformat(), "locale": "SQ"}
    return {
        (node["kind"], node["id"]): node
        for node in (e["node"] for e in gql(CHANGES, variables)["changes"]["edges"])
    }


def restrict(page, restriction_type):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password="secret" if restriction_type == "password" else "",
    )
    if restriction_type == "groups":
        restriction.groups.add(Group.objects.create(name=f"Staff {page.pk}"))
    return restriction


def lift(restriction, capture_on_commit, gql, since, key):
    """Remove a restriction (its effects run on commit) and return the feed's node for ``key``."""
    with capture_on_commit(execute=True):
        restriction.delete()
    return feed(gql, since)[key]


@pytest.fixture
def section(home_pages):
    return add_page(home_pages["sq"], "Seksioni", "seksioni")


@pytest.fixture
def since():
    return timezone.now() - datetime.timedelta(seconds=1)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_a_page_never_public_is_never_announced(gql, section, since, restriction_type, target):
    if target == "ancestor":
        restrict(section, restriction_type)
        hidden = add_page(section, "Plani sekret", "plani-sekret")
    else:
        hidden = add_page(section, "Plani sekret", "plani-sekret", live=False)
        restrict(hidden, restriction_type)
        hidden.save_revision().publish()
    hidden.title = "Plani sekret 2"
    hidden.save_revision().publish()
    assert ("PAGE", str(hidden.pk)) not in feed(gql, since)
    assert not ContentChange.objects.filter(kind="page", object_id=hidden.pk).exists()

    hidden_id = hidden.pk
    hidden.delete()
    changes = feed(gql, since)
    assert ("PAGE", str(hidden_id)) not in changes
    assert not [node for node in changes.values() if "plani" in (node["url"] or "")]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_a_public_page_made_private_becomes_a_tombstone(
    gql, section, since, restriction_type, target, django_capture_on_commit_callbacks
):
    page = add_page(section, "Buxheti", "buxheti")
    assert feed(gql, since)["PAGE", str(page.pk)]["title"] == "Buxheti"

    restriction = restrict(section if target == "ancestor" else page, restriction_type)
    tombstone = feed(gql, since)["PAGE", str(page.pk)]
    assert tombstone == {
        "kind": "PAGE",
        "action": "UNPUBLISHED",
        "id": str(page.pk),
        "url": "/seksioni/buxheti/",
        "title": None,
        "page": None,
        "document": None,
    }
    assert ContentChange.objects.get(kind="page", object_id=page.pk).title == ""

    # Edited while private: still nothing but the tombstone.
    page.title = "Buxheti i fshehtë"
    page.save_revision().publish()
    assert feed(gql, since)["PAGE", str(page.pk)]["title"] is None

    back = lift(restriction, django_capture_on_commit_callbacks, gql, since, ("PAGE", str(page.pk)))
    assert (back["action"], back["title"], back["url"]) == (
        "CHANGED",
        "Buxheti i fshehtë",
        "/seksioni/buxheti/",
    )
    assert back["page"] == {"title": "Buxheti i fshehtë"}


def test_deleted_pages(gql, section, since):
    public = add_page(section, "Njoftim", "njoftim")
    draft = add_page(section, "Skicë", "skice", live=False)
    public_id, draft_id = public.pk, draft.pk
    public.delete()
    draft.delete()

    changes = feed(gql, since)
    assert changes["PAGE", str(public_id)] == {
        "kind": "PAGE",
        "action": "DELETED",
        "id": str(public_id),
        "url": "/seksioni/njoftim/",
        "title": None,
        "page": None,
        "document": None,
    }
    assert ("PAGE", str(draft_id)) not in changes


def test_deleting_a_restricted_page_leaves_no_trace(gql, section, since, django_capture_on_commit_callbacks):
    hidden = add_page(section, "Brenda", "brenda", live=False)
    restrict(hidden, "password")
    hidden.save_revision().publish()
    hidden_id = hidden.pk
    with django_capture_on_commit_callbacks(execute=True):
        hidden.delete()
    assert ("PAGE", str(hidden_id)) not in feed(gql, since)


def test_a_page_moved_under_a_restricted_page_becomes_a_tombstone(gql, section, home_pages, since):
    private = add_page(home_pages["sq"], "Intranet", "intranet")
    restrict(private, "login")
    page = add_page(section, "Raport", "raport")
    page.move(private, pos="last-child")

    tombstone = feed(gql, since)["PAGE", str(page.pk)]
    assert (tombstone["action"], tombstone["url"], tombstone["title"]) == (
        "UNPUBLISHED",
        "/seksioni/raport/",
        None,
    )


def test_a_restriction_the_signals_missed_still_hides_the_title(gql, section, since):
    page = add_page(section, "Tender", "tender")
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=page, restriction_type="login")])
    node = feed(gql, since)["PAGE", str(page.pk)]
    assert (node["action"], node["title"], node["page"], node["url"]) == (
        "UNPUBLISHED",
        None,
        None,
        "/seksioni/tender/",
    )


@pytest.fixture
def private_collection(site):
    collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def test_a_document_in_a_private_collection_is_never_announced(gql, site, private_collection, since):
    hidden = make_document("Secret", collection=private_collection)
    hidden.title = "Secret 2"
    hidden.save()
    hidden_id = hidden.pk
    hidden.delete()
    assert ("DOCUMENT", str(hidden_id)) not in feed(gql, since)
    assert not ContentChange.objects.filter(kind="document", object_id=hidden_id).exists()


def test_a_document_moved_into_a_private_collection_becomes_a_tombstone(gql, site, private_collection, since):
    document = make_document("Vendimi")
    url = feed(gql, since)["DOCUMENT", str(document.pk)]["url"]
    assert url.endswith(document.url)
    document.collection = private_collection
    document.save()

    tombstone = feed(gql, since)["DOCUMENT", str(document.pk)]
    assert (tombstone["action"], tombstone["title"], tombstone["document"]) == ("UNPUBLISHED", None, None)
    assert tombstone["url"].endswith(document.url)
    assert ContentChange.objects.get(kind="document", object_id=document.pk).title == ""


def test_a_collection_restriction_buries_and_its_removal_restores(
    gql, site, since, django_capture_on_commit_callbacks
):
    collection = Collection.get_first_root_node().add_child(name="Arkiva")
    document = make_document("Rregullore", collection=collection)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection.get_parent(), restriction_type="password", password="x"
    )
    tombstone = feed(gql, since)["DOCUMENT", str(document.pk)]
    assert (tombstone["action"], tombstone["title"]) == ("UNPUBLISHED", None)

    back = lift(restriction, django_capture_on_commit_callbacks, gql, since, ("DOCUMENT", str(document.pk)))
    assert (back["action"], back["title"], back["document"]) == (
        "CHANGED",
        "Rregullore",
        {"title": "Rregullore"},
    )


def test_the_migration_clears_what_was_recorded_before(section, site):
    draft = add_page(section, "Skicë", "skice", live=False)
    page = add_page(section, "Lajm", "lajm")
    restrict(page, "login")
    now = timezone.now()
    rows = {
        "draft": ContentChange(
            kind="page", object_id=draft.pk, action="deleted", title="Skicë", occurred_at=now
        ),
        "restricted": ContentChange(
            kind="page", object_id=page.pk, action="published", title="Lajm", occurred_at=now
        ),
        "gone": ContentChange(
            kind="document", object_id=10**9, action="deleted", title="Gone", occurred_at=now
        ),
    }
    ContentChange.objects.all().delete()
    for row in rows.values():
        row.url = "/x/"
    ContentChange.objects.bulk_create(rows.values())

    importlib.import_module("frontend_api.migrations.0002_change_feed_privacy").forwards(apps, None)

    assert not ContentChange.objects.filter(kind="page", object_id=draft.pk).exists()
    assert ContentChange.objects.filter(kind="page", object_id=page.pk).values_list(
        "action", "title"
    ).get() == (
        "unpublished",
        "",
    )
    assert ContentChange.objects.get(kind="document").title == ""
