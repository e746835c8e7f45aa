"""CSV export and import of the directory: a round trip loses nothing, and e-mail addresses deduplicate."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from outreach.factories import ContactFactory, OrganisationFactory
from outreach.models import Contact, Organisation

pytestmark = pytest.mark.django_db

HEADER = "name,organisation,role,kind,community,language,email,phone,topics,bodies,consent,consent_date,notes,is_active"


def snapshot():
    return sorted(
        (
            contact.name,
            contact.organisation.name if contact.organisation else "",
            contact.organisation.kind if contact.organisation else "",
            contact.role,
            contact.kind,
            contact.community,
            contact.language,
            contact.email,
            contact.phone,
            tuple(sorted(contact.topics.values_list("slug", flat=True))),
            tuple(sorted(contact.bodies.values_list("slug", flat=True))),
            contact.consent,
            contact.consent_date,
            contact.notes,
            contact.is_active,
        )
        for contact in Contact.objects.all()
    )


def upload(client, text, follow=True):
    return client.post(
        "/admin/contacts/import/",
        {"file": SimpleUploadedFile("contacts.csv", text.encode("utf-8"), content_type="text/csv")},
        follow=follow,
    )


def test_export_then_import_into_an_empty_directory_gives_the_same_directory(
    client, head_of_office, budget_topic, communities_topic, assembly
):
    newsroom = OrganisationFactory(name="Радио Гораждевац", kind="media_local")
    marko = ContactFactory(
        name="Марко Петровић",
        organisation=newsroom,
        role="Новинар",
        kind="media_local",
        language="sr",
        email="marko@rg.example",
        phone="+383 38 111 222",
        consent=True,
        consent_date=dt.date(2026, 3, 14),
        notes='Prefers calls, "after 10".\nSecond line.',
    )
    marko.topics.set([budget_topic, communities_topic])
    marko.bodies.set([assembly])
    ContactFactory(
        name="Bajram Krasniqi", kind="community", community="roma", language="sq", email="", is_active=False
    )
    ContactFactory(name="Jane Doe", kind="media_international", language="en", email="jane@bi.example")
    before = snapshot()
    client.force_login(head_of_office)

    response = client.get("/admin/contacts/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    exported = response.content.decode("utf-8")
    assert exported.splitlines()[0] == HEADER

    Contact.objects.all().delete()
    Organisation.objects.all().delete()
    response = upload(client, exported)
    assert "3 new contacts, 0 updated, 0 unchanged" in response.content.decode()
    assert snapshot() == before

    # Importing the same file again changes nothing and adds nobody.
    response = upload(client, exported)
    assert "0 new contacts, 0 updated" in response.content.decode(), re.findall(
        r"(?:Imported|Row|Nothing)[^<]*", response.content.decode()
    )
    assert snapshot() == before


def test_import_deduplicates_by_email_whatever_its_case(client, head_of_office):
    arta = ContactFactory(name="Arta Krasniqi", email="Arta@RTK.example", phone="", kind="media_local")
    client.force_login(head_of_office)
    text = "\n".join(
        [
            HEADER,
            "Arta Krasniqi,Radio Televizioni i Kosovës,Gazetare,media_local,,sq,arta@rtk.EXAMPLE,+383 44 000 111,,,0,,,1",
            "Ana Jović,Центар за грађанске иницијативе,,civil_society,,sr,ana@cgi.example,,,,0,,,1",
            "Ana Jović,Центар за грађанске иницијативе,Координаторка,civil_society,,sr, ANA@cgi.example ,,,,0,,,1",
        ]
    )
    response = upload(client, text)
    assert "1 new contact, 2 updated" in response.content.decode()
    assert Contact.objects.count() == 2
    arta.refresh_from_db()
    assert (arta.phone, arta.organisation.name, arta.role) == (
        "+383 44 000 111",
        "Radio Televizioni i Kosovës",
        "Gazetare",
    )
    ana = Contact.objects.get(email__iexact="ana@cgi.example")
    assert ana.role == "Координаторка"
    assert Organisation.objects.get(name="Центар за грађанске иницијативе").kind == "civil_society"


def test_a_wrong_row_imports_nothing_and_says_which(client, head_of_office):
    client.force_login(head_of_office)
    text = "\n".join(
        [
            HEADER,
            "Drita Berisha,,,civil_society,,sq,drita@example.org,,,,0,,,1",
            "Ana Jović,,,civil_society,,sr,ana@example.org,,,,1,,,1",
        ]
    )
    response = upload(client, text)
    content = response.content.decode()
    assert "Row 3" in content
    assert "Give the date the contact consented." in content
    assert "Nothing was imported" in content
    assert not Contact.objects.exists()


def test_import_and_export_need_the_directorys_permissions(client, editor):
    client.force_login(editor)
    assert client.get("/admin/contacts/export/").status_code in (302, 403)
    assert upload(client, HEADER + "\nA,,,other,,sq,a@example.org,,,,0,,,1", follow=False).status_code in (
        302,
        403,
    )
    assert not Contact.objects.exists()
