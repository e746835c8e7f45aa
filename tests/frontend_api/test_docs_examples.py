"""The example queries of docs/api.md are valid against the schema."""

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from frontend_api.schema import schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLES = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(), re.DOTALL)
OPERATIONS = [example for example in EXAMPLES if re.search(r"^\s*(query|\{)", example, re.MULTILINE)]


def test_the_docs_have_examples():
    assert len(OPERATIONS) >= 8


@pytest.mark.parametrize(
    "example", OPERATIONS, ids=lambda example: example.split("(")[0].split("{")[0].strip()
)
def test_example_is_valid(example):
    errors = validate(schema.graphql_schema, parse(example))
    assert not errors, [error.message for error in errors]
