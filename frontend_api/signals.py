"""Invalidate cached responses and record the change feed when content changes."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .core.site import SiteContext
from .http.cache import bump_generation
from .models import ContentChange

REFERENCE_MODELS = ["home.Body", "home.Department", "home.Topic", "home.Place", "home.DocumentType"]


def _record_page(page, action):
    context = SiteContext(None)
    try:
        url = context.url_of(page) or ""
        language = context.language_of(page)
    except Site.DoesNotExist:
        url, language = "", ""
    ContentChange.objects.update_or_create(
        kind=ContentChange.Kind.PAGE,
        object_id=page.pk,
        defaults={
            "action": action,
            "language": language,
            "title": page.title[:255],
            "url": url[:2048],
            "occurred_at": timezone.now(),
        },
    )


def on_page_published(sender, instance, **kwargs):
    first = instance.first_published_at and instance.last_published_at == instance.first_published_at
    _record_page(instance, ContentChange.Action.PUBLISHED if first else ContentChange.Action.CHANGED)
    bump_generation()


def on_page_unpublished(sender, instance, **kwargs):
    _record_page(instance, ContentChange.Action.UNPUBLISHED)
    bump_generation()


def on_page_moved(sender, instance, **kwargs):
    # Descendants' URLs change too: record them all as changed.
    for page in Page.objects.descendant_of(instance, inclusive=True).live():
        _record_page(page, ContentChange.Action.CHANGED)
    bump_generation()


def on_deleted(sender, instance, **kwargs):
    # Multi-table page models send this once per table: the row is simply rewritten.
    if isinstance(instance, Page):
        _record_page(instance, ContentChange.Action.DELETED)
        bump_generation()
    elif _affects_responses(sender):
        bump_generation()


def on_document_saved(sender, instance, created, **kwargs):
    _record_document(instance, ContentChange.Action.PUBLISHED if created else ContentChange.Action.CHANGED)
    bump_generation()


def on_document_deleted(sender, instance, **kwargs):
    _record_document(instance, ContentChange.Action.DELETED)
    bump_generation()


def _record_document(document, action):
    ContentChange.objects.update_or_create(
        kind=ContentChange.Kind.DOCUMENT,
        object_id=document.pk,
        defaults={
            "action": action,
            "language": getattr(document, "language", "") or "",
            "title": document.title[:255],
            "url": document.url[:2048],
            "occurred_at": timezone.now(),
        },
    )


def on_saved(sender, **kwargs):
    if _affects_responses(sender):
        bump_generation()


def _affects_responses(model):
    """Reference data, snippets, images and privacy settings show in (or filter) API responses."""
    from wagtail.snippets.models import get_snippet_models

    others = {apps.get_model(label) for label in REFERENCE_MODELS}
    others |= {get_image_model(), Collection, CollectionViewRestriction, PageViewRestriction, Locale, Site}
    return model in others or model in get_snippet_models()


def connect():
    page_published.connect(on_page_published, dispatch_uid="frontend_api_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="frontend_api_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="frontend_api_moved")

    Document = get_document_model()
    post_save.connect(on_document_saved, sender=Document, dispatch_uid="frontend_api_document_saved")
    post_delete.connect(on_document_deleted, sender=Document, dispatch_uid="frontend_api_document_deleted")
    post_save.connect(on_saved, dispatch_uid="frontend_api_saved")
    post_delete.connect(on_deleted, dispatch_uid="frontend_api_deleted")
