"""Open311 GeoReport v2: the field lists in JSON and XML, the filters, nothing personal, keyed POST."""

import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from citizens import open311
from citizens.models import Message, Open311Client
from citizens.submission import submit

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
PERSONAL = ("Besa Gashi", "besa@example.org", "+383 44 555 666", "gropë e madhe", "Rruga e Shkollës", "42.66")


def message(kind="complaint", **extra):
    data = {
        "kind": kind,
        "subject": "Gropë",
        "text": "Te shkolla ka një gropë e madhe.",
        "name": "Besa Gashi",
        "email": "besa@example.org",
        "phone": "+383 44 555 666",
        "location": "Rruga e Shkollës 4",
        "latitude": "42.663100",
        "longitude": "21.165200",
        **extra,
    }
    submission = submit(data, language="sq")
    assert submission.ok, submission.errors
    return submission.message


def xml_rows(response, item):
    root = ElementTree.fromstring(response.content)
    return root, [{child.tag: child.text for child in row} for row in root.findall(item)]


def test_services_in_json_and_xml_with_georeports_fields(client, kinds):
    services = client.get(f"{BASE}/services.json").json()
    assert [service["service_code"] for service in services] == ["complaint", "suggestion"]
    for service in services:
        assert tuple(service) == open311.SERVICE_FIELDS
        assert service["metadata"] is False and service["type"] == "realtime"
    assert services[0]["service_name"] == "Ankesë ose raportim i një problemi"
    english = client.get(f"{BASE}/services.json", {"locale": "en"}).json()
    assert english[0]["service_name"] == "Complaint or report of a problem"

    response = client.get(f"{BASE}/services.xml")
    assert response["Content-Type"].startswith("text/xml")
    root, rows = xml_rows(response, "service")
    assert root.tag == "services" and len(rows) == 2
    assert tuple(rows[0]) == open311.SERVICE_FIELDS and rows[0]["metadata"] == "false"

    definition = client.get(f"{BASE}/services/complaint.json").json()
    assert definition == {"service_code": "complaint", "attributes": []}
    root = ElementTree.fromstring(client.get(f"{BASE}/services/suggestion.xml").content)
    assert root.tag == "service_definition" and root.findtext("service_code") == "suggestion"
    assert client.get(f"{BASE}/services/question.json").status_code == 404  # not an Open311 service


def test_requests_carry_the_fields_and_nothing_personal(client, kinds, departments):
    kinds["complaint"].default_department = departments["urbanism"]
    kinds["complaint"].save()
    complaint = message()
    message(kind="question")  # not an Open311 service: never listed
    rows = client.get(f"{BASE}/requests.json").json()
    assert [row["service_request_id"] for row in rows] == [complaint.tracking_code]
    [row] = rows
    assert tuple(row) == open311.REQUEST_FIELDS
    assert row["status"] == "open" and row["service_code"] == "complaint"
    assert row["agency_responsible"] == "Drejtoria për Urbanizëm"
    assert row["requested_datetime"] and row["updated_datetime"]
    response = client.get(f"{BASE}/requests.xml")
    root, xml = xml_rows(response, "request")
    assert root.tag == "service_requests" and tuple(xml[0]) == open311.REQUEST_FIELDS
    one = client.get(f"{BASE}/requests/{complaint.tracking_code.lower()}.json").json()
    assert one == rows
    for body in (response.content.decode(), str(rows)):
        for personal in PERSONAL:
            assert personal not in body
    assert client.get(f"{BASE}/requests/0000-0000.json").status_code == 404


def test_closed_with_the_published_reply_as_status_notes(client, kinds):
    answered = message()
    Message.objects.filter(pk=answered.pk).update(
        status=Message.Status.ANSWERED, reply="E rregulluam.", reply_is_public=True, replied_at=timezone.now()
    )
    rejected = message(kind="suggestion")
    Message.objects.filter(pk=rejected.pk).update(status=Message.Status.REJECTED, reply="Private words.")
    rows = {
        row["service_request_id"]: row for row in client.get(f"{BASE}/requests.json", {"locale": "en"}).json()
    }
    assert rows[answered.tracking_code]["status"] == "closed"
    assert rows[answered.tracking_code]["status_notes"] == "Answered: E rregulluam."
    assert rows[rejected.tracking_code]["status_notes"] == "Rejected"  # the reply was not published


