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
