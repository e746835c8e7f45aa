"""Validation rules that bound the cost of a query.

They are *added* to graphql-core's ``specified_rules`` (see ``validation_rules``):
passing only custom rules would switch the standard ones off, and an unknown
field would then pass validation. Undefined fragments are skipped here (the
standard ``KnownFragmentNamesRule`` reports them) instead of raising.
"""

from graphql import FieldNode, FragmentSpreadNode, GraphQLError, InlineFragmentNode, OperationDefinitionNode
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule, specified_rules

from ..conf import api_setting


def _fragments(context):
    return {
        fragment.name.value: fragment
        for fragment in context.document.definitions
        if hasattr(fragment, "type_condition")
    }


def _measure(selection_set, fragments, depth, visiting, stats):
    """Walk a selection set expanding fragments; record max depth and field count."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value.startswith("__"):
                # Introspection has its own depth rule (MaxIntrospectionDepthRule).
                continue
            stats["fields"] += 1
            stats["depth"] = max(stats["depth"], depth + 1)
            if stats["fields"] > 100_000:
                return
            _measure(selection.selection_set, fragments, depth + 1, visiting, stats)
        elif isinstance(selection, InlineFragmentNode):
            _measure(selection.selection_set, fragments, depth, visiting, stats)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in visiting:
                continue  # reported by KnownFragmentNamesRule / NoFragmentCyclesRule
            _measure(fragment.selection_set, fragments, depth, visiting | {name}, stats)


class QueryCostRule(ASTValidationRule):
    """Limits the depth and the total number of fields of each operation."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args):
        stats = {"depth": 0, "fields": 0}
        _measure(node.selection_set, _fragments(self.context), 0, frozenset(), stats)
        max_depth, max_fields = api_setting("MAX_DEPTH"), api_setting("MAX_FIELDS")
        name = f"'{node.name.value}' " if node.name else ""
        if stats["depth"] > max_depth:
            self.report_error(
                GraphQLError(
                    f"Operation {name}is {stats['depth']} levels deep; the limit is {max_depth}.", node
                )
            )
        if stats["fields"] > max_fields:
            self.report_error(
                GraphQLError(
                    f"Operation {name}selects {stats['fields']} fields (fragments expanded); the limit is {max_fields}.",
                    node,
                )
            )


class MaxAliasesRule(ASTValidationRule):
    """Limits aliases in a document (they multiply the work of one field)."""

    def __init__(self, context):
        super().__init__(context)
        self.count = 0
        self.reported = False

    def enter_field(self, node: FieldNode, *_args):
        if node.alias is not None:
            self.count += 1
            limit = api_setting("MAX_ALIASES")
            if self.count > limit and not self.reported:
                self.reported = True
                self.report_error(GraphQLError(f"The document uses more than {limit} aliases.", node))


def validation_rules():
    rules = [*specified_rules, QueryCostRule, MaxAliasesRule]
    if not api_setting("INTROSPECTION"):
        # Unlike graphene's DisableIntrospection, this one leaves __typename alone.
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(rules)
