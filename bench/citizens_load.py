"""1,000 citizens' messages in a minute through GraphQL while SMTP is down, then SMTP back.

Starts gunicorn on 127.0.0.1 against a database of its own (PostgreSQL by
default: parallel writes are what is measured), with the e-mail going to an
SMTP port where nothing listens, and sends ``--count`` submissions spread evenly
over ``--duration`` seconds from ``--concurrency`` threads, each asking
``citizenMessageChallenge``, solving it and sending ``submitCitizenMessage``
with its ``proofOfWork``. Then it checks that every submission answered with a
tracking code, that the codes are distinct and all stored, and that no
acknowledgement went out; starts an SMTP server (aiosmtpd) on that port, runs
``send_acknowledgements`` and checks that each message got exactly one, and
that a second run sends none. Exits non-zero when a check fails. Traffic goes
to loopback only; every loop is bounded in count and time.

    .venv/bin/python bench/citizens_load.py                      # 1,000 over 60 s
    .venv/bin/python bench/citizens_load.py --count 50 --duration 10
"""

import argparse
import io
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import HOST, VAR, Server, free_port, manage, recreate_postgres, redis_available

CHALLENGE = "{ citizenMessageChallenge { algorithm challenge maxNumber salt signature } }"
SUBMIT = (
    "mutation Submit($input: CitizenMessageInput!) { submitCitizenMessage(input: $input, locale: SQ) {"
    " trackingCode errors { field messages } } }"
)
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/cms_citizens_load"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1000, help="submissions (1000)")
    parser.add_argument("--duration", type=float, default=60, help="seconds to spread them over (60)")
    parser.add_argument("--concurrency", type=int, default=16, help="client threads (16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (2)")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="dropped and created again")
    parser.add_argument(
        "--max-number", type=int, default=2000, help="proof-of-work difficulty (2000: the path, not the cost)"
    )
    return parser.parse_args()


def environment(args, smtp_port):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "0",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": args.database_url,
            "CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(VAR / "citizens-media"),
            "DOCUMENTS_ROOT": str(VAR / "citizens-documents"),
            # The acknowledgement is sent in the request, after the commit: here it meets a closed port.
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "EMAIL_URL": f"smtp://{HOST}:{smtp_port}",
            "EMAIL_TIMEOUT": "5",
            "LOG_LEVEL": "ERROR",
            "FRONTEND_CACHE_BACKEND": "",
            # One client address sends them all: the limits are not what is measured.
            "CITIZENS_RATE_PER_IP": f"{args.count * 10}/h",
            "CITIZENS_PROOF_OF_WORK": "1",
            "CITIZENS_PROOF_OF_WORK_MAX_NUMBER": str(args.max_number),
        }
    )
    if redis_available():
        env["CACHE_URL"] = "redis://127.0.0.1:6379/0"
        env["CACHE_KEY_PREFIX"] = f"citizens-load-{os.getpid()}-{int(time.time())}"
    else:
        env["CACHE_URL"] = ""
        env.pop("REDIS_URL", None)
    return env


def graphql(server, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    status, _headers, content = server.request(
        "POST", "/graphql/", body, {"Content-Type": "application/json", "Accept": "application/json"}
    )
    if status != 200:
        raise RuntimeError(f"HTTP {status}: {content[:200]!r}")
    return json.loads(content)["data"]


def submit_one(server, number):
    from citizens.proof import solve

    challenge = graphql(server, CHALLENGE)["citizenMessageChallenge"]
    data = {
        "kind": "complaint",
        "subject": f"Raportim {number}",
        "text": f"Ndriçimi publik nuk punon te hyrja {number}.",
        "email": f"qytetari{number}@example.org",
        "proofOfWork": solve(challenge),
    }
    return graphql(server, SUBMIT, {"input": data})["submitCitizenMessage"]


def run_load(server, args):
    """Send the submissions on schedule; [(number, tracking code or error, seconds)]."""
    results, lock = [], threading.Lock()
    start = time.monotonic()
    interval = args.duration / args.count
    numbers = iter(range(args.count))
    deadline = start + args.duration + 120

    def worker():
        while time.monotonic() < deadline:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            time.sleep(max(0.0, start + number * interval - time.monotonic()))
            began = time.monotonic()
            try:
                answer = submit_one(server, number)
                outcome = answer["trackingCode"] or json.dumps(answer["errors"], ensure_ascii=False)
            except Exception as error:  # every failure is a result to report
                outcome = f"error: {error}"
            with lock:
                results.append((number, outcome, time.monotonic() - began))

    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - start


def check_stored(codes, count):
    from citizens.models import Message

    stored = set(Message.objects.values_list("tracking_code", flat=True))
    sent = Message.objects.filter(acknowledgement_sent_at__isnull=False).count()
    failed = Message.objects.exclude(acknowledgement_error="").count()
    return {
        "answered with a code": len(codes) == count,
        "codes distinct": len(set(codes)) == len(codes),
        "all stored": stored == set(codes),
        "no acknowledgement while SMTP is down": sent == 0,
        "the SMTP errors recorded": failed == len(codes),
    }


def check_acknowledged(codes, smtp_port):
    from aiosmtpd.controller import Controller
    from django.core.management import call_command

    from citizens.models import Message

    class Recorder:
        def __init__(self):
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 Message accepted for delivery"

    recorder = Recorder()
    controller = Controller(recorder, hostname=HOST, port=smtp_port)
    controller.start()
    try:
        call_command("send_acknowledgements", stdout=io.StringIO())
        again = len(recorder.envelopes)
        call_command("send_acknowledgements", stdout=io.StringIO())
    finally:
        controller.stop()
    bodies = [envelope.content.decode("utf-8", "replace") for envelope in recorder.envelopes]
    mentioned = [code for code in codes if sum(code in body for body in bodies) == 1]
    return {
        "one acknowledgement each once SMTP is back": again == len(codes) and len(mentioned) == len(codes),
        "none sent twice": len(recorder.envelopes) == again,
        "all recorded sent": Message.objects.filter(acknowledgement_sent_at__isnull=True).count() == 0,
    }


def main():
    args = parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    smtp_port = free_port()
    env = environment(args, smtp_port)
    print(f"Database {urllib.parse.urlsplit(args.database_url).path.lstrip('/')}: created again, migrated…")
    recreate_postgres(args.database_url)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    os.environ.update(env)
    import django

    django.setup()
    server = Server(env, args.workers)
    server.start()
    try:
        print(f"{args.count} submissions over {args.duration:g} s, {args.concurrency} threads, SMTP down…")
        results, elapsed = run_load(server, args)
    finally:
        server.stop()
    codes = [outcome for _number, outcome, _seconds in results if len(outcome) == 9 and outcome[4] == "-"]
    failures = [outcome for _number, outcome, _seconds in results if outcome not in codes]
    latencies = sorted(seconds for _number, _outcome, seconds in results)
    print(
        f"{len(results)} answered in {elapsed:.1f} s; median {statistics.median(latencies) * 1000:.0f} ms, "
        f"slowest {latencies[-1] * 1000:.0f} ms; {len(failures)} refused or failed"
    )
    for failure in failures[:5]:
        print(f"  {failure[:200]}")
    checks = check_stored(codes, args.count)
    checks.update(check_acknowledged(codes, smtp_port))
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
