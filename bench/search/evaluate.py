"""Search quality and speed on PostgreSQL: recall@3 and MRR over the demo data, latency at 1k and 50k pages.

One run (``make bench`` runs it after bench/run.py; bench/README.md):

1. Databases of its own on the PostgreSQL server of ``--database-url``
   (``<name>_demo``, ``<name>_1k``, ``<name>_50k``), made once and reused
   while this file's recipe stays the same (``--rebuild`` makes them again):
   the demo data (``load_demo_data``, indexed as the task worker would); the
   demo data plus ``bench_data --per-type 33`` (about 1,250 pages); that
   database with its generated pages copied in SQL up to about 50,000 pages
   (see ``copy_pages``).
2. Quality: every query of ``queries.json`` through ``search.service.search``
   on the demo database; recall@3 (of the pages a query must find, the share
   in the first three results, out of at most three) and MRR (1 / the rank of
   the first page it must find, 0 when it is not in the first 10), overall and
   per kind of typing.
3. Speed: every query, ``--rounds`` times after one warm-up, through the
   service and through the site's /search/ page (Django's test client, all the
   middleware), on the 1k and on the 50k database; p50 and p95, and the ratio
   of the 50k p95 to the 1k p95.

Usage: .venv/bin/python bench/search/evaluate.py [--database-url postgres://postgres@127.0.0.1:5432/cms_search]
                                                 [--rounds 5] [--rebuild] [--write] [--verbose]
"""

import argparse
import datetime
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
VAR = ROOT / "var" / "bench"
QUERIES = Path(__file__).resolve().parent / "queries.json"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = ("<!-- bench/search/evaluate.py -->", "<!-- /bench/search/evaluate.py -->")

# The recipe of the databases: changing it makes them again.
RECIPE = {"version": 1, "per_type_1k": 33, "pages_50k": 50_000}
TARGETS = {"recall": 0.9, "mrr": 0.8, "p95_ratio": 3}
# Timed on their own: one word that most generated pages hold (their issuing body, "Kuvendi i
# Komunës"), the worst case for a backend that ranks every match before it takes the first ones.
BROAD_QUERIES = [{"query": "kuvendi", "locale": "sq"}, {"query": "komunes", "locale": "sq"}]
BROAD_REPEAT = 5
RANKED = 10


