"""The search benchmark's helpers (the measurements themselves run on PostgreSQL: bench/search/evaluate.py)."""

import json
from pathlib import Path

from bench.search.evaluate import QUERIES, step_number, step_text, write


def test_tree_steps_round_trip_in_treebeards_alphabet():
    assert step_text(1) == "0001"
    assert step_text(36) == "0010"
    assert step_number("00ZZ") == 36 * 36 - 1
    assert all(step_number(step_text(number)) == number for number in (0, 35, 1296, 99_999))


def test_the_evaluation_set_covers_every_kind_of_typing():
    queries = json.loads(Path(QUERIES).read_text())["queries"]
    assert len(queries) >= 60
    kinds = {item["kind"] for item in queries}
    assert kinds == {"sq", "sq-diacritics", "sr-cyrl", "sr-latn", "sr-latn-plain", "en"}
    assert all(item["pages"] and item["locale"] in ("sq", "sr", "en") for item in queries)


def test_writing_replaces_only_its_own_section(tmp_path):
    results = tmp_path / "RESULTS.md"
    other = "<!-- bench/refused_queries.py -->\n## Refused queries\n<!-- /bench/refused_queries.py -->\n"
    results.write_text(f"# Benchmark results\n\n{other}")
    write(results, "## Search\n\nfirst\n")
    write(results, "## Search\n\nsecond\n")
    text = results.read_text()
    assert other in text and "second" in text and "first" not in text
    assert text.count("<!-- bench/search/evaluate.py -->") == 1
