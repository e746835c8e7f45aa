"""Measure the public APIs under gunicorn and write bench/RESULTS.md (``make bench``).

One run: prepare a database with generated content (reused while its size is
unchanged), start gunicorn with a fixed number of workers on 127.0.0.1, and
measure requests/s, p50 and p95 for

  (a) the home-page query through GraphQL,
  (b) 20 news items (title, date, summary, url, card rendition) through GraphQL
      and through Wagtail's REST API v2 with the same fields,
  (c) the ceiling: a plain Django view returning the same JSON pre-serialised,

GraphQL both uncached (every request misses the response cache and executes)
and cached (GET by persisted-query hash, answered from the response cache).
Scenarios take turns round after round; the medians of the rounds are reported
with the ratios the project targets (DESIGN.md §9).

Usage: .venv/bin/python bench/run.py [--per-type 50] [--rounds 3] [--duration 5]
                                      [--database-url postgres://...] [--tool wrk|python]
"""

import argparse
import contextlib
import datetime
import hashlib
import http.client
import json
import os
import platform
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "RESULTS.md"
HOST = "127.0.0.1"

HOME_QUERY = (
    "query Home($locale: Locale!) { homePage(locale: $locale) { title seoTitle searchDescription url intro "
    "translations { locale url } children(first: 20) { edges { node { title url } } } } }"
)
NEWS_QUERY = (
    "query News($locale: Locale!) { newsPages(locale: $locale, first: 20) { totalCount edges { node { "
    "title date summary url leadImage { rendition(preset: CARD) { url width height } } } } } }"
)
V2_NEWS = "/api/v2/pages/?" + urllib.parse.urlencode(
    {
        "type": "home.NewsPage",
        "locale": "sq",
        "fields": "_,title,date,summary,html_url,lead_image_card",
        "limit": 20,
        "order": "-date",
    }
)
VARIABLES = {"locale": "SQ"}
GRAPHQL_ACCEPT = "application/graphql-response+json"
DRAIN_SECONDS = 2