def main():
    args = parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.rounds)))
        return
    started = time.monotonic()
    databases = prepare(args)
    quality = child(databases["demo"], "quality", args.rounds)
    speed = {size: child(databases[size], "speed", args.rounds) for size in ("1k", "50k")}
    text = report(args, quality, speed, time.monotonic() - started)
    print(text)
    if args.verbose:
        for row in quality["queries"]:
            if row["recall"] < 1 or row["rr"] < 1:
                print(f"  {row['kind']:<14} {row['query']!r}: recall {row['recall']:.2f}, rr {row['rr']:.2f}")
                print(f"    wanted {row['pages']}\n    got    {row['found'][:5]}")
    if args.write:
        write(args.output, text)
        print(f"Written into {args.output}.")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/cms_search",
        help="PostgreSQL server and name prefix of the databases (made and dropped by this script)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of every query (5)")
    parser.add_argument("--rebuild", action="store_true", help="make the databases again")
    parser.add_argument("--write", action="store_true", help="put the results into bench/RESULTS.md")
    parser.add_argument("--output", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true", help="list the queries that miss")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    parts = urllib.parse.urlsplit(args.database_url)
    if parts.scheme not in ("postgres", "postgresql") or parts.hostname not in ("127.0.0.1", "localhost"):
        parser.error("--database-url must be a PostgreSQL database on 127.0.0.1.")
    if args.rounds < 1:
        parser.error("--rounds must be positive.")
    return args


# --- Databases -----------------------------------------------------------------------


def database_url(base, suffix):
    parts = urllib.parse.urlsplit(base)
    return parts._replace(path=f"{parts.path.rstrip('/')}_{suffix}").geturl()


def environment(url):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": url,
            "DEBUG": "0",
            "BENCH": "0",
            "ALLOWED_HOSTS": "localhost,testserver",
            "MEDIA_ROOT": str(VAR / "search-media"),
            "CACHE_URL": "",
            "LOG_LEVEL": "WARNING",
            "FRONTEND_CACHE_BACKEND": "",
            # Indexing is done once per database below, the way the task worker does it.
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def manage(url, *arguments):
    subprocess.run(
        [str(BIN / "python"), "manage.py", *arguments],
        cwd=ROOT,
        env=environment(url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def admin_connection(base):
    import psycopg

    parts = urllib.parse.urlsplit(base)
    return psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True)


def create(base, url, template=None):
    from psycopg import sql

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with admin_connection(base) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            source = urllib.parse.urlsplit(template).path.lstrip("/")
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(source))
        connection.execute(statement)


def prepare(args):
    VAR.mkdir(parents=True, exist_ok=True)
    marker = VAR / "search-prepared.json"
    databases = {size: database_url(args.database_url, size) for size in ("demo", "1k", "50k")}
    wanted = {**RECIPE, "databases": databases}
    if not args.rebuild and marker.exists() and json.loads(marker.read_text()) == wanted:
        print("Reusing the search databases.")
        for url in databases.values():
            manage(url, "migrate", "--noinput", "--verbosity", "0")
        return databases
    marker.unlink(missing_ok=True)
    print("Demo database: migrate, load_demo_data, update_index…")
    create(args.database_url, databases["demo"])
    manage(databases["demo"], "migrate", "--noinput", "--verbosity", "0")
    manage(databases["demo"], "load_demo_data")
    manage(databases["demo"], "update_index", "--verbosity", "0")
    print(f"1k database: the demo data and bench_data --per-type {RECIPE['per_type_1k']}…")
    create(args.database_url, databases["1k"], template=databases["demo"])
    manage(databases["1k"], "bench_data", "--per-type", str(RECIPE["per_type_1k"]))
    manage(databases["1k"], "update_index", "--verbosity", "0")
    print(f"50k database: the 1k database with its generated pages copied to {RECIPE['pages_50k']} pages…")
    create(args.database_url, databases["50k"], template=databases["1k"])
    copy_pages(databases["50k"], RECIPE["pages_50k"])
    marker.write_text(json.dumps(wanted))
    return databases


# Treebeard's path alphabet and step length (wagtail's Page).
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def step_number(step):
    return sum(ALPHABET.index(char) * len(ALPHABET) ** i for i, char in enumerate(reversed(step)))


def step_text(number):
    digits = []
    for _ in range(STEP):
        number, digit = divmod(number, len(ALPHABET))
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


def quote(name):
    return f'"{name}"'


def copy_pages(url, target):
    """Copy bench_data's pages (and their index entries) in SQL until the database has ``target`` pages.

    ``bench_data`` creates a page in about 60 ms on the busy 2-core machine and
    indexing takes 45 ms more, well over an hour for 50,000 pages; the copies take
    seconds and hold the same text, so the index has the same words in the same
    proportions, only more of them. Each copy is a sibling of its source with
    its own id, tree path, slug, URL path and translation key (shared by the
    copies of one translation group); its specific row (the content type's
    table) and index entry are copies of the source's. Topics (many-to-many)
    and revisions are not copied: search reads neither.
    """
    import psycopg

    with psycopg.connect(url) as connection:
        cursor = connection.cursor()
        columns = [
            column.name for column in cursor.execute("SELECT * FROM wagtailcore_page LIMIT 0").description
        ]
        sources = cursor.execute(
            "SELECT * FROM wagtailcore_page WHERE title LIKE 'Bench %%' AND depth > 2 ORDER BY id"
        ).fetchall()
        total, base = cursor.execute("SELECT count(*), max(id) + 1 FROM wagtailcore_page").fetchone()
        copies = math.ceil((target - total) / len(sources))
        index = {name: i for i, name in enumerate(columns)}
        next_step = {}
        for (path,) in cursor.execute("SELECT path FROM wagtailcore_page"):
            parent = path[:-STEP]
            next_step[parent] = max(next_step.get(parent, 0), step_number(path[-STEP:]) + 1)
        rows, ids = [], []
        for copy in range(1, copies + 1):
            for source in sources:
                row = list(source)
                parent = row[index["path"]][:-STEP]
                row[index["id"]] = new_id = row[index["id"]] + copy * base
                row[index["path"]] = parent + step_text(next_step[parent])
                next_step[parent] += 1
                slug = f"{row[index['slug']]}-copy-{copy}"
                parent_url = row[index["url_path"]].rstrip("/").rsplit("/", 1)[0]
                row[index["slug"]], row[index["url_path"]] = slug, f"{parent_url}/{slug}/"
                row[index["translation_key"]] = uuid.uuid5(row[index["translation_key"]], str(copy))
                rows.append(row)
                ids.append((source[index["id"]], new_id, source[index["content_type_id"]]))
        with cursor.copy(f"COPY wagtailcore_page ({', '.join(map(quote, columns))}) FROM STDIN") as copy_in:
            for row in rows:
                copy_in.write_row(row)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), (SELECT max(id) FROM wagtailcore_page))"
        )
        cursor.execute("CREATE TEMP TABLE copies (old_id integer, new_id integer, content_type_id integer)")
        with cursor.copy("COPY copies FROM STDIN") as copy_in:
            for row in ids:
                copy_in.write_row(row)
        tables = cursor.execute(
            "SELECT DISTINCT app_label || '_' || model FROM django_content_type "
            "WHERE id IN (SELECT content_type_id FROM copies)"
        ).fetchall()
        for (table,) in tables:
            names = [c.name for c in cursor.execute(f"SELECT * FROM {table} LIMIT 0").description]
            others = [quote(name) for name in names if name != "page_ptr_id"]
            cursor.execute(
                f"INSERT INTO {table} (page_ptr_id, {', '.join(others)}) "
                f"SELECT copies.new_id, {', '.join('t.' + name for name in others)} "
                f"FROM {table} t JOIN copies ON copies.old_id = t.page_ptr_id"
            )
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry "
            "(content_type_id, object_id, title_norm, autocomplete, title, body, title_text, body_text) "
            "SELECT e.content_type_id, copies.new_id::text, e.title_norm, e.autocomplete, e.title, e.body, "
            "e.title_text, e.body_text FROM wagtailsearch_indexentry e "
            "JOIN copies ON e.object_id = copies.old_id::text AND e.content_type_id = copies.content_type_id"
        )
        cursor.execute(
            "UPDATE wagtailcore_page parent SET numchild = (SELECT count(*) FROM wagtailcore_page child "
            "WHERE child.path LIKE parent.path || '____') "
            "WHERE parent.path IN (SELECT substr(path, 1, length(path) - 4) FROM wagtailcore_page "
            "WHERE id IN (SELECT new_id FROM copies))"
        )
        connection.commit()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


