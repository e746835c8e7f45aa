"""The six kinds of the office's inbox, with the clocks of the law on access to public documents."""

from django.db import migrations

KINDS = [
    # code, sq, sr, en, clock, length, forward within (working days), urgent within (hours)
    ("question", "Pyetje", "Питање", "Question", "none", None, None, None),
    (
        "complaint",
        "Ankesë ose raportim i një problemi",
        "Жалба или пријава проблема",
        "Complaint or report of a problem",
        "none",
        None,
        None,
        None,
    ),
    ("suggestion", "Sugjerim", "Предлог", "Suggestion", "none", None, None, None),
    (
        "publication",
        "Informacion për publikim",
        "Информација за објављивање",
        "Information for publication",
        "none",
        None,
        None,
        None,
    ),
    (
        "access_to_documents",
        "Kërkesë për qasje në dokumente publike",
        "Захтев за приступ јавним документима",
        "Request for access to public documents",
        "days",
        7,
        5,
        48,
    ),
    (
        "media",
        "Kërkesë për akreditim mediatik ose intervistë",
        "Захтев за медијску акредитацију или интервју",
        "Request for a media accreditation or interview",
        "none",
        None,
        None,
        None,
    ),
]


def create_kinds(apps, schema_editor):
    Kind = apps.get_model("citizens", "Kind")
    for order, (code, sq, sr, en, clock, length, forward, urgent) in enumerate(KINDS):
        Kind.objects.get_or_create(
            code=code,
            defaults={
                "name": sq,
                "name_sq": sq,
                "name_sr": sr,
                "name_en": en,
                "clock": clock,
                "clock_length": length,
                "forward_within_working_days": forward,
                "urgent_within_hours": urgent,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("citizens", "0001_initial")]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
