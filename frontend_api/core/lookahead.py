"""What a query selects below the current field, so that a list loads only what is asked for.

A listing joins or prefetches a relation (images and their renditions, topics,
attachments) only when some node of the query reads it; a query for titles and
dates costs no query for images. Fragments (named and inline, whatever their
type condition) count as selected, as do fields under ``@include``/``@skip``:
loading too much costs time, loading too little costs a query per item.
"""

from graphql import EnumValueNode, FieldNode, FragmentSpreadNode, InlineFragmentNode, VariableNode


def children(info, field_nodes):
    """{field name: [FieldNode, ...]} selected directly below ``field_nodes``."""
    found = {}
    seen_fragments = set()

    def visit(selection_set):
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                found.setdefault(selection.name.value, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                visit(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = info.fragments.get(name)
                if fragment is not None and name not in seen_fragments:
                    seen_fragments.add(name)
                    visit(fragment.selection_set)

    for node in field_nodes:
        visit(node.selection_set)
    return found


def connection_nodes(info):
    """{field name: [FieldNode, ...]} selected on the nodes of the connection being resolved."""
    edges = children(info, info.field_nodes).get("edges", [])
    return children(info, children(info, edges).get("node", []))


def argument_values(info, field_nodes, name):
    """The values given to argument ``name`` across ``field_nodes``; None when one is unknown."""
    values = set()
    for node in field_nodes:
        argument = next((arg for arg in node.arguments if arg.name.value == name), None)
        if argument is None:
            return None
        value = argument.value
        if isinstance(value, VariableNode):
            value = info.variable_values.get(value.name.value)
            value = getattr(value, "value", value)  # an enum member
        elif isinstance(value, EnumValueNode):
            value = value.value
        else:
            return None
        if not isinstance(value, str):
            return None
        values.add(value)
    return values
