"""The data migration: today's media contacts move into the directory, deliveries and all."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.flushes_database]

BEFORE = [("events", "0008_contact_language_serbian_latin"), ("outreach", "0001_initial")]
AFTER = [("events", "0009_notices_to_the_directory"), ("outreach", "0002_media_contacts_into_directory")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def a_page(apps):
    Page = apps.get_model("wagtailcore", "Page")
    page = Page.objects.order_by("depth").first()
    if page is None:
        locale = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="sq")[0]
        content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="wagtailcore", model="page"
        )[0]
        page = Page.objects.create(
            title="Root", draft_title="Root", slug="root", path="0001", depth=1, numchild=0,
            content_type=content_type, locale=locale, translation_key=uuid.uuid4(),
        )  # fmt: skip
    return page


def test_media_contacts_move_into_the_directory_losing_nothing():
    old = migrate(BEFORE)
    Topic = old.get_model("home", "Topic")
    MediaContact = old.get_model("events", "MediaContact")
    budget = Topic.objects.create(name="Buxheti", slug="buxheti-migracion")
    arta = MediaContact.objects.create(
        outlet="Radio Kosova",
        person="Arta Krasniqi",
        email="arta@rtk.example",
        phone="+383 38 1",
        language="sq",
    )
    arta.topics.add(budget)
    jane = MediaContact.objects.create(
        outlet="Balkan Insight", person="", email="desk@bi.example", language="en", scope="international"
    )
    marko = MediaContact.objects.create(
        outlet="Radio Kosova", person="Marko", email="marko@rk.example", language="sr-latn", is_active=False
    )
    notice = old.get_model("events", "MediaNotice").objects.create(
        page=a_page(old), kind="advisory", event_start="2026-12-20T10:00Z", due_at="2026-12-06T10:00Z"
    )
    old.get_model("events", "NoticeDelivery").objects.create(
        notice=notice, contact=jane, email=jane.email, language="en", sent_at="2026-12-06T10:00Z"
    )

    new = migrate(AFTER)
    Contact = new.get_model("outreach", "Contact")
    rows = {
        contact.email: contact
        for contact in Contact.objects.select_related("organisation").prefetch_related("topics")
    }
    assert set(rows) == {"arta@rtk.example", "desk@bi.example", "marko@rk.example"}
    assert rows["arta@rtk.example"].pk == arta.pk
    assert (rows["arta@rtk.example"].name, rows["arta@rtk.example"].phone) == ("Arta Krasniqi", "+383 38 1")
    assert [topic.slug for topic in rows["arta@rtk.example"].topics.all()] == ["buxheti-migracion"]
    assert rows["arta@rtk.example"].organisation_id == rows["marko@rk.example"].organisation_id
    assert (rows["arta@rtk.example"].kind, rows["arta@rtk.example"].organisation.kind) == ("media_local",) * 2
    assert (rows["desk@bi.example"].kind, rows["desk@bi.example"].organisation.name) == (
        "media_international",
        "Balkan Insight",
    )
    assert (rows["marko@rk.example"].language, rows["marko@rk.example"].is_active) == ("sr-latn", False)
    delivery = new.get_model("events", "NoticeDelivery").objects.get()
    assert delivery.contact_id == rows["desk@bi.example"].pk
    # The ids were kept: new contacts get ids after them.
    assert Contact.objects.create(name="Nova", email="nova@example.org").pk > max(arta.pk, jane.pk, marko.pk)
    head = new.get_model("auth", "Group").objects.get(name="Head of office")
    assert head.permissions.filter(codename="change_contact", content_type__app_label="outreach").exists()

    # And back: the media contacts return to the old table under their ids.
    old = migrate(BEFORE)
    returned = old.get_model("events", "MediaContact").objects.get(pk=arta.pk)
    assert (returned.outlet, returned.person, returned.email) == (
        "Radio Kosova",
        "Arta Krasniqi",
        "arta@rtk.example",
    )

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
