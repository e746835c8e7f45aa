"""The office's terms in Albanian, Serbian (Cyrillic and Latin) and English.

``home/data/glossary.csv`` is a copy of the office's glossary; demo data,
translators' tooling and the transliteration tests read it from here.
"""

import csv
from functools import cache
from pathlib import Path

GLOSSARY_CSV = Path(__file__).parent / "data" / "glossary.csv"
# Content locales map onto glossary columns (Serbian content is Cyrillic).
COLUMNS = {"sq": "sq", "sr": "sr_cyrl", "sr_cyrl": "sr_cyrl", "sr_latn": "sr_latn", "en": "en"}


@cache
def load_glossary():
    with GLOSSARY_CSV.open(encoding="utf-8") as fh:
        return {row["key"]: row for row in csv.DictReader(fh)}


def term(key, language):
    return load_glossary()[key][COLUMNS[language]]


def terms(key):
    """The term in every content language: {"sq": ..., "sr": ..., "en": ...}."""
    row = load_glossary()[key]
    return {"sq": row["sq"], "sr": row["sr_cyrl"], "en": row["en"]}
