"""A quick p50/p95 of the search service over the evaluation set, on one database (3 rounds, after a warm-up).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_search_1k \
           .venv/bin/python manage.py shell -c "exec(open('bench/search/spot_latency.py').read())"
(the databases are those bench/search/evaluate.py makes; it is the full measurement).
"""

import json, statistics, time
from wagtail.models import Locale
from search.service import search
queries = json.load(open("bench/search/queries.json"))
queries = queries["queries"] if isinstance(queries, dict) else queries
locales = {l.language_code: l for l in Locale.objects.all()}
def loc(code):
    return locales["sr"] if code.startswith("sr") else locales[code]
for q in queries: search(q["query"], loc(q["locale"]))
times = []
for _ in range(3):
    for q in queries:
        t = time.perf_counter(); search(q["query"], loc(q["locale"])); times.append((time.perf_counter() - t) * 1000)
times.sort()
print(len(times), "p50", round(statistics.median(times), 1), "p95", round(times[int(0.95 * len(times)) - 1], 1))
