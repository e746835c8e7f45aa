"""Limits on the size and the cost of a query, checked before graphql-core's validation.

A document goes through three steps (``documents.py``), each only if the one
before found nothing, so that an oversized document is refused cheaply:

1. ``prescan(query)``, on the text, without parsing it (parsing costs about
   10 µs a token): more than ``MAX_TOKENS`` tokens or ``MAX_ALIASES``
   aliases, an operation or fragment with more than ``MAX_FIELDS`` fields
   written out.
2. ``measure(schema, document)``, on the parsed document, in one walk linear
   in its size (each fragment definition is walked once however often it is
   spread; a spread closing a cycle counts nothing), for each operation:
   its depth (``MAX_DEPTH``), how deep fragments are spread within fragments
   (``MAX_DEPTH`` too), its fields with fragments expanded (``MAX_FIELDS``),
   introspection fields when introspection is off, and the nodes it could
   return (``MAX_NODES``, below).
3. graphql-core's ``specified_rules`` (``validation_rules``), with a smaller
   budget for ``OverlappingFieldsCanBeMergedRule``, whose work is quadratic
   in repeated fields (``MAX_VALIDATION_WORK``).

Nodes are the objects of the response (a connection, an edge, a page, an
image, a block, ...), each counted as many times as the lists above it
multiply it; aliases count separately, fragments are expanded. Scalar fields
are not counted: how many an object has is bounded by its type and by
``MAX_ALIASES``. The size of a list is read from the schema:

- a connection (a type with ``pageInfo`` and a list of ``edges``): its
  ``first`` (or ``last``), at most ``MAX_PAGE_SIZE``, ``DEFAULT_PAGE_SIZE``
  without one; its ``edges`` have that many items;
- any other list with a ``first`` (or ``last``) argument: that, or the
  argument's default;
- any other list of the root type ("all topics", the occurrences in a range):
  ``DEFAULT_PAGE_SIZE``;
- any other list (the topics, blocks, attachments or translations of a page,
  the weeks of a month): its entry in ``LIST_SIZES``, or ``LIST_SIZE``.

Those last two are typical lengths, not maxima: the estimate guards against
what multiplies (pages within pages, aliases, lists of lists), not against
one long list, whose length the editors decide. With them every example of
docs/api.md is within the budget, the month calendar (6 weeks of 7 days, 5
occurrences a day) at 471 nodes and the documented range query at 880.

A size given by a variable is known only with the request: when the document
is prepared it counts as the smallest size it can have (so that a document is
refused then only if no variables could make it acceptable), and the view
measures the operation again with the request's variables before executing
it (``QueryCost.refusal``), a missing variable counting as its default.

The walk does not rely on the document being valid: an unknown field counts
as a field without nodes, an unknown fragment as nothing; graphql-core's
rules report them once the limits pass.
"""

import re

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    Source,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_composite_type,
    is_list_type,
)
from graphql.validation import (
    NoSchemaIntrospectionCustomRule,
    OverlappingFieldsCanBeMergedRule,
    specified_rules,
)
from graphql.validation.validate import ValidationAbortedError

from ..conf import api_setting

# Items assumed in a list that has no limit of its own and no entry in LIST_SIZES: a typical
# length, not a maximum (the topics, attachments or agenda items of a page).
LIST_SIZE = 5
# Lists whose length the schema bounds: (type, field) → items.
LIST_SIZES = {
    ("CalendarMonth", "weeks"): 6,
    ("CalendarWeek", "days"): 7,
}
# The code of the errors of these limits.
ERROR_CODE = "QUERY_TOO_COMPLEX"

_SIZE_ARGUMENTS = ("first", "last")
_INTROSPECTION_FIELDS = ("__schema", "__type")


class BudgetedOverlappingFieldsRule(OverlappingFieldsCanBeMergedRule):
    """``OverlappingFieldsCanBeMergedRule`` with the budget ``MAX_VALIDATION_WORK``.

    The rule compares every two fields of a selection set that share a
    response name, and every two fragments spread in it: its work is quadratic
    in repeated fields. graphql-core meters it and aborts the validation once
    500,000 units are spent (0.3-0.6 s on a 2-core server, for a document
    within every other limit); the largest example of docs/api.md spends 333.
    """

    def __init__(self, context):
        super().__init__(context)
        self.rule_context.remaining_complexity_budget = api_setting("MAX_VALIDATION_WORK")


