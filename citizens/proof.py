"""Proof-of-work against abuse: each message costs its sender some hashing, no third-party service.

The ALTCHA scheme (the ``altcha`` package's classic SHA-256 challenge, its
``*_v1`` functions: the 2.x default adds a key derivation that the page's
small solver does not implement): the server hands out a challenge,
the SHA-256 of a random salt and a secret number below ``maxNumber``, signed
with an HMAC so it cannot be forged; the client finds the number by trying
them all (a second or so in a browser, ``static/citizens/proof-of-work.js``)
and sends it back as the base64 payload the package verifies. The salt holds an
expiry, and each solved challenge is accepted once: the challenge is marked
used on the shared cache until it expires, so one solution cannot carry a
thousand messages. ``CITIZENS_PROOF_OF_WORK`` turns the check off (the test
settings do; the production settings force it on).
"""

import base64
import datetime
import json

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

PREFIX = "citizens:pow"


def enabled():
    return settings.CITIZENS_PROOF_OF_WORK


def _key():
    return salted_hmac(PREFIX, "hmac-key").hexdigest()


def new_challenge():
    """A fresh signed challenge, as the dict the client solves (algorithm, challenge, maxNumber, salt, signature)."""
    challenge = altcha.create_challenge_v1(
        algorithm="SHA-256",
        max_number=settings.CITIZENS_PROOF_OF_WORK_MAX_NUMBER,
        hmac_key=_key(),
        expires=timezone.now() + datetime.timedelta(seconds=settings.CITIZENS_PROOF_OF_WORK_EXPIRES),
    )
    return challenge.to_dict()


def solve(challenge):
    """The payload that answers ``challenge`` (for tests, the load bench and other servers' clients)."""
    found = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        found.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()


def refusal(payload):
    """None when ``payload`` solves a challenge of ours not used before, else why not (translated)."""
    if not enabled():
        return None
    if not payload:
        return _(
            "The anti-abuse check was not completed. Please allow JavaScript on this page, "
            "wait a moment and send again."
        )
    try:
        ok, _error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
        # Once per challenge, however the payload around it is spelt.
        challenge = json.loads(base64.b64decode(payload))["challenge"]
    except (ValueError, TypeError, KeyError, AttributeError):
        ok = False
    if not ok:
        return _("The anti-abuse check failed or has expired. Please send the message again.")
    used = f"{PREFIX}:used:{challenge}"
    if not cache.add(used, 1, timeout=settings.CITIZENS_PROOF_OF_WORK_EXPIRES + 60):
        return _("This anti-abuse check was already used. Please send the message again.")
    return None
