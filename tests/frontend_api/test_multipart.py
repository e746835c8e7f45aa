"""The GraphQL multipart request's parsing (frontend_api/http/multipart.py): files go where `map` says, or why not."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from frontend_api.http.multipart import MultipartError, operations_with_files

OPERATIONS = {
    "query": "mutation ($input: CitizenMessageInput!) { submitCitizenMessage(input: $input) { trackingCode } }",
    "variables": {"input": {"kind": "question", "attachments": [None, None]}, "single": None},
}


def upload(name="a.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4", content_type="application/pdf")


def parse(operations=OPERATIONS, mapping=None, files=None, **fields):
    data = {"operations": json.dumps(operations), **fields}
    if mapping is not None:
        data["map"] = json.dumps(mapping)
    return operations_with_files(data, MultiValueDict({name: [file] for name, file in (files or {}).items()}))


def test_files_are_placed_where_the_map_says():
    first, second, single = upload("a.pdf"), upload("b.pdf"), upload("c.pdf")
    params = parse(
        mapping={
            "0": ["variables.input.attachments.0"],
            "1": ["variables.input.attachments.1"],
            "x": ["variables.single"],
        },
        files={"0": first, "1": second, "x": single},
    )
    assert params["variables"]["input"]["attachments"] == [first, second]
    assert params["variables"]["single"] is single
    assert params["query"] == OPERATIONS["query"]
    assert OPERATIONS["variables"]["input"]["attachments"] == [None, None]  # the constant is untouched
    # One file may fill several places (the specification allows it).
    params = parse(mapping={"0": ["variables.single", "variables.input.attachments.1"]}, files={"0": first})
    assert params["variables"]["single"] is first and params["variables"]["input"]["attachments"][1] is first
    assert parse(mapping={}) == OPERATIONS  # no files at all


@pytest.mark.parametrize(
    ("fields", "mapping", "files", "message"),
    [
        ({}, None, {}, "needs the field `map`"),
        ({}, {"0": ["variables.single"]}, {}, "`0`, which was not sent"),
        ({}, {}, {"0": upload()}, "`0` is not in `map`"),
        ({}, {"0": "variables.single"}, {"0": upload()}, "lists of paths"),
        ({}, {"0": []}, {"0": upload()}, "lists of paths"),
        ({}, {"0": ["query"]}, {"0": upload()}, "must lead into `variables`"),
        ({}, {"0": ["variables"]}, {"0": upload()}, "must lead into `variables`"),
        ({}, {"0": ["variables.input.kind"]}, {"0": upload()}, "must lead to a null"),
        ({}, {"0": ["variables.input.attachments.2"]}, {"0": upload()}, "no item `2`"),
        ({}, {"0": ["variables.input.attachments.-1"]}, {"0": upload()}, "no item `-1`"),
        ({}, {"0": ["variables.input.missing"]}, {"0": upload()}, "no `missing`"),
        ({}, {"0": ["variables.input.kind.x"]}, {"0": upload()}, "leads nowhere"),
    ],
)
def test_a_faulty_map_is_explained(fields, mapping, files, message):
    with pytest.raises(MultipartError, match=message.replace("(", r"\(")):
        parse(mapping=mapping, files=files, **fields)


def test_faulty_operations_are_explained():
    with pytest.raises(MultipartError, match="needs the field `operations`"):
        operations_with_files({"map": "{}"}, MultiValueDict())
    with pytest.raises(MultipartError, match="`operations` is not valid JSON"):
        operations_with_files({"operations": "{", "map": "{}"}, MultiValueDict())
    with pytest.raises(MultipartError, match="Batched requests"):
        operations_with_files({"operations": "[]", "map": "{}"}, MultiValueDict())
    with pytest.raises(MultipartError, match="`map` is not valid JSON"):
        operations_with_files({"operations": "{}", "map": "nope"}, MultiValueDict())
    with pytest.raises(MultipartError, match="has no variables"):
        parse({"query": "{ x }", "variables": None}, {"0": ["variables.a"]}, {"0": upload()})
    with pytest.raises(MultipartError, match="Send one file"):
        operations_with_files(
            {"operations": json.dumps(OPERATIONS), "map": '{"0": ["variables.single"]}'},
            MultiValueDict({"0": [upload(), upload()]}),
        )
