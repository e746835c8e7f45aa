"""Relay connections over querysets: `first`/`after`, at most MAX_PAGE_SIZE, `totalCount`.

Two queries per connection whatever its length: a COUNT and a slice.
"""

import graphene
from graphql_relay import cursor_to_offset, offset_to_cursor

from ..conf import api_setting
from .errors import ApiError


class CountableConnection(graphene.relay.Connection):
    """A page of results with the total count of matching items."""

    class Meta:
        abstract = True

    total_count = graphene.Int(required=True, description="Number of items matching, over all pages.")


def connection_for(node_type, name=None, description=None):
    """A connection type for ``node_type`` with ``totalCount``."""
    name = name or f"{node_type._meta.name}Connection"
    meta = type(
        "Meta",
        (),
        {
            "node": node_type,
            "name": name,
            "description": description or f"A page of {node_type._meta.name} items.",
        },
    )
    return type(name, (CountableConnection,), {"Meta": meta})


def connection_field(connection_type, description, **arguments):
    return graphene.Field(
        graphene.NonNull(connection_type),
        description=description,
        first=graphene.Int(description=f"Number of items, 1 to {api_setting('MAX_PAGE_SIZE')}."),
        after=graphene.String(description="Cursor of the item after which to start."),
        **arguments,
    )


def page_size(first):
    maximum = api_setting("MAX_PAGE_SIZE")
    if first is None:
        return min(api_setting("DEFAULT_PAGE_SIZE"), maximum)
    if first < 1 or first > maximum:
        raise ApiError(f"`first` must be between 1 and {maximum}, got {first}.")
    return first


def resolve_connection(connection_type, queryset, first=None, after=None, prepare=None):
    """Slice ``queryset`` into ``connection_type``; ``prepare(items)`` batch-loads what the nodes need."""
    limit = page_size(first)
    start = 0
    if after is not None:
        offset = cursor_to_offset(after)
        if offset is None or offset < 0:
            raise ApiError("`after` is not a valid cursor.")
        start = offset + 1
    total = queryset.count()
    items = list(queryset[start : start + limit]) if start < total else []
    if prepare is not None:
        items = prepare(items) or items
    edges = [
        connection_type.Edge(node=item, cursor=offset_to_cursor(start + index))
        for index, item in enumerate(items)
    ]
    page_info = graphene.relay.PageInfo(
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
        has_previous_page=start > 0,
        has_next_page=start + len(items) < total,
    )
    return connection_type(edges=edges, page_info=page_info, total_count=total)
