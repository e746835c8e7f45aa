"""One person's data, exported on request: their messages only, with history and replies sent."""

import io
import json

import pytest
from django.core.management import call_command

from citizens.submission import submit

pytestmark = pytest.mark.django_db


def test_export_of_one_persons_messages(kinds):
    mine = submit(
        {"kind": "question", "subject": "Orari", "text": "Kur?", "email": "Arta@Example.org", "name": "Arta"},
        language="sq",
    ).message
    submit({"kind": "question", "subject": "Tjetër", "text": "?", "email": "besa@example.org"}, language="sq")

    output = io.StringIO()
    call_command("export_citizen_data", "arta@example.org", stdout=output)
    [exported] = json.loads(output.getvalue())
    assert exported["tracking_code"] == mine.tracking_code
    assert (exported["name"], exported["subject"], exported["kind"]) == ("Arta", "Orari", "question")
    assert exported["history"][0]["to"] == "new"
    assert "Tjetër" not in output.getvalue()