def test_the_filters(client, kinds):
    complaint, suggestion = message(), message(kind="suggestion")
    old = message()
    Message.objects.filter(pk=old.pk).update(received_at=timezone.now() - datetime.timedelta(days=200))
    Message.objects.filter(pk=suggestion.pk).update(status=Message.Status.CLOSED)

    def ids(**params):
        return {row["service_request_id"] for row in client.get(f"{BASE}/requests.json", params).json()}

    assert ids() == {complaint.tracking_code, suggestion.tracking_code}  # the last 90 days
    assert ids(service_code="suggestion") == {suggestion.tracking_code}
    assert ids(status="open") == {complaint.tracking_code}
    assert ids(status="closed") == {suggestion.tracking_code}
    since = (timezone.now() - datetime.timedelta(days=300)).isoformat()
    until = (timezone.now() - datetime.timedelta(days=100)).isoformat()
    assert ids(start_date=since, end_date=until) == {old.tracking_code}
    assert ids(service_request_id=f"{old.tracking_code},{complaint.tracking_code}") == {
        old.tracking_code,
        complaint.tracking_code,
    }
    bad = client.get(f"{BASE}/requests.json", {"start_date": "yesterday"})
    assert bad.status_code == 400 and bad.json()[0]["code"] == 400
    assert client.get(f"{BASE}/requests.xml", {"status": "lost"}).status_code == 400


def test_post_needs_a_valid_key_and_goes_through_the_submission_service(
    client, kinds, django_capture_on_commit_callbacks, mailoutbox
):
    app = Open311Client(name="Rregullo Prishtinën")
    key = app.new_key()
    app.save()
    assert key not in app.key_hash
    data = {
        "service_code": "complaint",
        "description": "Ndriçimi publik nuk punon.\nNë rrugën B.",
        "email": "besa@example.org",
        "first_name": "Besa",
        "last_name": "Gashi",
        "lat": "42.6631",
        "long": "21.1652",
        "address_string": "Rruga B",
    }
    missing = client.post(f"{BASE}/requests.json", data)
    assert missing.status_code == 403 and missing.json()[0]["code"] == 403
    wrong = client.post(f"{BASE}/requests.xml", {**data, "api_key": "guessed"})
    assert wrong.status_code == 403 and ElementTree.fromstring(wrong.content).tag == "errors"
    Open311Client.objects.create(name="Old", key_hash=Open311Client.hash_key("old-key"), is_active=False)
    assert client.post(f"{BASE}/requests.json", {**data, "api_key": "old-key"}).status_code == 403
    assert Message.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(f"{BASE}/requests.json", {**data, "api_key": key, "locale": "en"})
    assert created.status_code == 201
    [row] = created.json()
    stored = Message.objects.get()
    assert row == {"service_request_id": stored.tracking_code, "service_notice": "", "account_id": None}
    assert (stored.subject, stored.name, stored.language) == (
        "Ndriçimi publik nuk punon.",
        "Besa Gashi",
        "en",
    )
    assert (str(stored.latitude), stored.location) == ("42.663100", "Rruga B")
    assert len(mailoutbox) == 1 and stored.tracking_code in mailoutbox[0].body  # acknowledged once stored
    assert Open311Client.objects.get(pk=app.pk).last_used_at is not None

    invalid = client.post(
        f"{BASE}/requests.json", {**data, "api_key": key, "description": "", "locale": "en"}
    )
    assert invalid.status_code == 400 and "description" in invalid.json()[0]["description"]
    question = client.post(f"{BASE}/requests.json", {**data, "api_key": key, "service_code": "question"})
    assert question.status_code == 400


