import json
import uuid

from django.db import migrations

# Events move onto home.BasePage: their rich-text description becomes the first
# paragraph block of BasePage's StreamField body, in the pages and in their
# revisions (so history and drafts keep their text).
EVENT_MODELS = ["eventpage", "meetingpage"]


def _stream(html):
    if not (html or "").strip():
        return []
    return [{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}]


def _html(stream):
    return "".join(block["value"] for block in stream if block.get("type") == "paragraph")


def _convert_revisions(apps, convert):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_types = list(
        ContentType.objects.filter(app_label="events", model__in=EVENT_MODELS).values_list("pk", flat=True)
    )
    for revision in Revision.objects.filter(content_type_id__in=content_types).iterator():
        if "body" in revision.content:
            revision.content["body"] = convert(revision.content["body"])
            revision.save(update_fields=["content"])
    # wagtail-localize keeps the serialised source too; its segments are re-extracted on the next sync.
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type_id__in=content_types).iterator():
        data = json.loads(source.content)
        if "body" in data:
            data["body"] = convert(data["body"])
            source.content = json.dumps(data)
            source.save(update_fields=["content"])


def body_to_stream(apps, schema_editor):
    for name in EVENT_MODELS:
        model = apps.get_model("events", name)
        for pk, html in model.objects.values_list("pk", "body_html"):
            model.objects.filter(pk=pk).update(body=_stream(html))

    def convert(value):
        # Revisions store a StreamField as its JSON text; old ones hold the HTML.
        if isinstance(value, str) and value.lstrip().startswith("["):
            return value
        return json.dumps(_stream(value))

    _convert_revisions(apps, convert)


def stream_to_body(apps, schema_editor):
    for name in EVENT_MODELS:
        model = apps.get_model("events", name)
        for page in model.objects.all():
            model.objects.filter(pk=page.pk).update(body_html=_html(page.body.raw_data))

    def convert(value):
        return _html(json.loads(value)) if isinstance(value, str) and value.lstrip().startswith("[") else value

    _convert_revisions(apps, convert)



class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_events_on_base_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(body_to_stream, stream_to_body)]
