"""The proof-of-work on both ways in: missing, forged, expired or replayed solutions are refused."""

import base64
import json

import pytest

from citizens import proof
from citizens.models import Message
from tests.frontend_api.conftest import graphql_data, post

pytestmark = pytest.mark.django_db

CHALLENGE = "{ citizenMessageChallenge { algorithm challenge maxNumber salt signature } }"
SUBMIT = """
mutation Submit($input: CitizenMessageInput!, $locale: Locale) {
  submitCitizenMessage(input: $input, locale: $locale) { trackingCode errors { field messages } }
}
"""


@pytest.fixture(autouse=True)
def _proof_on(settings):
    settings.CITIZENS_PROOF_OF_WORK = True
    settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER = 2_000  # a quick search: the scheme, not the cost


def api_challenge(client):
    return graphql_data(post(client, CHALLENGE))["citizenMessageChallenge"]


def api_submit(client, locale="EN", **extra):
    data = {"kind": "question", "subject": "Orari", "text": "Kur punon zyra?", **extra}
    return graphql_data(post(client, SUBMIT, {"input": data, "locale": locale}))["submitCitizenMessage"]


def refusal(result):
    assert result["trackingCode"] is None
    [error] = result["errors"]
    assert error["field"] == "__all__"
    return error["messages"][0]


def test_the_api_accepts_a_solved_challenge_once(client, kinds):
    challenge = api_challenge(client)
    assert challenge["algorithm"] == "SHA-256" and challenge["maxNumber"] == 2_000
    solution = proof.solve(challenge)
    accepted = api_submit(client, proofOfWork=solution)
    assert accepted["errors"] == [] and accepted["trackingCode"]
    replayed = api_submit(client, proofOfWork=solution)
    assert refusal(replayed) == "This anti-abuse check was already used. Please send the message again."
    # Spelt differently, the same solution is still the same challenge.
    respelt = base64.b64encode(json.dumps(json.loads(base64.b64decode(solution)), indent=1).encode()).decode()
    assert "already used" in refusal(api_submit(client, proofOfWork=respelt))
    assert Message.objects.count() == 1


def test_the_api_refuses_a_missing_or_forged_solution(client, kinds):
    assert refusal(api_submit(client)).startswith("The anti-abuse check was not completed.")
    challenge = api_challenge(client)
    payload = json.loads(base64.b64decode(proof.solve(challenge)))
    wrong_number = {**payload, "number": payload["number"] + 1}
    forged = {**payload, "signature": "0" * 64}
    for bad in (wrong_number, forged):
        encoded = base64.b64encode(json.dumps(bad).encode()).decode()
        assert "failed or has expired" in refusal(api_submit(client, proofOfWork=encoded))
    assert "failed or has expired" in refusal(api_submit(client, proofOfWork="not base64 at all!"))
    assert Message.objects.count() == 0


def test_an_expired_challenge_is_refused(client, kinds, settings):
    settings.CITIZENS_PROOF_OF_WORK_EXPIRES = -5
    solution = proof.solve(api_challenge(client))
    assert "failed or has expired" in refusal(api_submit(client, proofOfWork=solution))


def test_a_challenge_from_another_server_is_refused(client, kinds, settings):
    solution = proof.solve(api_challenge(client))
    settings.SECRET_KEY = "another-secret"
    assert "failed or has expired" in refusal(api_submit(client, proofOfWork=solution))


def site_form(**extra):
    return {"kind": "complaint", "subject": "Gropë", "text": "Te shkolla.", "website": "", **extra}


def page_challenge(html):
    marker = 'id="proof-of-work-challenge" type="application/json">'
    return json.loads(html.split(marker, 1)[1].split("</script>", 1)[0])


def test_the_site_form_carries_a_challenge_and_our_own_solver(client, site, kinds):
    html = client.get("/en/citizens/").content.decode()
    assert 'name="proof_of_work"' in html and 'data-proof-of-work="proof-of-work-challenge"' in html
    assert '/static/citizens/proof-of-work.js" nonce="' in html
    challenge = page_challenge(html)

    refused = client.post("/en/citizens/", site_form()).content.decode()
    assert "The anti-abuse check was not completed." in refused
    assert page_challenge(refused)["challenge"] != challenge["challenge"]  # a fresh one to solve

    solution = proof.solve(challenge)
    response = client.post("/en/citizens/", site_form(proof_of_work=solution))
    assert response.status_code == 302 and Message.objects.count() == 1
    again = client.post("/en/citizens/", site_form(proof_of_work=solution)).content.decode()
    assert "already used" in again and Message.objects.count() == 1


def test_off_no_challenge_is_asked(client, site, kinds, settings):
    settings.CITIZENS_PROOF_OF_WORK = False
    assert 'name="proof_of_work"' not in client.get("/en/citizens/").content.decode()
    assert api_submit(client)["trackingCode"]