def test_post_counts_on_the_limit_per_email_not_per_address(client, kinds, settings):
    # One application posts for many people from one server: the limit per address is not its.
    settings.CITIZENS_RATE_PER_IP = "1/h"
    settings.CITIZENS_RATE_PER_EMAIL = "1/h"
    app = Open311Client(name="App")
    key = app.new_key()
    app.save()
    data = {"service_code": "suggestion", "description": "Më shumë pemë.", "api_key": key, "locale": "en"}
    assert client.post(f"{BASE}/requests.json", data).status_code == 201
    assert client.post(f"{BASE}/requests.json", data).status_code == 201
    # One person's e-mail address is still limited, whichever application it comes through.
    data["email"] = "qytetari@example.org"
    assert client.post(f"{BASE}/requests.json", data).status_code == 201
    refused = client.post(f"{BASE}/requests.json", data)
    assert refused.status_code == 400 and "Too many messages" in refused.json()[0]["description"]


def new_client(name, **fields):
    app = Open311Client(name=name, **fields)
    key = app.new_key()
    app.save()
    return key


def test_each_client_is_limited_at_its_own_rate_with_429_and_retry_after(client, kinds, settings):
    settings.CITIZENS_RATE_PER_IP = "100/h"
    settings.CITIZENS_RATE_PER_OPEN311_CLIENT = "2/h"
    default_key, own_key, other_key = new_client("A"), new_client("B", rate_limit="1/m"), new_client("C")
    data = {"service_code": "suggestion", "description": "Më shumë pemë.", "locale": "en"}

    def post(key, format="json"):
        return client.post(f"{BASE}/requests.{format}", {**data, "api_key": key})

    assert [post(default_key).status_code for _ in range(2)] == [201, 201]
    refused = post(default_key)
    assert refused.status_code == 429
    assert refused.json() == [
        {
            "code": 429,
            "description": "Too many service requests from this application. Please try again later.",
        }
    ]
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert refused["Content-Type"] == "application/json"

    # In XML too.
    refused = post(default_key, "xml")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 3600
    root, [row] = xml_rows(refused, "error")
    assert root.tag == "errors" and row["code"] == "429" and "Too many service requests" in row["description"]

    # A client's own rate wins over the setting; another client's count is its own.
    assert [post(own_key).status_code for _ in range(2)] == [201, 429]
    assert 1 <= int(post(own_key, "xml")["Retry-After"]) <= 60
    assert post(other_key).status_code == 201
    assert Message.objects.count() == 4  # nothing stored when refused


def test_a_clients_rate_must_be_a_count_per_period(client, django_user_model):
    from django.core.exceptions import ValidationError

    for rate in ("100/h", "5/m", "1000/d"):
        Open311Client(name="A", key_hash="x" * 64, rate_limit=rate).full_clean()
    for rate in ("many", "0/h", "10/week", "10", "/h"):
        with pytest.raises(ValidationError):
            Open311Client(name="A", key_hash="x" * 64, rate_limit=rate).full_clean()
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.post(
        "/admin/open311_clients/new/", {"name": "R", "is_active": "on", "rate_limit": "lots"}
    )
    assert response.status_code == 200 and "e.g. 100/h" in response.content.decode()
    assert not Open311Client.objects.exists()


def test_the_admin_shows_a_new_clients_key_once_and_keeps_only_its_hash(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.post(
        "/admin/open311_clients/new/", {"name": "Rregullo", "contact": "", "is_active": "on"}, follow=True
    )
    assert response.status_code == 200
    app = Open311Client.objects.get()
    [notice] = [str(m) for m in response.context["messages"] if "copy it now" in str(m)]
    key = notice.split(" is ", 1)[1].split(" — ", 1)[0]
    assert Open311Client.for_key(key) == app and key not in app.key_hash
    listing = client.get("/admin/open311_clients/").content.decode()
    assert "Rregullo" in listing and key not in listing
