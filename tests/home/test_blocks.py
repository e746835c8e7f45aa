import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from home.blocks import BodyBlock, TypedTableBlock

pytestmark = pytest.mark.django_db

THREE_COLUMNS = (("Drejtoria", "text"), ("Buxheti (€)", "number"), ("Data", "date"))


def table(rows, columns=THREE_COLUMNS):
    block = TypedTableBlock()
    return block, block.to_python(
        {
            "caption": "Buxheti sipas drejtorive",
            "columns": [{"heading": heading, "type": kind} for heading, kind in columns],
            "rows": [{"cells": list(cells)} for cells in rows],
        }
    )


def test_every_body_block_has_an_icon_a_label_and_a_template():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.meta.label, name
        assert block.meta.template and block.meta.template.startswith("blocks/"), name


def test_typed_table_accepts_values_of_the_column_types_and_renders_headers():
    block, value = table([["Arsimi", "1 250 000,50", "2026-01-01"], ["Shëndetësia", "980000", ""]])
    cleaned = block.clean(value)
    html = block.render(cleaned)
    assert '<th scope="col" class="column-number">Buxheti (€)</th>' in html
    assert "<caption>Buxheti sipas drejtorive</caption>" in html
    assert "<td>1 250 000,50</td>" in html


@pytest.mark.parametrize(
    ("columns", "cells", "message"),
    [
        (
            THREE_COLUMNS,
            ["Arsimi", "shumë", "2026-01-01"],
            'Row 1, column "Buxheti (€)": "shumë" is not a number.',
        ),
        (THREE_COLUMNS, ["Arsimi", "10", "01.01.2026"], 'Row 1, column "Data": "01.01.2026" is not a date.'),
        (
            THREE_COLUMNS,
            ["Arsimi", "10", "2026-01-01", "tepër"],
            "Row 1 has 4 cells. The table has only 3 columns.",
        ),
        ((("Drejtoria", "text"),), ["Arsimi", "10"], "Row 1 has 2 cells. The table has only 1 column."),
    ],
)
def test_typed_table_rejects_cells_that_do_not_fit_their_column(columns, cells, message):
    block, value = table([cells], columns)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            block.clean(value)
        assert message in str(error.value.block_errors["rows"])


def test_body_renders_paragraph_heading_quote_and_contact():
    body = BodyBlock()
    value = body.to_python(
        [
            {"type": "heading", "value": {"text": "Njoftim", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Teksti.</p>"},
            {"type": "quote", "value": {"text": "Transparenca", "attribution": "Kryetari"}},
            {
                "type": "contact",
                "value": {"name": "ZKKI", "email": "zkki@komuna.example", "phone": "+383 38 000"},
            },
            {
                "type": "accordion",
                "value": {"heading": "Pyetje", "items": [{"question": "Si?", "answer": "<p>Kështu.</p>"}]},
            },
        ]
    )
    html = body.render(value)
    assert "<h3>Njoftim</h3>" in html
    assert "<p>Teksti.</p>" in html
    assert "<blockquote><p>Transparenca</p></blockquote>" in html
    assert '<a href="mailto:zkki@komuna.example">' in html
    assert "<summary>Si?</summary>" in html


def test_call_to_action_needs_a_page_or_an_address():
    block = BodyBlock().child_blocks["call_to_action"]
    value = block.to_python({"text": "Apliko", "link": {"page": None, "url": ""}})
    with pytest.raises(ValidationError):
        block.clean(value)
