# Search counts every hit per facet and ranks them (marsad.core.search.backends), reading many
# index rows per search: each engine gets a narrow way to them. On SQLite a covering index of the
# facets and releasability, looked up by the FTS5 rowids instead of the table, whose rows hold
# the texts. On PostgreSQL the texts and the tsvector are moved out of the table's pages (TOAST),
# so a bitmap scan of many matches reads narrow rows; entries written before are moved by
# `marsad search reindex`, or here when there are few.

from django.db import migrations

SQLITE = [
    "CREATE INDEX search_entry_facets ON core_searchentry (id, marking, releasable_to, kind, "
    "claim_type, source_id, grade, governorate, day)",
]
SQLITE_UNDO = ["DROP INDEX IF EXISTS search_entry_facets"]
POSTGRES = [
    "ALTER TABLE core_searchentry SET (toast_tuple_target = 128)",
    # Read whole when ranking: no compression to undo.
    "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE EXTERNAL",
    "ALTER TABLE core_searchentry ALTER COLUMN body SET STORAGE EXTERNAL",
    "ALTER TABLE core_searchentry ALTER COLUMN terms SET STORAGE EXTERNAL",
]
POSTGRES_UNDO = [
    "ALTER TABLE core_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE EXTENDED",
    "ALTER TABLE core_searchentry ALTER COLUMN body SET STORAGE EXTENDED",
    "ALTER TABLE core_searchentry ALTER COLUMN terms SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_search_index"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO}),
        ),
    ]
