"""The submission service and its GraphQL surface: stored first, acknowledged once, nothing personal leaks."""

import email
import email.header

import pytest
from django.core import mail
from django.test import override_settings

from citizens import emails
from citizens.models import Message, StatusChange
from citizens.submission import submit
from tests.events.smtp import Recorder, closed_port, smtp_server
from tests.frontend_api.conftest import graphql_data, post

pytestmark = pytest.mark.django_db

SUBMIT = """
mutation Submit($input: CitizenMessageInput!, $locale: Locale) {
  submitCitizenMessage(input: $input, locale: $locale) {
    trackingCode
    dueDate
    errors { field messages }
  }
}
"""

STATUS = """
query Status($code: String!, $locale: Locale) {
  citizenMessage(trackingCode: $code, locale: $locale) {
    trackingCode kind { code name } status statusLabel receivedAt updatedAt dueDate answeredAt reply isOverdue
  }
}
"""

PERSONAL = {
    "name": "Arta Krasniqi",
    "email": "arta@example.org",
    "phone": "+383 44 123 456",
    "text": "Kërkoj kopjen e kontratës për ndriçimin publik, nr. 77/2026.",
}


def request_for_documents(**extra):
    return {"kind": "access_to_documents", "subject": "Kontrata e ndriçimit", **PERSONAL, **extra}


def submit_by_api(client, data, locale=None):
    return graphql_data(post(client, SUBMIT, {"input": data, "locale": locale}))["submitCitizenMessage"]


def test_a_request_is_stored_routed_and_acknowledged_in_the_citizens_language(
    client, kinds, departments, django_capture_on_commit_callbacks
):
    kind = kinds["access_to_documents"]
    kind.default_department = departments["administration"]
    kind.save()
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_by_api(client, request_for_documents(language="SR"))

    assert result["errors"] == []
    message = Message.objects.get(tracking_code=result["trackingCode"])
    assert message.due_at is not None and result["dueDate"] == message.due_at.isoformat()
    assert (message.status, message.assigned_department) == (
        Message.Status.ASSIGNED,
        departments["administration"],
    )
    assert list(StatusChange.objects.filter(message=message).values_list("from_status", "to_status")) == [
        ("", "new"),
        ("new", "assigned"),
    ]
    assert message.forward_due_at is not None
    [acknowledgement] = mail.outbox
    assert acknowledgement.to == ["arta@example.org"]
    assert acknowledgement.extra_headers["Content-Language"] == "sr"
    assert message.tracking_code in acknowledgement.subject
    assert "/sr/citizens/status/?code=" + message.tracking_code in acknowledgement.body
    message.refresh_from_db()
    assert message.acknowledgement_sent_at is not None
    # Exactly once: a second run (a retried task, the periodic command) sends nothing.
    assert emails.send(emails.ACKNOWLEDGEMENT, message.pk) is False
    assert emails.send_pending() == 0
    assert len(mail.outbox) == 1


def test_urgent_requests_get_48_hours(client, kinds):
    result = submit_by_api(client, request_for_documents(urgent=True))
    message = Message.objects.get(tracking_code=result["trackingCode"])
    assert message.is_urgent and (message.due_at - message.received_at).total_seconds() == 48 * 3600
    # A kind without an urgent procedure ignores the flag.
    result = submit_by_api(
        client, {"kind": "suggestion", "subject": "Park", "text": "Më shumë pemë.", "urgent": True}
    )
    message = Message.objects.get(tracking_code=result["trackingCode"])
    assert not message.is_urgent and message.due_at is None


def test_invalid_input_is_explained_per_field_in_the_requests_language(client, kinds):
    data = {"kind": "nonsense", "subject": "", "text": "x", "email": "not-an-address", "latitude": 42.6}
    result = submit_by_api(client, data, locale="EN")
    errors = {error["field"]: error["messages"] for error in result["errors"]}
    assert result["trackingCode"] is None
    assert set(errors) == {"kind", "subject", "email", "latitude"}
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["latitude"] == ["Give both the latitude and the longitude, or neither."]
    albanian = {e["field"]: e["messages"] for e in submit_by_api(client, data, locale="SQ")["errors"]}
    assert albanian["subject"] != errors["subject"]  # Django's own catalog has Albanian
    assert Message.objects.count() == 0


