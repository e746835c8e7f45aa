"""The site's form and status page in every language, the honeypot and the rate limits."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citizens import limits
from citizens.models import Attachment, Message
from tests.documents.files import pdf
from tests.frontend_api.conftest import post

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PDF = pdf("Kontrata")


def form_data(**extra):
    return {
        "kind": "complaint",
        "subject": "Gropë në rrugë",
        "text": "Te shkolla ka një gropë të madhe.",
        "name": "Besa Gashi",
        "email": "besa@example.org",
        "phone": "",
        "language": "",
        "location": "Rruga e Shkollës 4",
        "website": "",
        **extra,
    }


@pytest.mark.parametrize(
    ("prefix", "language", "kind_name"),
    [
        ("", "sq", "Ankesë ose raportim i një problemi"),
        ("/sr", "sr", "Жалба или пријава проблема"),
        ("/sr-latn", "sr-latn", "Žalba ili prijava problema"),
        ("/en", "en", "Complaint or report of a problem"),
    ],
)
def test_the_form_in_every_language(client, site, kinds, prefix, language, kind_name):
    page = client.get(f"{prefix}/citizens/")
    assert page.status_code == 200
    html = page.content.decode()
    assert kind_name in html and 'name="website"' in html
    if language == "sr-latn":
        assert not CYRILLIC.search(html.split("<body", 1)[1].split('hreflang="sr"')[0])

    response = client.post(f"{prefix}/citizens/", form_data())
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/citizens/status/?code={message.tracking_code}&received=1"
    assert message.language == language  # the acknowledgement and answer follow the page's language
    status = client.get(response["Location"]).content.decode()
    assert message.tracking_code in status and kind_name in status


def test_errors_are_shown_with_the_form_and_nothing_is_stored(client, site, kinds):
    response = client.post("/en/citizens/", form_data(subject="", email="nope"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html and "Enter a valid email address." in html
    assert Message.objects.count() == 0


def test_attachments_go_through_the_document_checks(client, site, kinds, settings):
    good = SimpleUploadedFile("kontrata.pdf", PDF, content_type="application/pdf")
    client.post("/en/citizens/", {**form_data(), "attachments": [good]})
    [attachment] = Attachment.objects.all()
    assert (attachment.name, attachment.mime_type, attachment.size) == (
        "kontrata.pdf",
        "application/pdf",
        len(PDF),
    )
    assert attachment.file.storage.location == str(settings.DOCUMENTS_ROOT)  # not public media

    script = SimpleUploadedFile("photo.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post("/en/citizens/", {**form_data(), "attachments": [script]})
    assert response.status_code == 200 and "not accepted" in response.content.decode()
    too_many = [SimpleUploadedFile(f"f{i}.pdf", PDF, content_type="application/pdf") for i in range(6)]
    response = client.post("/en/citizens/", {**form_data(), "attachments": too_many})
    assert "at most 5 files" in response.content.decode()
    settings.CITIZENS_MAX_ATTACHMENT_SIZE = 10
    big = SimpleUploadedFile("big.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/citizens/", {**form_data(), "attachments": [big]})
    assert "is too big" in response.content.decode()
    assert Message.objects.count() == 1


def test_the_honeypot_refuses_robots(client, site, kinds):
    response = client.post("/en/citizens/", form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "Your message could not be accepted." in response.content.decode()
    assert Message.objects.count() == 0


def test_the_status_page_shows_nothing_personal(client, site, kinds):
    client.post("/en/citizens/", form_data())
    message = Message.objects.get()
    html = client.get("/en/citizens/status/", {"code": message.tracking_code.lower()}).content.decode()
    assert "Complaint or report of a problem" in html and message.tracking_code in html
    for personal in ("Besa Gashi", "besa@example.org", "Gropë në rrugë", "Te shkolla", "Rruga e Shkollës"):
        assert personal not in html
    unknown = client.get("/en/citizens/status/", {"code": "0000-0000"}).content.decode()
    assert "No message has this tracking code." in unknown


def test_submissions_are_limited_per_address_and_per_email(client, site, kinds, settings):
    settings.CITIZENS_RATE_PER_IP = "3/h"
    settings.CITIZENS_RATE_PER_EMAIL = "2/h"
    for _ in range(2):
        client.post("/en/citizens/", form_data(), REMOTE_ADDR="198.51.100.1")
    refused = client.post("/en/citizens/", form_data(), REMOTE_ADDR="198.51.100.2").content.decode()
    assert "Too many messages were sent with this e-mail address." in refused
    client.post("/en/citizens/", form_data(email=""), REMOTE_ADDR="198.51.100.1")
    refused = client.post("/en/citizens/", form_data(email=""), REMOTE_ADDR="198.51.100.1").content.decode()
    assert "Too many messages were sent from your connection." in refused
    assert Message.objects.count() == 3
    # The API counts on the same limits.
    query = (
        'mutation { submitCitizenMessage(input: {kind: "question", subject: "?", text: "?"}, locale: EN) {'
    )
    query += " trackingCode errors { field messages } } }"
    response = client.post(
        "/graphql/", {"query": query}, content_type="application/json", REMOTE_ADDR="198.51.100.1"
    )
    result = response.json()["data"]["submitCitizenMessage"]
    assert result["trackingCode"] is None
    assert result["errors"][0]["field"] == "__all__"


def test_status_lookups_are_limited(client, site, kinds, settings):
    settings.CITIZENS_RATE_STATUS_PER_IP = "2/m"
    for _ in range(2):
        client.get("/en/citizens/status/", {"code": "0000-0000"})
    html = client.get("/en/citizens/status/", {"code": "0000-0000"}).content.decode()
    assert "Too many status lookups." in html
    errors = post(client, '{ citizenMessage(trackingCode: "0000-0000", locale: EN) { status } }').json()[
        "errors"
    ]
    assert errors[0]["extensions"]["code"] == "RATE_LIMITED"


class FakeRequest:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


def test_the_client_address_believes_only_trusted_proxies(settings):
    settings.TRUSTED_PROXIES = []
    assert limits.client_address(FakeRequest("203.0.113.9", "1.2.3.4")) == "203.0.113.9"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The client forged the first entry; the proxy appended the real address.
    assert limits.client_address(FakeRequest("10.0.0.5", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    assert limits.client_address(FakeRequest("10.0.0.5", "198.51.100.7, 10.0.0.6")) == "198.51.100.7"
    # Not from a trusted proxy: the header is ignored.
    assert limits.client_address(FakeRequest("203.0.113.9", "1.2.3.4")) == "203.0.113.9"
