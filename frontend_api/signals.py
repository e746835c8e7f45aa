"""Invalidate cached responses and record the change feed when content changes.

The feed records only what was public: a row carries a title and URL only while
its page or document is public. When a public object stops being public
(unpublished, deleted, moved under a restricted page, covered by a new view
restriction, moved into a private collection) its row becomes a tombstone: the
action, the id and the former public URL, no title. An object that was never
public has no row and leaves no trace (a deleted draft is never announced).
"""

from django.apps import apps
from django.db import transaction
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

PUBLIC_ACTIONS = (ContentChange.Action.PUBLISHED, ContentChange.Action.CHANGED)


def _public_rows(kind, object_ids):
    """The rows that say their object was public when last recorded."""
    return ContentChange.objects.filter(kind=kind, object_id__in=object_ids, action__in=PUBLIC_ACTIONS)


def _bury(kind, object_ids, action):
    """Turn the public rows of these objects into tombstones: former URL kept, title cleared."""
    return _public_rows(kind, object_ids).update(action=action, title="", occurred_at=timezone.now())


def _bury_deleted(kind, object_id):
    """A deleted object's row, public or already a tombstone, says DELETED; without a row, nothing.

    Rows are written only while their object is public, so any row holds a former public URL.
    """
    ContentChange.objects.filter(kind=kind, object_id=object_id).exclude(url="").update(
        action=ContentChange.Action.DELETED, title="", occurred_at=timezone.now()
    )


def _page_is_public(context, page):
    try:
        return context.is_public(page) and context.url_of(page) is not None
    except Site.DoesNotExist:
        return False


def _record(kind, object_id, action, public, values):
    """Record a public object with its title and URL, or bury the row of one that is no longer public.

    ``values`` is called only for a public object: it gives its language, title and URL.
    """
    if not public:
        _bury(kind, [object_id], ContentChange.Action.UNPUBLISHED)
        return
    language, title, url = values()
    ContentChange.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={
            "action": action,
            "language": language,
            "title": title[:255],
            "url": url[:2048],
            "occurred_at": timezone.now(),
        },
    )


def _record_page(page, action, context=None):
    context = context or SiteContext(None)
    _record(
        ContentChange.Kind.PAGE,
        page.pk,
        action,
        _page_is_public(context, page),
        lambda: (context.language_of(page), page.title, context.url_of(page)),
    )


def _record_document(document, action, context=None):
    context = context or SiteContext(None)
    _record(
        ContentChange.Kind.DOCUMENT,
        document.pk,
        action,
        context.is_public_document(document),
        lambda: (getattr(document, "language", "") or "", document.title, document.url),
    )


def on_page_published(sender, instance, **kwargs):
    first = instance.first_published_at and instance.last_published_at == instance.first_published_at
    _record_page(instance, ContentChange.Action.PUBLISHED if first else ContentChange.Action.CHANGED)
    bump_generation()


def on_page_unpublished(sender, instance, **kwargs):
    _bury(ContentChange.Kind.PAGE, [instance.pk], ContentChange.Action.UNPUBLISHED)
    bump_generation()


def on_page_moved(sender, instance, **kwargs):
    # Descendants' URLs change too: record the public ones as changed, bury the ones now private.
    context = SiteContext(None)
    moved = Page.objects.get(pk=instance.pk)
    for page in Page.objects.descendant_of(moved, inclusive=True).live():
        _record_page(page, ContentChange.Action.CHANGED, context)
    bump_generation()


def on_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it: its row may be a tombstone already.
    # Multi-table page models send this once per table: the row is simply rewritten.
    if isinstance(instance, Page):
        _bury_deleted(ContentChange.Kind.PAGE, instance.pk)
        bump_generation()
    elif _affects_responses(sender):
        bump_generation()


def on_document_saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata (a restore, cms/backup/) brings the change feed as it was
        return
    _record_document(instance, ContentChange.Action.PUBLISHED if created else ContentChange.Action.CHANGED)
    bump_generation()


def on_document_deleted(sender, instance, **kwargs):
    _bury_deleted(ContentChange.Kind.DOCUMENT, instance.pk)
    bump_generation()


def _subtree_pages(page_id):
    page = Page.objects.filter(pk=page_id).only("path", "depth").first()
    return Page.objects.descendant_of(page, inclusive=True) if page else Page.objects.none()


def _subtree_documents(collection_id):
    collection = Collection.objects.filter(pk=collection_id).only("path").first()
    if collection is None:
        return get_document_model().objects.none()
    return get_document_model().objects.filter(collection__path__startswith=collection.path)


def on_page_restriction_saved(sender, instance, raw=False, **kwargs):
    """A view restriction makes the page and its descendants private: bury their public rows."""
    if raw:
        return
    _bury(
        ContentChange.Kind.PAGE,
        _subtree_pages(instance.page_id).values("pk"),
        ContentChange.Action.UNPUBLISHED,
    )


def _record_uncovered(objects, record):
    """Record the objects a removed restriction covered once it is committed: they may be public again.

    Deferred to the commit because a restriction is also deleted along with its page, before the
    page itself: by then the page is gone and nothing is recorded. ``record`` buries what is still
    not public.
    """

    def run():
        context = SiteContext(None)
        for obj in objects():
            record(obj, ContentChange.Action.CHANGED, context)

    transaction.on_commit(run)


def on_page_restriction_deleted(sender, instance, **kwargs):
    page_id = instance.page_id
    _record_uncovered(lambda: _subtree_pages(page_id).live(), _record_page)


def on_collection_restriction_saved(sender, instance, raw=False, **kwargs):
    """A view restriction makes the collection's documents (and its sub-collections') private."""
    if raw:
        return
    _bury(
        ContentChange.Kind.DOCUMENT,
        _subtree_documents(instance.collection_id).values("pk"),
        ContentChange.Action.UNPUBLISHED,
    )


def on_collection_restriction_deleted(sender, instance, **kwargs):
    collection_id = instance.collection_id
    _record_uncovered(lambda: _subtree_documents(collection_id), _record_document)


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
    post_save.connect(
        on_page_restriction_saved, sender=PageViewRestriction, dispatch_uid="frontend_api_page_restricted"
    )
    post_delete.connect(
        on_page_restriction_deleted, sender=PageViewRestriction, dispatch_uid="frontend_api_page_unrestricted"
    )
    post_save.connect(
        on_collection_restriction_saved,
        sender=CollectionViewRestriction,
        dispatch_uid="frontend_api_collection_restricted",
    )
    post_delete.connect(
        on_collection_restriction_deleted,
        sender=CollectionViewRestriction,
        dispatch_uid="frontend_api_collection_unrestricted",
    )
    post_save.connect(on_saved, dispatch_uid="frontend_api_saved")
    post_delete.connect(on_deleted, dispatch_uid="frontend_api_deleted")
