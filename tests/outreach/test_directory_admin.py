"""The directory in the admin: create, read, update, delete, search and filter, for the head of office only."""

import datetime as dt

import pytest

from outreach.factories import ContactFactory, OrganisationFactory
from outreach.models import Contact, Kind

pytestmark = pytest.mark.django_db


def contact_form(**overrides):
    data = {
        "name": "Drita Berisha",
        "organisation": "",
        "role": "Drejtoreshë",
        "kind": "civil_society",
        "community": "",
        "language": "sq",
        "email": "drita@transparenca.example",
        "phone": "+383 44 123 456",
        "notes": "",
        "is_active": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_head_of_office_creates_edits_and_deletes_a_contact(client, head_of_office, budget_topic, assembly):
    organisation = OrganisationFactory(name="Lëvizja për Transparencë")
    client.force_login(head_of_office)
    assert client.get("/admin/contacts/new/").status_code == 200

    response = client.post(
        "/admin/contacts/new/",
        contact_form(
            organisation=organisation.pk,
            topics=[budget_topic.pk],
            bodies=[assembly.pk],
            consent="on",
            consent_date="2026-11-02",
        ),
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.organisation, contact.kind, contact.consent_date) == (
        organisation,
        Kind.CIVIL_SOCIETY,
        dt.date(2026, 11, 2),
    )
    assert list(contact.topics.all()) == [budget_topic]
    assert list(contact.bodies.all()) == [assembly]

    listing = client.get("/admin/contacts/")
    assert b"drita@transparenca.example" in listing.content
    assert "Lëvizja për Transparencë" in listing.content.decode()
    assert b'href="/admin/contacts/import/"' in listing.content
    assert b'href="/admin/contacts/export/"' in listing.content

    response = client.post(
        f"/admin/contacts/edit/{contact.pk}/",
        contact_form(organisation=organisation.pk, kind="community", community="roma", language="en"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.kind, contact.community, contact.language, contact.consent) == (
        "community",
        "roma",
        "en",
        False,
    )

    assert client.post(f"/admin/contacts/delete/{contact.pk}/").status_code == 302
    assert not Contact.objects.exists()


def test_the_form_refuses_an_address_already_in_the_directory_in_any_case(client, head_of_office):
    ContactFactory(email="Drita@Transparenca.example")
    client.force_login(head_of_office)
    response = client.post("/admin/contacts/new/", contact_form(email="drita@transparenca.EXAMPLE"))
    assert response.status_code == 200
    assert "Another contact has this e-mail address." in response.content.decode()
    assert Contact.objects.count() == 1


def test_consent_needs_its_date_and_a_contact_needs_a_name_or_organisation(client, head_of_office):
    client.force_login(head_of_office)
    response = client.post("/admin/contacts/new/", contact_form(consent="on"))
    assert "Give the date the contact consented." in response.content.decode()
    response = client.post("/admin/contacts/new/", contact_form(name=""))
    assert "Give the person&#x27;s name or their organisation." in response.content.decode()
    assert not Contact.objects.exists()


def test_search_and_filters(client, head_of_office, budget_topic):
    roma = ContactFactory(name="Bajram Krasniqi", kind="community", community="roma", language="sq")
    serbian = ContactFactory(name="Милан Стојановић", kind="community", community="serbian", language="sr")
    journalist = ContactFactory(
        name="Jane Doe",
        kind="media_international",
        language="en",
        organisation=OrganisationFactory(name="Balkan Insight"),
        consent=True,
        consent_date=dt.date(2026, 1, 5),
    )
    journalist.topics.add(budget_topic)
    client.force_login(head_of_office)

    def listed(query):
        content = client.get(f"/admin/contacts/{query}").content.decode()
        return {contact.email for contact in (roma, serbian, journalist) if contact.email in content}

    assert listed("?q=Balkan") == {journalist.email}
    assert listed("?q=Krasniqi") == {roma.email}
    assert listed("?kind=community") == {roma.email, serbian.email}
    assert listed("?community=serbian") == {serbian.email}
    assert listed("?language=en") == {journalist.email}
    assert listed(f"?topics={budget_topic.pk}") == {journalist.email}
    assert listed("?consent=true") == {journalist.email}


def test_other_admin_users_cannot_see_the_directory(client, editor):
    contact = ContactFactory(email="secret@example.org")
    client.force_login(editor)
    for url in (
        "/admin/contacts/",
        f"/admin/contacts/edit/{contact.pk}/",
        "/admin/organisations/",
        "/admin/contacts/export/",
        "/admin/contacts/import/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"secret@example.org" not in response.content


def test_the_listing_does_not_query_once_per_contact(client, head_of_office):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(head_of_office)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/contacts/").status_code == 200
        return len(captured)

    ContactFactory(organisation=OrganisationFactory())
    few = queries()
    for _ in range(5):
        ContactFactory(organisation=OrganisationFactory())
    assert queries() == few
