"""Rate limits on citizens' messages, counted on the shared cache (Redis in production).

Every app server counts in the same place, so the limits hold however many
there are. A client is its address: ``REMOTE_ADDR``, or, when that is one of
``TRUSTED_PROXIES`` (addresses or networks of the load balancers in front),
the last address of ``X-Forwarded-For`` that is not a trusted proxy; a client
cannot forge its way past the limit by sending the header itself. E-mail
addresses and client addresses are counted under a keyed hash, never written
to the cache as they are.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from cms.mail import in_language

PREFIX = "citizens:rate"


def _networks():
    return [
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in settings.TRUSTED_PROXIES
        if entry.strip()
    ]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request):
    """The client's address, believing ``X-Forwarded-For`` only as far as trusted proxies wrote it."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks()
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    for address in reversed(forwarded):
        if not _is_trusted(address, networks):
            return address
    return forwarded[0] if forwarded else remote


def parse_rate(rate):
    """``"10/h"`` → (10, 3600); the period is s, m, h or d."""
    count, _slash, period = rate.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip().lower()[:1]]


def validate_rate(rate):
    """A validator for rates given in the admin: a positive count, a slash, a period."""
    try:
        count, _period = parse_rate(rate)
    except (ValueError, KeyError):
        count = 0
    if count < 1:
        raise ValidationError(
            _("Give a number of requests and a period, e.g. 100/h (period s, m, h or d)."),
            code="invalid_rate",
        )


def retry_after(rate):
    """Seconds until the counting window of ``rate`` closes: what a refused client should wait."""
    _limit, period = parse_rate(rate)
    return max(1, period - int(time.time()) % period)


def hit(scope, identity, rate):
    """Count one attempt of ``identity`` in ``scope``; False when it is over ``rate`` in this window."""
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    digest = salted_hmac(PREFIX, f"{scope}:{identity}").hexdigest()[:32]
    key = f"{PREFIX}:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=period + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 60)
        count = 1
    return count <= limit


def check_submission(request, data, language, *, per_address=True):
    """None when the message may be submitted, else the refusal in ``language``.

    ``per_address=False`` for a sender that is not one person (an Open311 client application,
    limited at its own rate by ``open311_client_wait``).
    """
    with in_language(language):
        if data.get("website"):
            # The honeypot: a field people never see, which robots fill in.
            return _("Your message could not be accepted.")
        if per_address and not hit("ip", client_address(request), settings.CITIZENS_RATE_PER_IP):
            return _("Too many messages were sent from your connection. Please try again later.")
        email = (data.get("email") or "").strip().casefold()
        if email and not hit("email", email, settings.CITIZENS_RATE_PER_EMAIL):
            return _("Too many messages were sent with this e-mail address. Please try again later.")
    return None


def open311_client_wait(client):
    """None when an Open311 client application may post one more service request, else the seconds to wait.

    Counted per client (its key, not its address: one application may serve a whole city), at its
    own rate or ``CITIZENS_RATE_PER_OPEN311_CLIENT``.
    """
    rate = client.rate_limit or settings.CITIZENS_RATE_PER_OPEN311_CLIENT
    if hit("open311", client.pk, rate):
        return None
    return retry_after(rate)


def allow_status_lookup(request):
    """Tracking codes cannot be found by trying many: lookups per client address are limited too."""
    return hit("status", client_address(request), settings.CITIZENS_RATE_STATUS_PER_IP)


def status_refusal():
    return _("Too many status lookups. Please try again later.")
