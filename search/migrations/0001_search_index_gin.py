"""A GIN index on the search index's combined vector, the expression PostgreSQL searches.

The backend (``modelsearch``'s PostgreSQL compiler) filters on
``(title || body) @@ query``; its own GIN indexes are on ``title`` and on
``body`` separately, which that expression cannot use, so every search read
the whole index table. PostgreSQL uses an index on an expression only when
the query has the same expression: this one is written as the backend writes
it. SQLite's backend has no such column pair (it searches FTS5): nothing to do.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
CREATE = f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def _on_postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False)]
