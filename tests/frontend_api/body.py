"""A body with every block of ``home.blocks.BodyBlock``, as stored (raw stream data)."""

import json


def item(value, key):
    return {"type": "item", "value": value, "id": key}


def every_block(*, page, document, image, draft=None, private_document=None, suffix=""):
    """Raw blocks of every type; references to ``draft`` / ``private_document`` must never surface."""
    s = suffix
    blocks = [
        {
            "type": "paragraph",
            "value": (
                f'<p>Shih <a linktype="page" id="{page.pk}">faqen</a> dhe '
                f'<a linktype="document" id="{document.pk}">vendimin</a>.</p>'
            ),
            "id": f"p{s}",
        },
        {"type": "heading", "value": {"text": "Kreu", "level": "h3"}, "id": f"h{s}"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Sheshi", "caption": "Foto"},
            "id": f"i{s}",
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}, "id": f"d{s}"},
        {
            "type": "documents",
            "value": {
                "heading": "Dokumente",
                "documents": [item({"document": document.pk, "title": "A"}, f"x{s}")],
            },
            "id": f"dl{s}",
        },
        {
            "type": "video",
            "value": {"video": "https://www.youtube.com/watch?v=abc", "caption": "Video"},
            "id": f"v{s}",
        },
        {"type": "quote", "value": {"text": "Fjalë", "attribution": "Kryetari"}, "id": f"q{s}"},
        {
            "type": "table",
            "value": {
                "caption": "Buxheti",
                "columns": [
                    item({"heading": "Emri", "type": "text"}, f"c1{s}"),
                    item({"heading": "Shuma", "type": "number"}, f"c2{s}"),
                ],
                "rows": [item({"cells": [item("Arsimi", f"r1{s}"), item("1200", f"r2{s}")]}, f"r{s}")],
            },
            "id": f"t{s}",
        },
        {
            "type": "call_to_action",
            "value": {"text": "Apliko", "description": "Sot", "link": {"page": page.pk, "url": ""}},
            "id": f"cta{s}",
        },
        {
            "type": "call_to_action",
            "value": {
                "text": "Jashtë",
                "description": "",
                "link": {"page": None, "url": "https://rks-gov.net/"},
            },
            "id": f"ext{s}",
        },
        {
            "type": "accordion",
            "value": {
                "heading": "Pyetje",
                "items": [
                    item(
                        {"question": "Si?", "answer": f'<p><a linktype="page" id="{page.pk}">Kështu</a></p>'},
                        f"a{s}",
                    )
                ],
            },
            "id": f"acc{s}",
        },
        {
            "type": "contact",
            "value": {
                "name": "Zyra",
                "role": "Informim",
                "email": "zyra@example.org",
                "phone": "038",
                "address": "Rr. 1",
            },
            "id": f"cc{s}",
        },
    ]
    if draft is not None:
        blocks += [
            {
                "type": "paragraph",
                "value": f'<p>Një <a linktype="page" id="{draft.pk}">skicë</a>.</p>',
                "id": f"pd{s}",
            },
            {
                "type": "call_to_action",
                "value": {
                    "text": "Skicë",
                    "description": "",
                    "link": {"page": draft.pk, "url": "https://x.org/"},
                },
                "id": f"ctad{s}",
            },
        ]
    if private_document is not None:
        blocks += [
            {"type": "document", "value": {"document": private_document.pk, "title": ""}, "id": f"dp{s}"},
            {
                "type": "paragraph",
                "value": f'<p>I <a linktype="document" id="{private_document.pk}">fshehtë</a>.</p>',
                "id": f"pp{s}",
            },
        ]
    return blocks


def as_body(blocks):
    return json.dumps(blocks)
