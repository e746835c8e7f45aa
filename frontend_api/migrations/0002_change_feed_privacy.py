"""Take out of the change feed what was recorded before it checked privacy.

Best effort, from what the database still knows:

* tombstones (unpublished and deleted rows) lose their title;
* rows of pages that exist, are not live and were never published are deleted
  (their URL was never public);
* rows that still announce a page or document that is not public now (not live,
  under a page view restriction, in a private collection) become unpublished
  tombstones without a title.

Limits: whether a URL was public before a restriction was added is not stored,
so a page or document that was private from the start but recorded as
published keeps its (never public) URL in an unpublished tombstone; rows of
deleted drafts whose page is gone cannot be told from deleted public pages and
keep their URL in a deleted tombstone.
"""

from django.db import migrations
from django.db.models import Q

TOMBSTONES = ("unpublished", "deleted")


def _under(paths, field):
    condition = Q()
    for path in set(paths):
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def forwards(apps, schema_editor):
    ContentChange = apps.get_model("frontend_api", "ContentChange")
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Document = apps.get_model("documents", "Document")

    pages = ContentChange.objects.filter(kind="page")
    documents = ContentChange.objects.filter(kind="document")

    never_published = Page.objects.filter(live=False, first_published_at__isnull=True).values("pk")
    pages.filter(object_id__in=never_published).delete()

    ContentChange.objects.filter(action__in=TOMBSTONES).exclude(title="").update(title="")

    private_pages = Q(live=False)
    restricted = _under(PageViewRestriction.objects.values_list("page__path", flat=True), "path")
    if restricted:
        private_pages |= restricted
    pages.exclude(action__in=TOMBSTONES).filter(
        object_id__in=Page.objects.filter(private_pages).values("pk")
    ).update(action="unpublished", title="")

    private_collections = _under(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True), "collection__path"
    )
    if private_collections:
        documents.exclude(action__in=TOMBSTONES).filter(
            object_id__in=Document.objects.filter(private_collections).values("pk")
        ).update(action="unpublished", title="")


class Migration(migrations.Migration):
    dependencies = [
        ("frontend_api", "0001_initial"),
        ("documents", "0003_file_storage_and_filters"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