def validation_rules():
    """graphql-core's rules, for documents that passed ``measure``."""
    rules = [
        BudgetedOverlappingFieldsRule if rule is OverlappingFieldsCanBeMergedRule else rule
        for rule in specified_rules
    ]
    if not api_setting("INTROSPECTION"):
        # Unlike graphene's DisableIntrospection, this one leaves __typename alone.
        # (``measure`` refuses __schema and __type first; this covers what it does not know.)
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(rules)


def explain_aborted(errors):
    """``errors`` of graphql-core's validation, an aborted validation explained."""
    return [
        _error(
            "Validating this document takes too much work: fields selected many times under the same "
            "name, or many fragments spread in one selection set. Select each field once.",
            None,
        )
        if isinstance(error, ValidationAbortedError) and error.message == "Validation aborted."
        else error
        for error in errors
    ]


# GraphQL's lexical tokens (comments apart); anything else is left to the parser to report.
_TOKEN = re.compile(
    r"(?P<comment>#[^\n\r]*)"
    r'|(?P<string>"""(?:[^"\\]|\\"""|\\|"(?!""))*"""|"(?:[^"\\\n\r]|\\.)*")'
    r"|(?P<name>[_A-Za-z][_0-9A-Za-z]*)"
    r"|(?P<number>-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<punctuator>\.\.\.|[!$&():=@\[\]{|}])"
)
_OPERATION_KEYWORDS = ("query", "mutation", "subscription")


def prescan(query):
    """The limits the text alone shows broken, found without parsing it; [] when it shows none.

    Parsing costs about 10 µs per token: a document of ``MAX_TOKENS`` tokens
    takes 40-60 ms, a tokenizing regular expression 1 ms. This finds, from
    the tokens, what the parser and ``measure`` would refuse anyway: more than
    ``MAX_TOKENS`` tokens, more than ``MAX_ALIASES`` aliases, an operation
    or a fragment with more than ``MAX_FIELDS`` fields (those written in it,
    plus one at least per fragment spread: a selection set is never empty),
    fragments spread within fragments more than ``MAX_DEPTH`` deep. A valid
    document is refused here only if it would be refused after parsing; an
    invalid one may be refused with another error than the parser's.
    """
    max_tokens = api_setting("MAX_TOKENS")
    if len(query) > api_setting("MAX_SOURCE_LENGTH"):
        return []  # the parser refuses it before reading a token
    tokens = []
    for match in _TOKEN.finditer(query):
        if match.lastgroup == "comment":
            continue
        if len(tokens) == max_tokens:
            message = f"Document contains more than {max_tokens} tokens. Parsing aborted."
            return [GraphQLSyntaxError(Source(query), match.start(), message)]
        tokens.append(match.group())
    return _Prescan(tokens).errors()


