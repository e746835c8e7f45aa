"""A quick p50/p95 of the search service over the evaluation set, on one database (3 rounds, after a warm-up).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_search_1k \\
           .venv/bin/python manage.py shell -c "exec(open('bench/search/spot_latency.py').read())"
(the databases are those bench/search/evaluate.py makes; it is the full measurement).
"""

import json
import statistics
import time
from pathlib import Path

from wagtail.models import Locale

from search.service import search

ROUNDS = 3
QUERIES = json.loads(Path("bench/search/queries.json").read_text())["queries"]
LOCALES = {locale.language_code: locale for locale in Locale.objects.all()}


def content_locale(code):
    """Serbian Latin searches the Serbian pages."""
    return LOCALES["sr"] if code.startswith("sr") else LOCALES[code]


def timed(item):
    start = time.perf_counter()
    search(item["query"], content_locale(item["locale"]))
    return (time.perf_counter() - start) * 1000


for item in QUERIES:
    timed(item)
times = sorted(timed(item) for _round in range(ROUNDS) for item in QUERIES)
p95 = times[max(0, int(0.95 * len(times)) - 1)]
print(f"{len(times)} searches: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")
