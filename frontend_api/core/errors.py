"""Errors whose message is meant for API clients (never masked)."""

from graphql import GraphQLError


class ApiError(GraphQLError):
    """Bad input or a refused request, explained to the client."""

    def __init__(self, message, code="BAD_USER_INPUT"):
        super().__init__(message, extensions={"code": code})