def main():
    args = parse_args()
    started = time.monotonic()
    VAR.mkdir(parents=True, exist_ok=True)
    env = environment(args)
    print(f"Database: {describe_database(env['DATABASE_URL'])}; cache: {describe_cache(env)}")
    prepare(args, env)
    tool = pick_tool(args.tool)
    print(f"Load generator: {tool}")
    server = Server(env, args.workers)
    try:
        server.start()
        scenarios, notes = build_scenarios(server)
        measured = measure(scenarios, server, tool, args)
        info = machine(env, server, tool, args)
    finally:
        server.stop()
    write_results(args, scenarios, measured, notes, info, time.monotonic() - started)
    print(f"Results written to {args.output} in {time.monotonic() - started:.0f} s.")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-type", type=int, default=50, help="pages per content type and locale (50)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of every scenario; medians reported (3)"
    )
    parser.add_argument("--duration", type=float, default=5, help="seconds per scenario and round (5)")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent connections (4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (2)")
    parser.add_argument(
        "--database-url", default="", help="a dedicated database (default: SQLite under var/bench/)"
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the database again")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto", help="load generator")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the results")
    args = parser.parse_args()
    if args.rounds < 1 or args.duration <= 0 or args.concurrency < 1 or args.workers < 1:
        parser.error("--rounds, --duration, --concurrency and --workers must be positive.")
    for url in [args.database_url] if args.database_url else []:
        if urllib.parse.urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            parser.error("--database-url must point at 127.0.0.1.")
    return args


# --- Environment and data ------------------------------------------------------


def environment(args):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "0",
            "BENCH": "1",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": args.database_url or f"sqlite:///{VAR / 'db.sqlite3'}",
            "CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(VAR / "media"),
            "BENCH_CEILING_DIR": str(VAR / "ceiling"),
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "LOG_LEVEL": "WARNING",
            "FRONTEND_CACHE_BACKEND": "",
        }
    )
    # Production shares one cache between its app servers: Redis when it runs here
    # (a key prefix of our own), else each worker's local memory.
    if redis_available():
        env["CACHE_URL"] = "redis://127.0.0.1:6379/0"
        env["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}-{int(time.time())}"
    else:
        env["CACHE_URL"] = ""
        env.pop("REDIS_URL", None)
    return env


def redis_available():
    try:
        with socket.create_connection((HOST, 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def describe_database(url):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} ({Path(parts.path).name})"
    return f"PostgreSQL at {parts.hostname}:{parts.port or 5432}{parts.path}"


def describe_cache(env):
    return (
        "Redis 127.0.0.1:6379 (shared by the workers)" if env.get("CACHE_URL") else "local memory per worker"
    )


def manage(env, *arguments):
    subprocess.run([str(BIN / "python"), "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def prepare(args, env):
    marker = VAR / "prepared.json"
    wanted = {"per_type": args.per_type, "database": env["DATABASE_URL"], "media": env["MEDIA_ROOT"]}
    if not args.rebuild and marker.exists() and json.loads(marker.read_text()) == wanted:
        print(f"Reusing the prepared database ({args.per_type} pages per type and locale).")
        return
    print(f"Preparing the database: {args.per_type} pages per content type and locale…")
    marker.unlink(missing_ok=True)
    url = env["DATABASE_URL"]
    if url.startswith("sqlite"):
        Path(urllib.parse.urlsplit(url).path).unlink(missing_ok=True)
    else:
        recreate_postgres(url)
    shutil.rmtree(VAR / "media", ignore_errors=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "bench_data", "--per-type", str(args.per_type))
    marker.write_text(json.dumps(wanted))


def recreate_postgres(url):
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- The server ------------------------------------------------------------------


class Server:
    def __init__(self, env, workers):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.process = None
        self.log = VAR / "gunicorn.log"

    def start(self):
        command = [
            str(BIN / "gunicorn"),
            "cms.wsgi:application",
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--log-level",
            "warning",
        ]
        print(f"Starting gunicorn with {self.workers} workers on {HOST}:{self.port}…")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer /healthz within 60 s; see {self.log}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- Scenarios -----------------------------------------------------------------------


class Scenario:
    """One kind of request; ``nonce`` marks the body where a unique value defeats the response cache."""

    def __init__(self, key, group, label, method, path, body=None, headers=None, nonce=False):
        self.key = key
        self.group = group
        self.label = label
        self.method = method
        self.path = path
        self.body = body
        self.headers = headers or {}
        self.nonce = nonce

    def request_body(self, value):
        if not self.nonce:
            return self.body
        return self.body.replace("__NONCE__", value)


def graphql_post(query):
    # An extra variable the operation does not declare is ignored by GraphQL but is
    # part of the response-cache key: each request misses the cache and executes.
    variables = {**VARIABLES, "nonce": "__NONCE__"}
    return json.dumps({"query": query, "variables": variables})


def apq_path(query):
    digest = hashlib.sha256(query.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    params = {"variables": json.dumps(VARIABLES), "extensions": json.dumps(extensions)}
    return "/graphql/?" + urllib.parse.urlencode(params), params


def build_scenarios(server):
    """Check every endpoint once, register the persisted queries and store the ceiling bodies."""
    graphql_headers = {"Accept": GRAPHQL_ACCEPT, "Content-Type": "application/json"}
    scenarios, notes = [], []
    ceiling_dir = VAR / "ceiling"
    ceiling_dir.mkdir(parents=True, exist_ok=True)
    bodies = {}
    for name, query, group in [("home", HOME_QUERY, "a"), ("news", NEWS_QUERY, "b")]:
        status, _, raw = server.request(
            "POST", "/graphql/", json.dumps({"query": query, "variables": VARIABLES}), graphql_headers
        )
        payload = json.loads(raw)
        if status != 200 or payload.get("errors"):
            message = "; ".join(error.get("message", "") for error in payload.get("errors", []))[:300]
            notes.append(f"({group}) GraphQL `{name}` query not available in this schema: {message}")
            continue
        uncached = Scenario(
            f"{name}-graphql",
            group,
            "GraphQL, uncached (POST, executes)",
            "POST",
            "/graphql/",
            graphql_post(query),
            graphql_headers,
            nonce=True,
        )
        path, params = apq_path(query)
        register = "/graphql/?" + urllib.parse.urlencode({**params, "query": query})
        for _ in range(server.workers * 3):  # every worker, whatever cache it uses
            server.request("GET", register, headers={"Accept": GRAPHQL_ACCEPT})
        status, headers, body = server.request("GET", path, headers={"Accept": GRAPHQL_ACCEPT})
        if status != 200 or headers.get("X-Cache") != "HIT":
            raise SystemExit(f"The persisted {name} query is not answered from the cache: {status} {headers}")
        cached = Scenario(
            f"{name}-graphql-cached",
            group,
            "GraphQL, cached (GET by APQ hash)",
            "GET",
            path,
            headers={"Accept": GRAPHQL_ACCEPT},
        )
        bodies[name] = body
        scenarios += [uncached, cached]
    status, _, body = server.request("GET", V2_NEWS)
    if status != 200:
        raise SystemExit(f"API v2 answered {status}: {body[:300]!r}")
    scenarios.append(Scenario("news-v2", "b", "Wagtail API v2 (no cache)", "GET", V2_NEWS))
    if "news" not in bodies:
        bodies["news"] = body
        notes.append("(c) The news ceiling serves API v2's response until the GraphQL news listing exists.")
    for name, body in bodies.items():
        (ceiling_dir / f"{name}.json").write_bytes(body)
        path = f"/bench/ceiling/{name}/"
        status, _, answer = server.request("GET", path)
        if status != 200 or answer != body:
            raise SystemExit(f"The ceiling view did not answer {path}: {status}")
        group = "a" if name == "home" else "b"
        scenarios.append(Scenario(f"{name}-ceiling", group, "ceiling (pre-serialised JSON)", "GET", path))
    for scenario in scenarios:
        status, headers, _ = server.request(
            scenario.method, scenario.path, scenario.request_body("check"), scenario.headers
        )
        if status != 200:
            raise SystemExit(f"{scenario.key} answered {status}")
    return sorted(scenarios, key=lambda s: s.key), notes


# --- Load generation ---------------------------------------------------------------------


def pick_tool(choice):
    if choice in ("auto", "wrk") and shutil.which("wrk"):
        return "wrk"
    if choice == "wrk" or (choice == "auto" and os.geteuid() == 0 and shutil.which("apt-get")):
        print("wrk not found: installing it with apt-get…")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if shutil.which("wrk"):
            return "wrk"
        if choice == "wrk":
            raise SystemExit("wrk is not installed and could not be installed.")
        print("wrk could not be installed: using the Python client.")
    return "python"


def measure(scenarios, server, tool, args):
    """{scenario key: [round results]}; a short warm-up first (renditions, connections, caches)."""
    run = run_wrk if tool == "wrk" else run_python
    for scenario in scenarios:
        run(server, scenario, 1.0, args.concurrency, f"warm-{scenario.key}")
    time.sleep(DRAIN_SECONDS)
    measured = {scenario.key: [] for scenario in scenarios}
    for number in range(1, args.rounds + 1):
        for scenario in scenarios:
            result = run(server, scenario, args.duration, args.concurrency, f"{os.getpid()}-{number}")
            if result["errors"]:
                raise SystemExit(f"{scenario.key}: {result['errors']} failed requests in round {number}")
            measured[scenario.key].append(result)
            # Requests still in flight when the load stops (API v2's take half a
            # second) would otherwise slow the start of the next scenario.
            time.sleep(DRAIN_SECONDS)
            print(
                f"  round {number} {scenario.key:<22} {result['rps']:8.1f} req/s"
                f"  p50 {result['p50']:6.2f} ms  p95 {result['p95']:6.2f} ms"
            )
    return measured


WRK_SCRIPT = """
local counter = 0
wrk.method = {method}
wrk.headers = {headers}
local body = {body}
local nonce = {nonce}
request = function()
  counter = counter + 1
  local payload = body
  if nonce and body then
    payload = string.gsub(body, "__NONCE__", {tag} .. "-" .. counter, 1)
  end
  return wrk.format(nil, nil, nil, payload)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nRESULT {{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def lua_string(value):
    return "nil" if value is None else json.dumps(value)


def run_wrk(server, scenario, duration, concurrency, tag):
    headers = (
        "{" + ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in scenario.headers.items()) + "}"
    )
    script = WRK_SCRIPT.format(
        method=json.dumps(scenario.method),
        headers=headers,
        body=lua_string(scenario.body),
        nonce="true" if scenario.nonce else "false",
        tag=json.dumps(tag),
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", dir=VAR, delete=False) as handle:
        handle.write(script)
    try:
        command = [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, round(duration))}s",
            "--timeout",
            "10s",
            "-s",
            handle.name,
            server.url(scenario.path),
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(handle.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    return {
        "requests": result["requests"],
        "rps": result["requests"] / (result["duration_us"] / 1e6),
        "p50": result["p50_us"] / 1000,
        "p95": result["p95_us"] / 1000,
        "errors": result["errors"],
    }


def run_python(server, scenario, duration, concurrency, tag, max_requests=200_000):
    """A small threaded client: one connection per request (gunicorn's sync workers close them anyway)."""
    latencies, errors = [], []
    counter = iter(range(max_requests))
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        while time.monotonic() < deadline:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            body = scenario.request_body(f"{tag}-{number}")
            began = time.perf_counter()
            try:
                status = server.request(scenario.method, scenario.path, body, scenario.headers)[0]
            except OSError:
                status = None
            elapsed = time.perf_counter() - began
            with lock:
                (latencies if status == 200 else errors).append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 50) * 1000,
        "p95": percentile(latencies, 95) * 1000,
        "errors": len(errors),
    }


def percentile(values, rank):
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(rank / 100 * (len(values) - 1))))]


# --- Results ------------------------------------------------------------------------------


def machine(env, server, tool, args):
    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    database = describe_database(env["DATABASE_URL"])
    if not env["DATABASE_URL"].startswith("sqlite"):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
        database = database.replace("PostgreSQL", f"PostgreSQL {version}")
    load = os.getloadavg()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "database": database,
        "cache": describe_cache(env),
        "server": f"gunicorn, {args.workers} sync workers, DEBUG off",
        "tool": f"wrk (1 thread, {args.concurrency} connections)"
        if tool == "wrk"
        else f"Python threads ({args.concurrency} concurrent)",
        "load": load,
    }


