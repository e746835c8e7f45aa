"""The committed SDL file, frontend_api/schema.graphql, and its generator."""

from pathlib import Path

from graphql import print_schema

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.graphql"


def printed_schema():
    from .schema import schema

    return print_schema(schema.graphql_schema) + "\n"
