"""The database's part of a backup: Django's JSON dump, loaded back into an empty, migrated database.

One path for SQLite and PostgreSQL (and from one to the other): ``dumpdata`` of every table,
content types and permissions included, loaded into a migrated database after emptying it
of what ``migrate`` put there. Every primary key is kept, so that what refers to a row by its
id, in a foreign key or in a text column (revisions, wagtail-localize's objects, the reference
index, log entries, generic relations), still finds it; content types keep their ids too, even
those of models removed since (their permissions and log entries still refer to them).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page

from . import serializer

# Not worth keeping (sessions: everybody signs in again) or derived from the rest (the search
# index: ``update_index`` after a restore).
EXCLUDED_MODELS = [
    "sessions.Session",
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
]
# Any row in these makes a database not empty: migrations create none of them.
CONTENT_MODELS = [
    "auth.User",
    "wagtailcore.Revision",
    "documents.Document",
    "wagtailimages.Image",
    "citizens.Message",
    "translations.TranslationTask",
]
# The tree's root and the home page that a new database's migrations create.
MIGRATED_PAGES = 2


def excluded_models():
    """The labels of ``EXCLUDED_MODELS`` that this database has (the SQLite index is SQLite's only)."""
    labels = []
    for label in EXCLUDED_MODELS:
        try:
            apps.get_model(label)
        except LookupError:
            continue
        labels.append(label)
    return labels


def load_order():
    """Every app, content types, permissions and users first: a signal during the load that looks up a content
    type (``get_for_model``) must find the loaded one rather than create a second."""
    first = ["contenttypes", "auth"]
    return first + [config.label for config in apps.get_app_configs() if config.label not in first]


def applied_migrations():
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def dump(path):
    """Write the whole database to ``path`` (``.exactjson.gz``) as one consistent snapshot."""
    serializer.register()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            *load_order(),
            use_base_manager=True,
            exclude=excluded_models(),
            output=str(path),
            format=serializer.NAME,
            verbosity=0,
        )
        return applied_migrations()


def is_migrated():
    return MigrationRecorder(connection).has_table()


def content_rows():
    """{model label: rows} of the models that only an editor or a citizen fills, where any are."""
    counts = {}
    for label in CONTENT_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if rows := model._base_manager.count():
            counts[label] = rows
    pages = Page.objects.count()
    if pages > MIGRATED_PAGES:
        counts["wagtailcore.Page"] = pages
    return counts


def load(path):
    """Empty every table, then load the dump (in the caller's transaction)."""
    serializer.register()
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(statements)
    ContentType.objects.clear_cache()
    try:
        call_command("loaddata", str(path), verbosity=0)
    finally:
        ContentType.objects.clear_cache()
