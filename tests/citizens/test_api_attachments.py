"""Attachments through the API: a GraphQL multipart request, the form's checks, nothing stored when refused."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citizens import proof
from citizens.models import Attachment, Message
from tests.documents.files import pdf, png
from tests.frontend_api.conftest import graphql_data, graphql_errors, post

pytestmark = pytest.mark.django_db

SUBMIT = """
mutation Submit($input: CitizenMessageInput!, $locale: Locale) {
  submitCitizenMessage(input: $input, locale: $locale) { trackingCode errors { field messages } }
}
"""
PDF = pdf("Letra")
PNG = png()
PREFLIGHT = {"HTTP_APOLLO_REQUIRE_PREFLIGHT": "true"}


def message(**extra):
    return {"kind": "complaint", "subject": "Gropë", "text": "Te shkolla ka një gropë.", **extra}


def pdf_file(name="letra.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def multipart(client, files, locale="EN", data=None, headers=PREFLIGHT, mapping=None, **fields):
    """POST the mutation with ``files`` as ``input.attachments``, as the multipart specification says."""
    variables = {"input": {**(data or message()), "attachments": [None] * len(files)}, "locale": locale}
    body = {"operations": json.dumps({"query": SUBMIT, "variables": variables}), **fields}
    if mapping is None:
        mapping = {str(i): [f"variables.input.attachments.{i}"] for i in range(len(files))}
    if mapping is not False:
        body["map"] = json.dumps(mapping)
    body.update({str(i): file for i, file in enumerate(files)})
    return client.post("/graphql/", body, HTTP_ACCEPT="application/json", **headers)


def result(response):
    return graphql_data(response)["submitCitizenMessage"]


def errors(response):
    return {error["field"]: error["messages"] for error in result(response)["errors"]}


def test_two_files_are_stored_with_the_message(client, kinds, settings):
    response = multipart(client, [pdf_file(), SimpleUploadedFile("gropa.png", PNG, content_type="image/png")])
    assert response["Cache-Control"] == "private, no-store"
    answer = result(response)
    assert answer["errors"] == [] and answer["trackingCode"]
    stored = Message.objects.get(tracking_code=answer["trackingCode"])
    attachments = sorted(stored.attachments.all(), key=lambda a: a.name)
    assert [(a.name, a.mime_type, a.size) for a in attachments] == [
        ("gropa.png", "image/png", len(PNG)),
        ("letra.pdf", "application/pdf", len(PDF)),
    ]
    assert attachments[1].file.read() == PDF
    assert attachments[1].file.storage.location == str(settings.DOCUMENTS_ROOT)  # not public media


def test_too_many_files_are_refused_and_nothing_is_stored(client, kinds):
    response = multipart(client, [pdf_file(f"f{i}.pdf") for i in range(6)])
    assert errors(response) == {"attachments": ["You can attach at most 5 files."]}
    assert result(response)["trackingCode"] is None
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_a_file_too_big_and_too_much_in_all_are_refused(client, kinds, settings):
    settings.CITIZENS_MAX_ATTACHMENT_SIZE = len(PDF) - 1
    response = multipart(client, [pdf_file("big.pdf")])
    [text] = errors(response)["attachments"]
    assert text.startswith("“big.pdf” is too big") and "the limit is" in text

    settings.CITIZENS_MAX_ATTACHMENT_SIZE = len(PDF)
    settings.CITIZENS_MAX_ATTACHMENTS_TOTAL_SIZE = 2 * len(PDF)
    response = multipart(client, [pdf_file("a.pdf"), pdf_file("b.pdf"), pdf_file("c.pdf")])
    [text] = errors(response)["attachments"]
    assert text.startswith("The attachments come to") and "together" in text
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_the_wrong_type_is_refused_by_its_content_in_the_requests_language(client, kinds):
    disguised = SimpleUploadedFile(
        "letra.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    script = SimpleUploadedFile("photo.html", b"<script>alert(1)</script>", content_type="image/png")
    english = errors(multipart(client, [pdf_file(), disguised, script]))["attachments"]
    assert len(english) == 2
    assert "letra.pdf" in english[0] and "photo.html" in english[1] and "not accepted" in english[1]
    again = SimpleUploadedFile("photo.html", b"<script>alert(1)</script>", content_type="image/png")
    albanian = errors(multipart(client, [again], locale="SQ"))["attachments"]
    assert albanian != [english[1]] and "photo.html" in albanian[0]
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_a_multipart_request_without_a_map_or_preflight_header_is_refused(client, kinds):
    response = multipart(client, [pdf_file()], mapping=False)
    assert response.status_code == 400
    [error] = graphql_errors(response)
    assert "needs the field `map`" in error["message"]
    unplaced = multipart(client, [pdf_file()], mapping={})
    assert "`0` is not in `map`" in graphql_errors(unplaced)[0]["message"]
    # A cross-site HTML form can post multipart without a preflight: it cannot add this header.
    cross_site = multipart(client, [pdf_file()], headers={})
    assert cross_site.status_code == 415
    assert "Apollo-Require-Preflight" in graphql_errors(cross_site)[0]["message"]
    strict = multipart(client, [pdf_file()], mapping=False, HTTP_ACCEPT="application/graphql-response+json")
    assert strict.status_code == 400
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_json_requests_are_unchanged_and_cannot_pass_a_file(client, kinds):
    assert result(post(client, SUBMIT, {"input": message(), "locale": "EN"}))["errors"] == []
    as_text = post(client, SUBMIT, {"input": message(attachments=["/etc/passwd"])})
    assert "Not a file" in graphql_errors(as_text)[0]["message"]
    literal = post(
        client,
        'mutation { submitCitizenMessage(input: {kind: "complaint", subject: "s", text: "t",'
        ' attachments: ["x"]}) { trackingCode } }',
    )
    assert graphql_errors(literal)
    assert Message.objects.count() == 1 and not Attachment.objects.exists()


def test_multipart_goes_through_the_honeypot_the_rate_limits_and_the_proof_of_work(client, kinds, settings):
    robot = multipart(client, [pdf_file()], data=message(website="http://spam.example"))
    assert errors(robot) == {"__all__": ["Your message could not be accepted."]}

    settings.CITIZENS_PROOF_OF_WORK = True
    settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER = 2_000
    unproven = errors(multipart(client, [pdf_file()]))["__all__"][0]
    assert "anti-abuse check was not completed" in unproven
    solved = proof.solve(proof.new_challenge())
    assert result(multipart(client, [pdf_file()], data=message(proofOfWork=solved)))["trackingCode"]
    replayed = errors(multipart(client, [pdf_file()], data=message(proofOfWork=solved)))["__all__"][0]
    assert "already used" in replayed
    settings.CITIZENS_PROOF_OF_WORK = False

    settings.CITIZENS_RATE_PER_IP = "4/h"  # the three tries after the honeypot counted too
    assert result(multipart(client, [pdf_file()]))["trackingCode"]
    limited = errors(multipart(client, [pdf_file()]))
    assert limited == {
        "__all__": ["Too many messages were sent from your connection. Please try again later."]
    }
    assert Message.objects.count() == 2 and Attachment.objects.count() == 2


def test_a_multipart_query_is_answered_but_never_cached(client, kinds):
    body = {"operations": json.dumps({"query": "{ citizenMessageKinds { code } }"}), "map": "{}"}
    response = client.post("/graphql/", body, HTTP_ACCEPT="application/json", **PREFLIGHT)
    assert graphql_data(response)["citizenMessageKinds"]
    assert response["Cache-Control"] == "private, no-store"


def test_the_status_never_shows_attachments(client, kinds):
    code = result(multipart(client, [pdf_file("private-letter.pdf")]))["trackingCode"]
    from frontend_api.schema import schema

    fields = schema.graphql_schema.get_type("CitizenMessage").fields
    assert not [name for name in fields if "attach" in name.lower() or "file" in name.lower()]
    asked = post(
        client,
        "query ($code: String!) { citizenMessage(trackingCode: $code) { attachments } }",
        {"code": code},
    )
    assert "Cannot query field 'attachments'" in graphql_errors(asked)[0]["message"]
    status = post(
        client, "query ($c: String!) { citizenMessage(trackingCode: $c) { trackingCode reply } }", {"c": code}
    )
    assert graphql_data(status)["citizenMessage"]["trackingCode"] == code
    assert "private-letter" not in status.content.decode()
    open311 = client.get(f"/open311/v2/requests/{code}.json").json()[0]
    assert open311["media_url"] == ""
