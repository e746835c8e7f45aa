"""The ceiling of bench/: a plain Django view returning a pre-serialised JSON body.

It answers exactly the bytes of a GraphQL response captured earlier in the same
run (written by bench/run.py to ``BENCH_CEILING_DIR/<name>.json``), through the
same middleware, so the cached GraphQL path can be compared with the least work
Django can do per request. Mounted only with ``BENCH=1``.
"""

import os
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse

# name → body, read once per process.
_BODIES = {}


def ceiling_dir():
    return Path(os.environ.get("BENCH_CEILING_DIR") or settings.VAR_DIR / "bench" / "ceiling")


def ceiling(request, name):
    if not settings.BENCH:
        raise Http404
    body = _BODIES.get(name)
    if body is None:
        try:
            body = _BODIES[name] = (ceiling_dir() / f"{name}.json").read_bytes()
        except FileNotFoundError:
            raise Http404(f"No body stored as {name}.json.") from None
    return HttpResponse(body, content_type="application/graphql-response+json; charset=utf-8")