class _Prescan:
    """The definitions of a document from its tokens: fields, spreads and aliases of each."""

    def __init__(self, tokens):
        self.aliases = 0
        self.definitions = []  # (kind, name, fields written, fragment names spread)
        kind = name = None
        braces = parens = fields = 0
        spreads = []
        for index, token in enumerate(tokens):
            if token == "(":
                parens += 1
            elif token == ")":
                parens = max(parens - 1, 0)
            elif parens:
                continue  # arguments, variable definitions: values, not selections
            elif token == "{":
                if braces == 0 and kind is None:
                    kind = "operation"  # the { ... } shorthand
                braces += 1
            elif token == "}":
                braces -= 1
                if braces <= 0:
                    self.definitions.append((kind, name, fields, spreads))
                    kind = name = None
                    braces = fields = 0
                    spreads = []
            elif not (token[0].isalpha() or token[0] == "_"):
                continue  # a punctuator, a string or a number
            elif braces == 0:
                if kind is None:
                    kind = "operation" if token in _OPERATION_KEYWORDS else token  # "fragment", "type", ...
                elif name is None and tokens[index - 1] in (*_OPERATION_KEYWORDS, "fragment"):
                    name = token
            elif kind not in ("operation", "fragment"):
                continue  # a type system definition: reported by validation
            elif tokens[index - 1] == "...":
                if token != "on":
                    spreads.append(token)
            elif tokens[index - 1] == "@" or (tokens[index - 1] == "on" and tokens[index - 2] == "..."):
                continue  # a directive, a type condition
            elif index + 1 < len(tokens) and tokens[index + 1] == ":":
                self.aliases += 1
            else:
                fields += 1

    def errors(self):
        max_fields, max_depth = api_setting("MAX_FIELDS"), api_setting("MAX_DEPTH")
        max_aliases = api_setting("MAX_ALIASES")
        errors = []
        fragments = {name: spreads for kind, name, _, spreads in self.definitions if kind == "fragment"}
        nesting = _nesting(fragments)
        for kind, name, fields, spreads in self.definitions:
            if kind not in ("operation", "fragment"):
                continue
            label = f"Fragment '{name}' " if kind == "fragment" else f"Operation {_label(name)}"
            if fields + len(spreads) > max_fields:
                at_least = "at least " if spreads else ""
                errors.append(
                    _error(
                        f"{label}selects {at_least}{fields + len(spreads)} fields (fragments expanded); "
                        f"the limit is {max_fields}.",
                        None,
                    )
                )
            deepest = max((1 + nesting.get(spread, 0) for spread in spreads), default=0)
            if kind == "operation" and deepest > max_depth:
                message = f"{label}nests fragments {deepest} deep; the limit is {max_depth}."
                errors.append(_error(message, None))
        if self.aliases > max_aliases:
            errors.append(_error(f"The document uses more than {max_aliases} aliases.", None))
        return errors


def _nesting(spreads):
    """How deep each fragment spreads fragments within fragments; a spread closing a cycle counts 0."""
    depth = {}
    for name in _dependency_order(spreads):
        depth[name] = max(
            (1 + depth.get(spread, 0) for spread in spreads[name] if spread in depth), default=0
        )
    return depth


def measure(schema, document):
    """The document's ``QueryCost``: its errors, and the nodes of an operation for given variables."""
    return _Walk(schema).measure(document)


class QueryCost:
    """What ``measure`` found: ``errors`` of the limits, and the node estimate per operation."""

    def __init__(self, operations, fragment_plans, errors=()):
        self.errors = tuple(errors)
        self._operations = operations  # id(operation node) → (_Plan, variable defaults)
        self._fragment_plans = fragment_plans  # every fragment's plan, those it spreads first

    def nodes(self, operation, variables=None):
        """The nodes ``operation`` could return with ``variables`` (None: the smallest sizes)."""
        plan, defaults = self._operations[id(operation)]
        if not plan.variables:
            return _collapse(plan.constant)[0]
        values = None if variables is None else {**defaults, **variables}
        done = {}
        for fragment in self._fragment_plans:  # each after those it spreads
            constant = fragment.constant
            done[id(fragment)] = constant if constant is not None else _evaluate(fragment, values, done)
        return _collapse(_evaluate(plan, values, done))[0]

    def refusal(self, operation, variables):
        """The error refusing ``operation`` with the request's ``variables``, or None.

        Without variables in its sizes, the operation was already measured
        when the document was prepared; with them, it is measured again here.
        """
        entry = self._operations.get(id(operation))
        if entry is None or not entry[0].variables:
            return None
        return _node_error(operation, self.nodes(operation, variables or {}))


class _Var:
    """A size given by a variable: its value, clamped to [0, high], or ``default`` without one."""

    __slots__ = ("default", "high", "low", "name")

    def __init__(self, name, default, low, high):
        self.name, self.default, self.low, self.high = name, default, low, high


class _Plan:
    """A selection set as terms to count: its fields, and the plans of the fragments spread in it.

    Each term is (types, term): ``types`` are the object types it applies to,
    None for all those of the selection set's type. On an interface or a
    union, what applies to one object type only (``... on NewsPage { ... }``)
    is counted for the costliest type rather than for all of them added up:
    an object has one type.

    A field's term is (multiplicity, weight, page, child): it appears
    ``multiplicity`` times per parent object (``_ITEMS``: as many as the
    enclosing connection's page), is ``weight`` nodes itself (1 for an object,
    0 for a scalar), and ``child`` is its own selection set, whose ``_ITEMS``
    have ``page`` items when the field is a connection.
    """

    __slots__ = ("constant", "depth", "fields", "nesting", "terms", "type", "variables")

    def __init__(self, graphql_type):
        self.type = graphql_type  # of the selection set (a fragment's type condition); None if unknown
        self.terms = []
        self.depth = 0
        self.fields = 0
        self.nesting = 0  # fragments spread within fragments spread within ...
        self.variables = False  # a size depends on a variable
        self.constant = None  # what _evaluate gives, when no size depends on a variable