def test_an_oversized_text_is_refused(client, kinds, settings):
    settings.CITIZENS_MAX_TEXT_LENGTH = 100
    result = submit_by_api(client, {"kind": "question", "subject": "?", "text": "a" * 101}, locale="EN")
    assert [error["field"] for error in result["errors"]] == ["text"]
    assert "at most 100 characters" in result["errors"][0]["messages"][0]
    assert Message.objects.count() == 0
    subject = submit_by_api(client, {"kind": "question", "subject": "s" * 201, "text": "ok"}, locale="EN")
    assert [error["field"] for error in subject["errors"]] == ["subject"]


def test_the_status_gives_no_personal_data(client, kinds):
    code = submit_by_api(client, request_for_documents())["trackingCode"]
    message = Message.objects.get(tracking_code=code)
    message.reply = "Kontrata gjendet në shtojcë."
    message.save()

    response = post(client, STATUS, {"code": code.lower().replace("-", " "), "locale": "EN"})
    status = graphql_data(response)["citizenMessage"]
    body = response.content.decode()
    for value in [*PERSONAL.values(), "Kontrata e ndriçimit", "arta@example.org"]:
        assert value not in body
    assert status["trackingCode"] == code
    assert status["kind"] == {"code": "access_to_documents", "name": "Request for access to public documents"}
    assert (status["status"], status["statusLabel"], status["isOverdue"]) == ("NEW", "New", False)
    # A reply is shown once it was sent and the office chose to publish it.
    assert status["reply"] is None and status["answeredAt"] is None
    assert response["Cache-Control"] == "private, no-store"

    from django.utils import timezone

    Message.objects.filter(pk=message.pk).update(
        reply_is_public=True, replied_at=timezone.now(), status=Message.Status.ANSWERED
    )
    status = graphql_data(post(client, STATUS, {"code": code, "locale": "SR_LATN"}))["citizenMessage"]
    assert status["reply"] == "Kontrata gjendet në shtojcë."
    assert status["kind"]["name"] == "Zahtev za pristup javnim dokumentima"
    assert status["status"] == "ANSWERED"

    assert graphql_data(post(client, STATUS, {"code": "0000-0000"}))["citizenMessage"] is None
    assert graphql_data(post(client, STATUS, {"code": "not a code"}))["citizenMessage"] is None


def test_stored_when_smtp_is_down_and_sent_once_when_it_is_back(
    client, kinds, django_capture_on_commit_callbacks
):
    with (
        closed_port() as closed,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_TIMEOUT=5,
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = submit_by_api(client, request_for_documents(language="SR_LATN"))

    assert result["errors"] == [] and result["trackingCode"]
    message = Message.objects.get(tracking_code=result["trackingCode"])
    assert message.text == PERSONAL["text"]
    assert message.acknowledgement_sent_at is None and message.acknowledgement_attempted_at is None
    assert "ConnectionRefusedError" in message.acknowledgement_error

    with smtp_server(Recorder()) as server:
        assert emails.send_pending() == 1
        assert emails.send_pending() == 0
    [envelope] = server.messages
    assert envelope.rcpt_tos == ["arta@example.org"]
    sent = email.message_from_bytes(envelope.content)
    assert sent["Content-Language"] == "sr-latn"
    assert "/sr-latn/citizens/status/?code=" in sent.get_payload(decode=True).decode()
    message.refresh_from_db()
    assert message.acknowledgement_sent_at is not None and message.acknowledgement_error == ""


def test_the_service_without_a_request(kinds):
    """Every surface calls the same function; without a request (a command, an import) no limits apply."""
    submission = submit({"kind": "question", "subject": "Orari", "text": "Kur punon zyra?"}, language="en")
    assert submission.ok and submission.message.language == "en"
    assert not submit({"kind": "question"}, language="en").ok


def test_no_personal_data_in_the_logs(client, kinds, caplog, django_capture_on_commit_callbacks):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        submit_by_api(client, request_for_documents())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "received" in logged
    for value in PERSONAL.values():
        assert value not in logged
