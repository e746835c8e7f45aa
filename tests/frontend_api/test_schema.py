from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    validate,
)

from frontend_api.http.limits import BudgetedOverlappingFieldsRule, validation_rules
from frontend_api.schema import schema
from frontend_api.schema_file import SCHEMA_FILE, printed_schema


def test_committed_schema_matches_the_code():
    assert SCHEMA_FILE.read_text() == printed_schema(), (
        "frontend_api/schema.graphql is stale: run `make schema`"
    )


def test_every_type_field_argument_and_value_is_described():
    missing = []
    for name, graphql_type in schema.graphql_schema.type_map.items():
        if name.startswith("__"):
            continue
        if not graphql_type.description:
            missing.append(name)
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(graphql_type, GraphQLEnumType):
            missing += [f"{name}.{value}" for value, v in graphql_type.values.items() if not v.description]
    assert missing == []


def test_validation_runs_the_specified_rules():
    from graphql import parse
    from graphql.validation import OverlappingFieldsCanBeMergedRule, specified_rules

    rules = validation_rules()
    assert set(specified_rules) - {OverlappingFieldsCanBeMergedRule} <= set(rules)
    assert BudgetedOverlappingFieldsRule in rules  # the same rule, with a smaller budget
    errors = validate(schema.graphql_schema, parse("{ noSuchField }"), rules=rules)
    assert "Cannot query field 'noSuchField'" in errors[0].message
