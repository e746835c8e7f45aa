"""Parsed and validated documents, cached in the process by the query's SHA-256.

A document is checked against the API's limits before anything costly runs:
first its tokens (``limits.prescan``: tokens, aliases, fields written out,
without parsing), then, parsed, its structure (``limits.measure``: depth,
fields and nodes with fragments expanded, in one linear walk). Only then is
it validated with graphql-core's rules, some of which take time quadratic in
repeated fields: an oversized document never reaches them.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, parse, validate

from ..conf import api_setting
from .limits import QueryCost, explain_aborted, measure, prescan, validation_rules


@dataclass(frozen=True)
class PreparedDocument:
    hash: str
    document: DocumentNode | None
    errors: tuple  # GraphQLErrors from parsing or validation
    # The limits' measurements: refuses an operation whose variables make it too costly.
    cost: QueryCost | None = None


def query_hash(query):
    return hashlib.sha256(query.encode()).hexdigest()


class DocumentCache:
    def __init__(self):
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, schema, query):
        digest = query_hash(query)
        key = (id(schema), digest, api_setting("INTROSPECTION"), api_setting("FIELD_SUGGESTIONS"))
        with self._lock:
            prepared = self._items.get(key)
            if prepared is not None:
                self._items.move_to_end(key)
                return prepared
        prepared = self._prepare(schema, query, digest)
        with self._lock:
            self._items[key] = prepared
            while len(self._items) > api_setting("DOCUMENT_CACHE_SIZE"):
                self._items.popitem(last=False)
        return prepared

    def clear(self):
        with self._lock:
            self._items.clear()

    @staticmethod
    def _prepare(schema, query, digest):
        errors = prescan(query)
        if errors:
            return PreparedDocument(digest, None, tuple(errors))
        try:
            document = parse(
                query,
                no_location=False,
                max_lexical_tokens=api_setting("MAX_TOKENS"),
                max_comments=api_setting("MAX_TOKENS"),
                max_source_length=api_setting("MAX_SOURCE_LENGTH"),
            )
        except GraphQLError as error:
            return PreparedDocument(digest, None, (error,))
        cost = measure(schema, document)
        if cost.errors:
            return PreparedDocument(digest, document, cost.errors, cost)
        errors = validate(
            schema,
            document,
            rules=validation_rules(),
            max_errors=50,
            hide_suggestions=not api_setting("FIELD_SUGGESTIONS"),
        )
        return PreparedDocument(digest, document, tuple(explain_aborted(errors)), cost)


documents = DocumentCache()