_ITEMS = object()
_ZERO = (0, 0)


def _value(size, values):
    if size.__class__ is int:
        return size
    if values is None:
        return size.low
    value = values.get(size.name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return size.default  # missing, null (the default) or not a number (reported by execution)
    value = max(value, 0)
    return value if size.high is None else min(value, size.high)


def _evaluate(plan, values, done):
    """The nodes of ``plan``; fragments spread in it are in ``done``.

    Nodes are counted as (nodes, nodes per item of the enclosing connection),
    and given as (those for every object, {object type: those more for an
    object of that type}).
    """
    fixed = per_item = 0
    extra = {}
    for types, term in plan.terms:
        if term.__class__ is _Plan:
            (nodes, items), branches = done[id(term)]
            if types is None:
                fixed += nodes
                per_item += items
                for name, more in branches.items():
                    _add(extra, name, more)
            else:
                for name in types:
                    more = branches.get(name, _ZERO)
                    _add(extra, name, (nodes + more[0], items + more[1]))
            continue
        multiplicity, weight, page, child = term
        each = weight
        if child is not None:
            nodes, items = _collapse(
                child.constant if child.constant is not None else _evaluate(child, values, done)
            )
            each += nodes
            if items and page is not None:
                each += items * _value(page, values)
        counted = (0, each) if multiplicity is _ITEMS else (_value(multiplicity, values) * each, 0)
        if types is None:
            fixed += counted[0]
            per_item += counted[1]
        else:
            for name in types:
                _add(extra, name, counted)
    return (fixed, per_item), extra


def _add(extra, name, counted):
    nodes, items = extra.get(name, _ZERO)
    extra[name] = (nodes + counted[0], items + counted[1])


def _collapse(evaluated):
    """(nodes, nodes per item) of an object of the costliest type."""
    (nodes, items), extra = evaluated
    if extra:
        nodes += max(more[0] for more in extra.values())
        items += max(more[1] for more in extra.values())
    return nodes, items


def _is_connection(graphql_type):
    if not isinstance(graphql_type, GraphQLObjectType):
        return False
    fields = graphql_type.fields
    edges = fields.get("edges")
    return edges is not None and "pageInfo" in fields and is_list_type(get_nullable_type(edges.type))


def _size(node, default, low, high):
    """The size a field's ``first``/``last`` asks for: an int, or a ``_Var``."""
    for argument in node.arguments:
        if argument.name.value in _SIZE_ARGUMENTS:
            value = argument.value
            if isinstance(value, IntValueNode):
                size = max(int(value.value), 0)
                return size if high is None else min(size, high)
            if isinstance(value, VariableNode):
                return _Var(value.name.value, default, low, high)
            return default  # null: the default (anything else is reported by validation)
    return default


class _Walk:
    def __init__(self, schema):
        self.schema = schema
        self.introspection = api_setting("INTROSPECTION")
        self.max_aliases = api_setting("MAX_ALIASES")
        self.max_page = api_setting("MAX_PAGE_SIZE")
        self.default_page = min(api_setting("DEFAULT_PAGE_SIZE"), self.max_page)
        self.connections = {}  # type name → is a connection type
        self.possible_types = {}  # type name → names of its object types
        self.fragments = {}  # name → _Plan, filled in dependency order
        self.aliases = 0
        self.errors = []

    def measure(self, document):
        definitions = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        fragment_plans = []
        spreads = {name: _spread_names(definition.selection_set) for name, definition in definitions.items()}
        for name in _dependency_order(spreads):
            definition = definitions[name]
            condition = self.schema.get_type(definition.type_condition.name.value)
            plan = self.fragments[name] = self.selection_set(definition.selection_set, condition)
            fragment_plans.append(plan)
        operations = {}
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                root = self.schema.get_root_type(definition.operation)
                plan = self.selection_set(definition.selection_set, root)
                operations[id(definition)] = (plan, _variable_defaults(definition))
        cost = QueryCost(operations, fragment_plans)
        errors = self.errors
        max_depth, max_fields = api_setting("MAX_DEPTH"), api_setting("MAX_FIELDS")
        for definition in document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            plan, name = operations[id(definition)][0], _name(definition)
            if plan.depth > max_depth:
                message = f"Operation {name}is {plan.depth} levels deep; the limit is {max_depth}."
                errors.append(_error(message, definition))
            if plan.nesting > max_depth:
                message = f"Operation {name}nests fragments {plan.nesting} deep; the limit is {max_depth}."
                errors.append(_error(message, definition))
            if plan.fields > max_fields:
                message = (
                    f"Operation {name}selects {plan.fields} fields (fragments expanded); "
                    f"the limit is {max_fields}."
                )
                errors.append(_error(message, definition))
            error = _node_error(definition, cost.nodes(definition))
            if error is not None:
                errors.append(error)
        if not errors:
            # An unused fragment is validated all the same: it may not be larger than an operation.
            # (The first one found is reported: those spreading it are larger still.)
            for name, plan in self.fragments.items():
                if plan.fields > max_fields:
                    message = (
                        f"Fragment '{name}' selects {plan.fields} fields (fragments expanded); "
                        f"the limit is {max_fields}."
                    )
                    errors.append(_error(message, definitions[name]))
                    break
        cost.errors = tuple(errors)
        return cost

    def selection_set(self, selection_set, parent_type, plan=None, types=None):
        """The plan of a selection set on ``parent_type`` (None: unknown).

        An inline fragment joins the enclosing ``plan``, its terms applying to
        ``types``, the object types of its condition.
        """
        top = plan is None
        if top:
            plan = _Plan(parent_type)
        if selection_set is not None:
            for selection in selection_set.selections:
                if isinstance(selection, FieldNode):
                    self.field(selection, parent_type, plan, types)
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    inner = parent_type if condition is None else self.schema.get_type(condition.name.value)
                    self.selection_set(
                        selection.selection_set, inner, plan, self.narrow(types, parent_type, inner)
                    )
                elif isinstance(selection, FragmentSpreadNode):
                    fragment = self.fragments.get(selection.name.value)
                    if fragment is None:
                        continue  # unknown, or closing a cycle: reported by graphql-core's rules
                    plan.terms.append((self.narrow(types, parent_type, fragment.type), fragment))
                    plan.fields += fragment.fields
                    plan.depth = max(plan.depth, fragment.depth)
                    plan.nesting = max(plan.nesting, 1 + fragment.nesting)
                    plan.variables = plan.variables or fragment.variables
        if top and not plan.variables:
            plan.constant = _evaluate(plan, None, {id(f): f.constant for f in _fragment_terms(plan)})
        return plan

    def narrow(self, types, parent_type, condition):
        """The object types, of ``types`` on ``parent_type`` (None: all), that are ``condition`` too."""
        possible = self.possible(condition)
        if possible is None:
            return types
        base = types if types is not None else self.possible(parent_type)
        if base is None or base <= possible:
            return types
        return base & possible

    def possible(self, graphql_type):
        if graphql_type is None:
            return None
        found = self.possible_types.get(graphql_type.name)
        if found is None:
            if is_abstract_type(graphql_type):
                found = frozenset(t.name for t in self.schema.get_possible_types(graphql_type))
            elif isinstance(graphql_type, GraphQLObjectType):
                found = frozenset((graphql_type.name,))
            else:
                return None
            self.possible_types[graphql_type.name] = found
        return found

    def field(self, node, parent_type, plan, types):
        name = node.name.value
        plan.fields += 1
        if node.alias is not None:
            self.aliases += 1
            if self.aliases == self.max_aliases + 1:
                self.errors.append(_error(f"The document uses more than {self.max_aliases} aliases.", node))
        if name.startswith("__"):
            if name in _INTROSPECTION_FIELDS:
                if not self.introspection:
                    self.errors.append(
                        GraphQLError(
                            "GraphQL introspection has been disabled, but the requested query"
                            f" contained the field '{name}'.",
                            node,
                        )
                    )
                # Counted as fields; its depth has its own rule (MaxIntrospectionDepthRule).
                plan.fields += self.selection_set(node.selection_set, None).fields
            return  # __typename: a field, no depth, no node
        definition = getattr(parent_type, "fields", {}).get(name) if parent_type is not None else None
        if definition is None:
            child = self.selection_set(node.selection_set, None)
            plan.fields += child.fields
            plan.depth = max(plan.depth, 1 + child.depth)
            plan.nesting = max(plan.nesting, child.nesting)
            return
        field_type = get_nullable_type(definition.type)
        named = get_named_type(field_type)
        child = self.selection_set(node.selection_set, named) if node.selection_set is not None else None
        multiplicity = 1
        if is_list_type(field_type):
            if self.is_connection(parent_type):
                multiplicity = _ITEMS
            else:
                multiplicity = default = self.list_size(parent_type, name)
                argument = next((definition.args[a] for a in _SIZE_ARGUMENTS if a in definition.args), None)
                if argument is not None:  # e.g. upcomingEvents(first: Int = 10)
                    if isinstance(argument.default_value, int) and not isinstance(
                        argument.default_value, bool
                    ):
                        default = argument.default_value
                    multiplicity = _size(node, default, 0, None)
        page = None
        if self.is_connection(named):
            page = _size(node, self.default_page, 1, self.max_page)
        plan.terms.append((types, (multiplicity, 1 if is_composite_type(named) else 0, page, child)))
        variables = multiplicity.__class__ is _Var or page.__class__ is _Var
        if child is not None:
            plan.fields += child.fields
            plan.depth = max(plan.depth, 1 + child.depth)
            plan.nesting = max(plan.nesting, child.nesting)
            variables = variables or child.variables
        else:
            plan.depth = max(plan.depth, 1)
        plan.variables = plan.variables or variables

    def is_connection(self, graphql_type):
        if graphql_type is None:
            return False
        found = self.connections.get(graphql_type.name)
        if found is None:
            found = self.connections[graphql_type.name] = _is_connection(graphql_type)
        return found

    def list_size(self, parent_type, name):
        if parent_type is self.schema.query_type:
            return self.default_page
        return LIST_SIZES.get((parent_type.name, name), LIST_SIZE)


def _fragment_terms(plan):
    return [term for _, term in plan.terms if term.__class__ is _Plan]


def _dependency_order(spreads):
    """Fragment names, each after the fragments it spreads (``spreads``: name → names it spreads).

    Iterative, for chains longer than the interpreter's recursion limit; a
    spread closing a cycle is left out.
    """
    order, state = [], {}
    for root in spreads:
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(spreads[root]))]
        while stack:
            name, names = stack[-1]
            for spread in names:
                if spread in spreads and spread not in state:
                    state[spread] = "open"
                    stack.append((spread, iter(spreads[spread])))
                    break
            else:
                stack.pop()
                state[name] = "done"
                order.append(name)
    return order


def _spread_names(selection_set):
    names, pending = [], [selection_set]
    while pending:
        current = pending.pop()
        if current is None:
            continue
        for selection in current.selections:
            if isinstance(selection, FragmentSpreadNode):
                names.append(selection.name.value)
            else:
                pending.append(selection.selection_set)
    return names


def _variable_defaults(operation):
    defaults = {}
    for definition in operation.variable_definitions or ():
        if isinstance(definition.default_value, IntValueNode):
            defaults[definition.variable.name.value] = int(definition.default_value.value)
    return defaults


def _name(operation):
    return _label(operation.name.value if operation.name else None)


def _label(name):
    return f"'{name}' " if name else ""


def _error(message, node):
    return GraphQLError(message, node, extensions={"code": ERROR_CODE})


def _node_error(operation, nodes):
    limit = api_setting("MAX_NODES")
    if nodes <= limit:
        return None
    return _error(
        f"Operation {_name(operation)}could return about {nodes:,} nodes; the limit is {limit:,} "
        "(FRONTEND_API['MAX_NODES']). Ask for fewer items with `first`.",
        operation,
    )
