"""The change feed: what to rebuild or remove since a time, for static-site builds."""

import datetime

import graphene
from django.db.models import Q
from django.utils import timezone

from ..core.connections import connection_field, connection_for, resolve_connection
from ..core.locale import Locale, language_code, locale_argument
from ..core.pages import Page, prepare_pages, public_pages, specific_pages
from ..core.site import site_context
from ..documents.resolvers import public_documents
from ..documents.types import Document
from ..models import ContentChange as ContentChangeModel
from ..reference.types import with_language

EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

ChangeKind = graphene.Enum(
    "ChangeKind",
    [("PAGE", "page"), ("DOCUMENT", "document")],
    description=lambda m: {None: "What changed.", "PAGE": "A page.", "DOCUMENT": "A document."}[
        m.name if m else None
    ],
)
ChangeAction = graphene.Enum(
    "ChangeAction",
    [(action.name, action.value) for action in ContentChangeModel.Action],
    description=lambda m: {
        None: "What happened; UNPUBLISHED and DELETED entries are tombstones.",
        "PUBLISHED": "Published for the first time (or again after being unpublished).",
        "CHANGED": "Published again with changes, or moved.",
        "UNPUBLISHED": "No longer public: remove it (unpublished, made private or in a private collection).",
        "DELETED": "Deleted: remove it.",
    }[m.name if m else None],
)


class ContentChange(graphene.ObjectType):
    """The latest change to one page or document."""

    kind = graphene.Field(graphene.NonNull(ChangeKind), description="Page or document.")
    action = graphene.Field(
        graphene.NonNull(ChangeAction), description="What happened, as the content is now."
    )
    id = graphene.ID(required=True, description="Id of the page or document.")
    locale = graphene.Field(Locale, description="Language of the page; null for documents.")
    url = graphene.String(description="Current public URL, or the former public one for tombstones.")
    title = graphene.String(description="Title; null for tombstones.")
    occurred_at = graphene.DateTime(required=True, description="When the change happened.")
    page = graphene.Field(Page, description="The page, while it is public; null for tombstones.")
    document = graphene.Field(Document, description="The document, while it is public; null for tombstones.")

    @staticmethod
    def resolve_id(change, info):
        return change.object_id

    @staticmethod
    def resolve_action(change, info):
        return ContentChangeModel.Action(change.action).value

    @staticmethod
    def resolve_title(change, info):
        return change.title or None

    @staticmethod
    def resolve_kind(change, info):
        return ContentChangeModel.Kind(change.kind).value

    @staticmethod
    def resolve_locale(change, info):
        return change.language if change.kind == ContentChangeModel.Kind.PAGE else None


ContentChangeConnection = connection_for(ContentChange, description="A page of changes, oldest first.")


def _current_state(info, changes, language):
    """Bring each change up to date: an object that is no longer public becomes a tombstone.

    A tombstone keeps its id and former public URL only: no title, no page or document, even
    when the row was recorded while the object was public.
    """
    page_ids = [c.object_id for c in changes if c.kind == ContentChangeModel.Kind.PAGE]
    document_ids = [c.object_id for c in changes if c.kind == ContentChangeModel.Kind.DOCUMENT]
    pages = {page.pk: page for page in specific_pages(public_pages(info).filter(pk__in=page_ids))}
    prepare_pages(info, list(pages.values()))
    documents = {
        d.pk: d for d in with_language(list(public_documents(info).filter(pk__in=document_ids)), language)
    }
    context = site_context(info)
    for change in changes:
        found = (pages if change.kind == ContentChangeModel.Kind.PAGE else documents).get(change.object_id)
        if found is None and change.action in (
            ContentChangeModel.Action.PUBLISHED,
            ContentChangeModel.Action.CHANGED,
        ):
            change.action = ContentChangeModel.Action.UNPUBLISHED
        if found is None:
            change.title = None
        if change.kind == ContentChangeModel.Kind.PAGE:
            change.page = found
            if found is not None:
                change.url, change.title = context.url_of(found), found.title
        else:
            change.document = found
            if found is not None:
                change.url, change.title = context.absolute(found.url), found.title
    return changes


class ChangeQueries(graphene.ObjectType):
    changes = connection_field(
        ContentChangeConnection,
        "Pages (in `locale`) and documents published, changed, unpublished or deleted since a time, oldest first.",
        since=graphene.DateTime(required=True, description="Only changes at or after this time."),
        locale=locale_argument(),
    )

    @staticmethod
    def resolve_changes(root, info, since, locale=None, first=None, after=None):
        language = language_code(locale)
        if since.replace(tzinfo=None) < EARLIEST.replace(tzinfo=None):
            # Nothing was recorded before the feed existed: an early ``since`` means "from the start"
            # (and 0001-01-01 in local time would not even fit in UTC).
            since = EARLIEST
        elif timezone.is_naive(since):
            since = timezone.make_aware(since)
        queryset = ContentChangeModel.objects.filter(occurred_at__gte=since).filter(
            Q(kind=ContentChangeModel.Kind.PAGE, language=language) | Q(kind=ContentChangeModel.Kind.DOCUMENT)
        )
        return resolve_connection(
            ContentChangeConnection,
            queryset.order_by("occurred_at", "pk"),
            first,
            after,
            prepare=lambda items: _current_state(info, items, language),
        )
