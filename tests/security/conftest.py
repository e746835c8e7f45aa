"""The API tests' fixtures (fresh caches, the page tree, a private collection) for the attack suite."""

from tests.frontend_api.conftest import _fresh_caches, gql, private_collection, tree  # noqa: F401
