"""The API tests' fixtures (fresh caches, the page tree, a private collection) for the attack suite."""

import pytest

from tests.frontend_api.conftest import _fresh_caches, gql, private_collection, tree  # noqa: F401


@pytest.fixture
def unlimited_api(settings):
    """The API's limits lifted, for the crawls that ask every field of every root field at once."""
    settings.FRONTEND_API = {
        **settings.FRONTEND_API,
        "MAX_FIELDS": 100_000,
        "MAX_TOKENS": 1_000_000,
        "MAX_SOURCE_LENGTH": 10_000_000,
        "MAX_DEPTH": 50,
        "MAX_ALIASES": 100_000,
        "MAX_NODES": 100_000_000,
        "MAX_VALIDATION_WORK": 100_000_000,
    }
