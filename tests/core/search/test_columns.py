"""The index's columns a process keeps in memory (marsad.core.search.columns) follow committed
writes: a record rewritten with another marking is counted and shown under its new marking by
the same process, and rows read inside a transaction are not kept past it."""

from __future__ import annotations

import pytest
from django.db import transaction

from marsad.core.search import columns
from marsad.core.services import gate
from tests.conftest import SYSTEM
from tests.core.search.test_search import api

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_kept_columns_follow_committed_writes(make_document, analyst):
    columns.forget()
    document = make_document("تقرير عن معبر رفح المغلق")
    key = {"kind": "document", "id": str(document.pk)}
    assert api(q="رفح", kind="document")["total"] == 1
    assert columns._TABLES, "read outside a transaction: kept"
    with transaction.atomic():
        gate.store(document, by=SYSTEM, marking="internal")
    body = api(q="رفح", kind="document")
    assert body["total"] == 0
    assert key["id"] not in {hit["id"] for hit in body["hits"]}
    (marking,) = api(analyst, q="رفح", kind="document")["facets"]["marking"]
    assert (marking["value"], marking["count"]) == ("internal", 1)


def test_rows_read_inside_a_transaction_are_not_kept(make_document):
    columns.forget()
    with transaction.atomic():
        make_document("تقرير عن معبر رفح")
        assert api(q="رفح")["total"] == 1
        assert not any(len(t.ids) for t in columns._TABLES.values())


def _italys_document_in_an_empty_database():
    """Italy and France, a wire, and a document about Rafah released to Italy alone."""
    from marsad.core.services.actors import create_actor, create_source
    from marsad.core.services.documents import submit_document

    for iso3, ar, en in (("ITA", "إيطاليا", "Italy"), ("FRA", "فرنسا", "France")):
        create_actor(
            by=SYSTEM, key=iso3, kind="state", iso3=iso3, name_ar=ar, name_en=en, marking="public"
        )
    source = create_source(
        by=SYSTEM, key="WIRE", name_ar="وكالة", name_en="Wire", kind="media", reliability="B",
        marking="public",
    )  # fmt: skip
    marked, _ = submit_document(
        by=SYSTEM, title="وثيقة", text="تقرير آخر عن معبر رفح", source=source, language="ar",
        published="2025-11-20", marking="nations", releasable_to=["ITA"],
    )  # fmt: skip
    return marked


def test_erasing_everything_gives_no_id_again(make_document, make_user):
    """`marsad demo --reset` erases every record but gives no id again: a process that kept the
    columns of an erased public entry must not read a new entry marked for Italy alone under
    that entry's marking."""
    from marsad.core.erase import erase_everything

    columns.forget()
    make_document("تقرير عن معبر رفح")
    assert api(q="رفح")["total"] == 1
    kept = max(table.last for table in columns._TABLES.values())
    erase_everything()
    marked = _italys_document_in_an_empty_database()
    assert marked.pk > 0
    assert min(table.last for table in columns._TABLES.values()) == kept
    assert api(q="رفح")["total"] == 0
    assert api(make_user("liaison", "FRA"), q="رفح")["total"] == 0
    assert api(make_user("liaison", "ITA"), q="رفح")["total"] == 1


def test_a_database_made_again_under_its_name_is_not_read_from_the_old_columns(
    make_document, make_user
):
    """An exercise deleted and made again under the same name starts its ids again: a process
    that kept the old database's columns reads the new one's afresh (by when it was made)."""
    from django.core.management import call_command
    from django.db import connection

    columns.forget()
    make_document("تقرير عن معبر رفح")
    assert api(q="رفح")["total"] == 1
    # The database made again: empty, its ids starting again, migrated at another time; the
    # process's next connection reaches it.
    call_command("flush", interactive=False, verbosity=0, reset_sequences=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE django_migrations SET applied = %s WHERE id = "
            "(SELECT MIN(id) FROM django_migrations)",
            ["2030-01-01 00:00:00"],
        )
    del connection._search_born
    _italys_document_in_an_empty_database()
    assert api(q="رفح")["total"] == 0
    assert api(make_user("liaison", "FRA"), q="رفح")["total"] == 0
    assert api(make_user("liaison", "ITA"), q="رفح")["total"] == 1