# --- Measuring (in a child process set up for one database) ------------------------------


def child(url, what, rounds):
    command = [str(BIN / "python"), __file__, "--measure", what, "--rounds", str(rounds)]
    output = subprocess.run(
        command, cwd=ROOT, env=environment(url), check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def measure(what, rounds):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    queries = json.loads(QUERIES.read_text())["queries"]
    return quality(queries) if what == "quality" else speed(queries, rounds)


def _locales():
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


def quality(queries):
    from search.service import search

    locales = _locales()
    rows = []
    for item in queries:
        found = [result.url for result in search(item["query"], locales[item["locale"]], first=RANKED)]
        wanted = set(item["pages"])
        recall = len(wanted & set(found[:3])) / min(3, len(wanted))
        rank = next((position for position, url in enumerate(found, start=1) if url in wanted), None)
        rows.append({**item, "found": found, "recall": recall, "rr": 1 / rank if rank else 0.0})
    return {"queries": rows}


def speed(queries, rounds):
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from search.service import search

    locales = _locales()
    client = Client()
    prefixes = {code: "" if code == "sq" else f"/{code}" for code in locales}
    timings = {"service": [], "site": [], "broad": []}

    def service(item):
        search(item["query"], locales[item["locale"]])

    def site(item):
        response = client.get(f"{prefixes[item['locale']]}/search/", {"query": item["query"]})
        if response.status_code != 200:
            raise SystemExit(f"/search/ answered {response.status_code} for {item['query']!r}")

    for item in queries:  # warm-up: connections, caches, the planner's statistics
        service(item)
        site(item)
    for item in BROAD_QUERIES:
        service(item)
    for _ in range(rounds):
        for item in queries:
            for name, run in (("service", service), ("site", site)):
                timings[name].append(timed(run, item))
        for item in BROAD_QUERIES * BROAD_REPEAT:
            timings["broad"].append(timed(service, item))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM wagtailsearch_indexentry")
        (entries,) = cursor.fetchone()
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    return {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "live": Page.objects.filter(depth__gt=1, live=True).count(),
        "entries": entries,
        "postgres": version,
        "samples": len(timings["service"]),
        **{
            name: {"p50": percentile(values, 50), "p95": percentile(values, 95)}
            for name, values in timings.items()
        },
    }


def timed(run, item):
    began = time.perf_counter()
    run(item)
    return (time.perf_counter() - began) * 1000


def percentile(values, rank):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(rank / 100 * (len(values) - 1))))]


