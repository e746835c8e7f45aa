"""How fast the GraphQL endpoint refuses oversized and costly queries.

    .venv/bin/python bench/refused_queries.py [--rounds 25] [--write]

Posts each query to /graphql/ through Django's test client (the whole
middleware stack and the real view, DEBUG off), round after round, the
queries taking turns, and prints the median time from request to response,
side by side with two accepted queries of the same run (anchors): ``{
__typename }`` and a 20-item news listing, both executed (an extra variable
makes every request miss the response cache). Before every request the
parsed-document cache is emptied: an attacker changes a space to miss it, so
each refusal is timed from the raw text. ``--write`` puts the table into
bench/RESULTS.md, between the markers of this script (``make bench`` keeps
that section).

The database is SQLite under var/bench/ (migrated on the first run), with no
content: the anchors run their SQL on empty tables. Only the ratios to the
anchors and the medians mean much on a shared machine.
"""

import argparse
import datetime
import json
import logging
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench"
VAR.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{(VAR / 'refused.sqlite3').as_posix()}")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.test import Client  # noqa: E402

from frontend_api.http import cache as response_cache  # noqa: E402
from frontend_api.http.documents import documents  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- bench/refused_queries.py -->", "<!-- /bench/refused_queries.py -->"
ACCEPT = "application/graphql-response+json"
TARGET_MS = 50

MULTIPLYING = (
    "{ events(first: 100) { edges { node { parent { children(first: 100) { edges { node { "
    "parent { children(first: 100) { edges { node { title } } } } } } } } } } } }"
)


def fragment_chain(length, fan_out=1):
    fragments = " ".join(
        f"fragment F{i} on Page {{ {' '.join([f'...F{i + 1}'] * fan_out)} }}" for i in range(length)
    )
    return f"{{ homePage {{ ...F0 }} }} {fragments} fragment F{length} on Page {{ title }}"


ANCHORS = {
    "typename": ("`{ __typename }`", "{ __typename }"),
    "listing": (
        "20 news items with the card rendition",
        "{ newsPages(first: 20) { totalCount edges { node { title date summary url "
        "leadImage { rendition(preset: CARD) { url width height } } } } } }",
    ),
}
REFUSED = {
    "multiplying": ("the review's query: 3 nested pages of 100 (161 bytes)", MULTIPLYING),
    "aliased": (
        "the same under 30 aliases (5 KB)",
        "{ " + " ".join(f"a{i}: {MULTIPLYING[2:-2]}" for i in range(30)) + " }",
    ),
    "repeated-20kb": (
        "20 KB of one repeated field (3,301 fields)",
        "{ homePage { " + "title " * 3300 + "} }",
    ),
    "under-max-tokens": (
        "4,992 tokens (of 5,000) of repeated `__typename`",
        "{ " + "__typename " * 4990 + "}",
    ),
    "over-max-tokens": ("5,003 tokens", "{ " + "__typename " * 5001 + "}"),
    "fragment-chain": ("551 fragments, each spreading the next (18 KB)", fragment_chain(550)),
    "fragment-fan-out": (
        "15 fragments, each spreading the next 4 times (4^14 fields)",
        fragment_chain(14, fan_out=4),
    ),
    "repeated-499": (
        "499 repeated fields: within the field limit, 124,000 field pairs to compare",
        "{ homePage { " + "title " * 498 + "} }",
    ),
}


def main():
    args = parse_args()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # no "Bad Request" line per refusal
    migrate()
    client = Client()
    queries = {**ANCHORS, **REFUSED}
    if args.only:
        queries = {key: value for key, value in queries.items() if key in args.only or key in ANCHORS}
    timings = {key: [] for key in queries}
    outcomes = {}
    for key, (_, query) in queries.items():  # warm-up: imports, the schema, first SQL
        outcomes[key] = post(client, query, 0)[1]
    started = time.monotonic()
    for round_number in range(1, args.rounds + 1):
        for key, (_, query) in queries.items():
            elapsed, outcome = post(client, query, round_number)
            timings[key].append(elapsed)
            outcomes[key] = outcome
    table = report(args, queries, timings, outcomes, time.monotonic() - started)
    print(table)
    if args.write:
        write(table)
        print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--only", nargs="*", help="measure only these refused queries (and the anchors)")
    parser.add_argument("--write", action="store_true", help="put the results into bench/RESULTS.md")
    return parser.parse_args()


def migrate():
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Migrating the benchmark database (first run only)...", file=sys.stderr)
        call_command("migrate", verbosity=0, interactive=False)


def post(client, query, round_number):
    """(milliseconds, outcome) of one request: every time a new document and a response-cache miss."""
    documents.clear()
    response_cache.clear_local()
    body = json.dumps({"query": query, "variables": {"benchRound": round_number}})
    started = time.perf_counter()
    response = client.post("/graphql/", data=body, content_type="application/json", HTTP_ACCEPT=ACCEPT)
    elapsed = (time.perf_counter() - started) * 1000
    errors = response.json().get("errors") or []
    if response.status_code == 200 and not errors:
        return elapsed, "accepted"
    message = errors[0]["message"] if errors else response.content.decode()[:80]
    return elapsed, f"{response.status_code}: {message}"


def report(args, queries, timings, outcomes, elapsed):
    anchor = statistics.median(timings["typename"])
    load = os.getloadavg()[0]
    lines = [
        f"- Command: `.venv/bin/python bench/refused_queries.py --rounds {args.rounds}"
        f"{' --only ' + ' '.join(args.only) if args.only else ''}` ({args.rounds} rounds, the queries taking "
        f"turns; medians; run took {elapsed:.0f} s)",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPUs, "
        f"1-minute load average at the end {load:.2f}; Python {platform.python_version()}, "
        f"SQLite, Django test client, DEBUG {settings.DEBUG}",
        f"- Target: every refusal under {TARGET_MS} ms.",
        "",
        "| query | outcome | median ms | min ms | × `{ __typename }` |",
        "|---|---|---:|---:|---:|",
    ]
    for key, (label, _) in queries.items():
        median = statistics.median(timings[key])
        outcome = outcomes[key]
        if key in ANCHORS:
            verdict = "accepted (anchor)" if outcome == "accepted" else f"anchor failed: {outcome}"
        elif outcome == "accepted":
            verdict = "**accepted**"
        else:
            verdict = shorten(outcome) + ("" if median < TARGET_MS else f" (**over {TARGET_MS} ms**)")
        lines.append(
            f"| {key}: {label} | {verdict} | {median:.2f} | {min(timings[key]):.2f} | {median / anchor:.2f} |"
        )
    return "\n".join(lines)


def shorten(outcome, length=90):
    return outcome if len(outcome) <= length else outcome[: length - 1] + "…"


def write(table):
    section = (
        f"{BEGIN}\n## Refused queries\n\n"
        "Written by `bench/refused_queries.py --write` (what is measured and how: its docstring and "
        "bench/README.md); `make bench` keeps this section.\n\n"
        f"{table}\n{END}\n"
    )
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        text = before + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)


if __name__ == "__main__":
    main()
