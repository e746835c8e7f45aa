"""The ``Upload`` scalar: a file sent with a GraphQL multipart request (``frontend_api/http/multipart.py``)."""

import graphene
from django.core.files.uploadedfile import UploadedFile
from graphql import GraphQLError

WHERE = "Send files as variables of a multipart request (the GraphQL multipart request specification)."


class Upload(graphene.Scalar):
    """A file sent with the request: a variable whose value is `null` in `operations` and placed by `map`
    in a `multipart/form-data` POST (https://github.com/jaydenseric/graphql-multipart-request-spec)."""

    @staticmethod
    def serialize(value):
        raise GraphQLError("Upload is an input type only.")

    @staticmethod
    def parse_value(value):
        # Only the multipart parser puts UploadedFiles in variables: a JSON string is not a file.
        if not isinstance(value, UploadedFile):
            raise GraphQLError(f"Not a file. {WHERE}")
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        raise GraphQLError(f"A file cannot be written in the query. {WHERE}")