# --- Report ---------------------------------------------------------------------------------


def report(args, quality, speed, elapsed):
    rows = quality["queries"]
    recall = statistics.mean(row["recall"] for row in rows)
    mrr = statistics.mean(row["rr"] for row in rows)
    ratio = speed["50k"]["service"]["p95"] / speed["1k"]["service"]["p95"]
    site_ratio = speed["50k"]["site"]["p95"] / speed["1k"]["site"]["p95"]
    broad_ratio = speed["50k"]["broad"]["p95"] / speed["1k"]["broad"]["p95"]
    command = "make bench" if os.environ.get("MAKELEVEL") else "python bench/search/evaluate.py"
    command = " ".join([command, *(shlex.quote(argument) for argument in sys.argv[1:])])
    lines = [
        "## Search",
        "",
        "Written by `bench/search/evaluate.py --write` (what is measured and how: its docstring and "
        "bench/README.md); `make bench` runs it after the API benchmark.",
        "",
        f"- Command: `{command}` ({args.rounds} timed runs of each of the {len(rows)} queries per database, "
        f"after one warm-up; run took {elapsed:.0f} s)",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPUs, 1-minute "
        f"load average at the end {os.getloadavg()[0]:.2f}; PostgreSQL {speed['1k']['postgres']}",
        "",
        "| measure | value | target | |",
        "|---|---:|---:|---|",
        met_line("recall@3", recall, TARGETS["recall"]),
        met_line("MRR (first 10 results)", mrr, TARGETS["mrr"]),
        met_line("p95 50k / p95 1k (service)", ratio, TARGETS["p95_ratio"], higher=False),
        f"| p95 50k / p95 1k (/search/ page) | {site_ratio:.2f} | | |",
        f"| p95 50k / p95 1k (service, broad one-word queries) | {broad_ratio:.2f} | | |",
        "",
        "| kind of typing | queries | recall@3 | MRR |",
        "|---|---:|---:|---:|",
    ]
    kinds = {}
    for row in rows:
        kinds.setdefault(row["kind"], []).append(row)
    for kind, group in kinds.items():
        lines.append(
            f"| {kind} | {len(group)} | {statistics.mean(r['recall'] for r in group):.2f} "
            f"| {statistics.mean(r['rr'] for r in group):.2f} |"
        )
    lines += [
        "",
        "| database | pages (live) | index entries | service p50 ms | service p95 ms | /search/ p50 ms "
        "| /search/ p95 ms | broad p50 ms | broad p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, result in speed.items():
        lines.append(
            f"| {size} | {result['pages']} ({result['live']}) | {result['entries']} "
            f"| {result['service']['p50']:.1f} | {result['service']['p95']:.1f} "
            f"| {result['site']['p50']:.1f} | {result['site']['p95']:.1f} "
            f"| {result['broad']['p50']:.1f} | {result['broad']['p95']:.1f} |"
        )
    misses = [row for row in rows if row["recall"] < 1 or row["rr"] < 1]
    if misses:
        lines += ["", "Queries below recall 1 or reciprocal rank 1 (first results found):", ""]
        for row in misses:
            lines.append(
                f"- `{row['query']}` ({row['kind']}): recall@3 {row['recall']:.2f}, reciprocal rank "
                f"{row['rr']:.2f}; found {', '.join(row['found'][:3]) or 'nothing'}"
            )
    return "\n".join(lines) + "\n"


def met_line(label, value, target, higher=True):
    met = value >= target if higher else value <= target
    return (
        f"| {label} | {value:.2f} | {'≥' if higher else '≤'} {target} | {'met' if met else '**not met**'} |"
    )


def write(path, text):
    """Replace (or add) this script's section of RESULTS.md, keeping the rest."""
    begin, end = SECTION
    current = path.read_text() if path.exists() else ""
    section = f"{begin}\n{text}{end}\n"
    if begin in current and end in current:
        before, rest = current.split(begin, 1)
        current = before + section + rest.split(end, 1)[1].lstrip("\n")
    else:
        current = current.rstrip("\n") + "\n\n" + section
    path.write_text(current)


if __name__ == "__main__":
    main()
