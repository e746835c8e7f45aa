"""The /graphql/ endpoint: HTTP handling, limits, caching, persisted queries."""
