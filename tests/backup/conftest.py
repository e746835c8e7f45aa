"""Content for the backup drills: pages in Albanian and Serbian with revisions, a document, an image, tasks."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from tests.documents import files
from tests.translations import conftest as translation_fixtures
from translations import services
from translations.models import TranslationTask

# The translations' fixtures, for these tests too.
fill_translation = translation_fixtures.fill_translation
make_user = translation_fixtures.make_user


@pytest.fixture(autouse=True)
def _in_english():
    """The commands speak the active language (Albanian by default); the tests read their English."""
    with translation.override("en"):
        yield


publish = translation_fixtures.publish
translator_groups = translation_fixtures.translator_groups


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def make_content(home_pages, publish, fill_translation, translator_groups, make_user):
    """Build the content, in whatever storage is configured when called."""
    return lambda: build_content(home_pages, publish, fill_translation, make_user)


@pytest.fixture
def content(make_content):
    return make_content()


def build_content(home_pages, publish, fill_translation, make_user):
    editor = make_user("arben", is_staff=True)
    news = home_pages["sq"].add_child(instance=Page(title="Lajme", slug="lajme", live=False))
    publish(news)
    publish(news, title="Lajme nga komuna")
    task = TranslationTask.objects.get(
        translation_key=news.translation_key, target_locale__language_code="sr"
    )
    services.ensure_translation(task, editor)
    fill_translation(task).save_target(user=editor, publish=True)
    draft = home_pages["sq"].add_child(instance=Page(title="Skicë", slug="skice", live=False))
    draft.save_revision(user=editor)
    document = get_document_model().objects.create(
        title="Vendimi 1", file=ContentFile(files.raw_pdf(), name="vendimi.pdf"), language="sq"
    )
    image = get_image_model().objects.create(
        title="Sheshi", file=ImageFile(io.BytesIO(png_bytes()), name="sheshi.png")
    )
    image.get_rendition("width-32")
    return {"news": news, "document": document, "image": image}


def snapshot():
    """What a restore must bring back as it was, in plain values."""
    pages = [
        (
            page.path,
            page.depth,
            page.title,
            page.slug,
            page.locale.language_code,
            page.live,
            str(page.translation_key),
            page.specific_class.__name__,
        )
        for page in Page.objects.select_related("locale").order_by("path")
    ]
    revisions = sorted(
        (Page.objects.get(pk=int(revision.object_id)).path, revision.content["title"])
        for revision in Revision.page_revisions.all()
    )
    documents = {}
    for document in get_document_model().objects.all():
        with document.file.open("rb") as handle:
            documents[document.title] = (document.file.name, handle.read(), document.language)
    images = {}
    for image in get_image_model().objects.all():
        with image.file.open("rb") as handle:
            images[image.title] = (image.file.name, handle.read(), image.renditions.count())
    tasks = sorted(
        (
            str(task.translation_key),
            task.content_type.model,
            task.source_locale.language_code,
            task.target_locale.language_code,
            task.state,
            task.due_at.isoformat() if task.due_at else None,
        )
        for task in TranslationTask.objects.select_related("content_type", "source_locale", "target_locale")
    )
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import StringTranslation, Translation

    localize = (
        Translation.objects.count(),
        sorted(StringTranslation.objects.values_list("locale__language_code", "data")),
    )
    users = sorted(get_user_model().objects.values_list("username", "email"))
    return {
        "pages": pages,
        "revisions": revisions,
        "documents": documents,
        "images": images,
        "tasks": tasks,
        "localize": localize,
        "users": users,
    }
