"""wagtail-localize keeps synchronised fields of translations in step with the Albanian source."""

import datetime

import pytest
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import TranslationSource

from home import models
from home.factories import DecisionPageFactory, NewsPageFactory, TopicFactory, publish_test_data
from home.localization import translate_with

pytestmark = pytest.mark.django_db

SERBIAN = {
    "Vendim për subvencionimin e bujqve": "Одлука о субвенционисању пољопривредника",
    "Kryetari vendos për mbështetjen e bujqve.": "Председник одлучује о подршци пољопривредницима.",
}


def to_serbian(text, path):
    if path == "slug":
        return None
    return SERBIAN.get(text)


def resync(page):
    """What "Sync translated pages" does: refresh the source from the page and re-save each translation."""
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


@pytest.fixture
def serbian_decision(indexes, assembly, django_capture_on_commit_callbacks):
    source = DecisionPageFactory(
        parent=indexes["decisions"],
        title="Vendim për subvencionimin e bujqve",
        summary="Kryetari vendos për mbështetjen e bujqve.",
        number="02-105/2026",
        date_adopted=datetime.date(2026, 3, 2),
        issuing_body=assembly,
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(indexes["decisions"], "sr", lambda text, path: "odluke" if path == "slug" else None)
        translation = translate_with(source, "sr", to_serbian)
    return source, translation


def test_translation_starts_translated_and_synchronised(serbian_decision):
    source, translation = serbian_decision
    assert translation.locale.language_code == "sr"
    assert translation.title == "Одлука о субвенционисању пољопривредника"
    assert translation.summary == "Председник одлучује о подршци пољопривредницима."
    assert (translation.number, translation.date_adopted, translation.issuing_body) == (
        source.number,
        source.date_adopted,
        source.issuing_body,
    )


def test_synchronised_fields_follow_the_source_after_a_resync(
    serbian_decision, committee, django_capture_on_commit_callbacks
):
    source, translation = serbian_decision
    source.date_adopted = datetime.date(2026, 3, 9)
    source.issuing_body = committee
    source.number = "02-107/2026"
    source.body = [("heading", {"text": "Mbështetja financiare", "level": "h3"})]
    publish_test_data(source)

    with django_capture_on_commit_callbacks(execute=True):
        resync(source)

    translation = models.DecisionPage.objects.get(pk=translation.pk)
    assert translation.date_adopted == datetime.date(2026, 3, 9)
    assert translation.issuing_body == committee
    assert translation.number == "02-107/2026"
    # The body's structure follows; its new text waits (in Albanian) for the translator.
    assert [block.block_type for block in translation.body] == ["heading"]
    assert translation.body[0].value["level"] == "h3"
    # Translated text is kept.
    assert translation.title == "Одлука о субвенционисању пољопривредника"
    assert translation.live


def test_news_topics_are_synchronised(indexes, django_capture_on_commit_callbacks):
    budget = TopicFactory(slug="buxheti", name="Buxheti")
    source = NewsPageFactory(parent=indexes["news"], title="Lajm", date=datetime.date(2026, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(indexes["news"], "en", lambda text, path: "news" if path == "slug" else None)
        translation = translate_with(
            source, "en", lambda text, path: "News item" if path == "title" else None
        )
    source.topics.set([budget])
    source.date = datetime.date(2026, 5, 2)
    publish_test_data(source)

    with django_capture_on_commit_callbacks(execute=True):
        resync(source)

    translation = models.NewsPage.objects.get(pk=translation.pk)
    assert list(translation.topics.all()) == [budget]
    assert translation.date == datetime.date(2026, 5, 2)
    assert translation.title == "News item"


def _kinds(model):
    kinds = {}
    for field in model.translatable_fields:
        if isinstance(field, TranslatableField):
            kinds[field.field_name] = "translated"
        elif isinstance(field, SynchronizedField):
            kinds[field.field_name] = "overridable" if field.overridable else "synchronised"
    return kinds


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (models.DecisionPage, {"title": "translated", "summary": "translated", "body": "translated",
                               "number": "synchronised", "date_adopted": "synchronised",
                               "issuing_body": "synchronised", "listing_image": "synchronised",
                               "document": "overridable"}),
        (models.RegulationPage, {"consolidated_text": "overridable", "in_force_from": "synchronised"}),
        (models.PublicationPage, {"file": "overridable", "cover_image": "synchronised", "date": "synchronised"}),
        (models.VacancyPage, {"deadline": "synchronised", "department": "synchronised"}),
        (models.CampaignPage, {"goals": "translated", "starts_on": "synchronised"}),
    ],
)  # fmt: skip
def test_translation_choices_are_deliberate(model, expected):
    kinds = _kinds(model)
    assert {name: kinds[name] for name in expected} == expected