def medians(results):
    return {
        "rps": statistics.median(r["rps"] for r in results),
        "p50": statistics.median(r["p50"] for r in results),
        "p95": statistics.median(r["p95"] for r in results),
        "requests": sum(r["requests"] for r in results),
    }


def ratio_line(label, numerator, denominator, target, summary, measured):
    if numerator not in summary or denominator not in summary:
        return f"| {label} | not available | ≥ {target} | – | – |"
    value = summary[numerator]["rps"] / summary[denominator]["rps"]
    met = "met" if value >= target else "**not met**"
    rounds = ", ".join(
        f"{a['rps'] / b['rps']:.2f}" for a, b in zip(measured[numerator], measured[denominator], strict=True)
    )
    return f"| {label} | {value:.2f} | ≥ {target} | {met} | {rounds} |"


def write_results(args, scenarios, measured, notes, info, elapsed):
    summary = {key: medians(results) for key, results in measured.items()}
    command = "make bench" if os.environ.get("MAKELEVEL") else "python bench/run.py"
    arguments = " ".join(shlex.quote(arg) for arg in sys.argv[1:])
    groups = {
        "a": "(a) Home-page query",
        "b": "(b) 20 news items: title, date, summary, url, card rendition",
    }
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run.py`; run it again with `make bench` (what is measured and how: bench/README.md).",
        "",
        f"- Command: `{command}{' ' + arguments if arguments else ''}` "
        f"({args.rounds} rounds × {args.duration:g} s per scenario, medians of the rounds; "
        f"{args.per_type} pages per content type and locale; run took {elapsed:.0f} s)",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {info['nproc']} CPUs (`nproc`), {info['cpu'] or 'unknown CPU'}; {info['platform']}; "
        f"1-minute load average at the end {info['load']:.2f} (other work shares the machine)",
        f"- Python {info['python']}; {info['server']}; database {info['database']}; cache {info['cache']}",
        f"- Load generator: {info['tool']} on the same machine, targets on 127.0.0.1 only",
        "",
    ]
    for group, title in groups.items():
        lines += [
            f"## {title}",
            "",
            "| endpoint | requests/s | p50 ms | p95 ms | requests |",
            "|---|---:|---:|---:|---:|",
        ]
        for scenario in scenarios:
            if scenario.group != group:
                continue
            s = summary[scenario.key]
            lines.append(
                f"| {scenario.label} | {s['rps']:.1f} | {s['p50']:.2f} | {s['p95']:.2f} | {s['requests']} |"
            )
        lines.append("")
    lines += [
        "## Ratios (requests/s, same run)",
        "",
        "Medians of the rounds' requests/s divided; each round's own ratio beside them.",
        "",
        "| ratio | measured | target | | per round |",
        "|---|---:|---:|---|---|",
        ratio_line("(b) GraphQL uncached / API v2", "news-graphql", "news-v2", 3, summary, measured),
        ratio_line(
            "(a) GraphQL cached / ceiling", "home-graphql-cached", "home-ceiling", 0.9, summary, measured
        ),
        ratio_line(
            "(b) GraphQL cached / ceiling", "news-graphql-cached", "news-ceiling", 0.9, summary, measured
        ),
        "",
    ]
    if info["load"] > (info["nproc"] or 1):
        notes.append(
            f"The machine was busy with other work (1-minute load average {info['load']:.1f} on "
            f"{info['nproc']} CPUs): rounds vary widely, see the per-round ratios; re-run on a quiet machine."
        )
    if notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in notes] + [""]
    lines += [
        "## Rounds",
        "",
        "| scenario | " + " | ".join(f"round {n}" for n in range(1, args.rounds + 1)) + " |",
    ]
    lines.append("|---|" + "---:|" * args.rounds)
    for key, results in measured.items():
        lines.append(f"| {key} | " + " | ".join(f"{r['rps']:.1f} req/s" for r in results) + " |")
    lines.append("")
    args.output.write_text("\n".join(lines) + kept_sections(args.output))


# Sections other scripts write into the results: a run of this one keeps them.
KEPT_SECTIONS = ("bench/refused_queries.py", "bench/search/evaluate.py")


def kept_sections(path):
    """The sections bench/refused_queries.py and bench/search/evaluate.py wrote into the results, to keep them."""
    text = path.read_text() if path.exists() else ""
    kept = ""
    for name in KEPT_SECTIONS:
        begin, end = f"<!-- {name} -->", f"<!-- /{name} -->"
        if begin in text and end in text:
            kept += "\n" + begin + text.split(begin, 1)[1].split(end, 1)[0] + end + "\n"
    return kept


if __name__ == "__main__":
    main()
