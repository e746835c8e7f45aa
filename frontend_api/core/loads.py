"""What a list loads for its nodes, declared per GraphQL field and chosen by what the query selects.

A listing declares, for each node field that reads a relation, how to load it
for the whole list: ``related(...)`` foreign keys joined in the list's query,
``prefetched(...)`` many-relations in one more query, ``image(...)`` an image
joined with the renditions of the presets the query asks for. Only the fields a
query selects (fragments included, see ``lookahead.py``) are loaded.
"""

from .images import image_loads
from .lookahead import connection_nodes


def related(*lookups):
    """Loads for a field that reads foreign keys: joined in the list's query."""
    return lambda info, field_nodes: (lookups, ())


def prefetched(*lookups):
    """Loads for a field that reads a many-relation: one more query for the whole list."""
    return lambda info, field_nodes: ((), lookups)


def image(lookup):
    """Loads for an image field: the image joined, the renditions of the presets asked for prefetched."""
    return lambda info, field_nodes: image_loads(info, lookup, field_nodes)


def selected_loads(info, loads, selected=None):
    """(select_related, prefetch_related) arguments for the node fields the query selects.

    ``selected``: the node fields, when the nodes are not those of the connection being resolved.
    """
    selected = connection_nodes(info) if selected is None else selected
    joins, prefetches = [], []
    for field, load in loads.items():
        if field in selected:
            more_joins, more_prefetches = load(info, selected[field])
            joins += more_joins
            prefetches += more_prefetches
    return joins, prefetches


def load_selected(queryset, info, loads, selected=None):
    """``queryset`` joining and prefetching what the selected node fields read."""
    joins, prefetches = selected_loads(info, loads, selected)
    return queryset.select_related(*joins).prefetch_related(*prefetches)
