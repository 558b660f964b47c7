"""`core.bulk_update`: records updated by one statement per distinct set of values end stored
as Django's `bulk_update` stores them, whichever way the batch goes (grouped, mostly distinct,
or with values that cannot be grouped)."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from marsad.ceasefire.models import Incident
from marsad.core import bulk_update
from marsad.core.models import Actor

pytestmark = pytest.mark.django_db


def _incidents(n: int) -> list[Incident]:
    return Incident.objects.bulk_create(
        Incident(
            event_id=f"BU{i}",
            event_date=date(2025, 10, 1),
            event_type="Battles",
            location="رفح",
            fatalities=i,
            marking="public",
        )
        for i in range(n)
    )


def _both_ways(model, records, fields):
    """The rows stored by Django's bulk_update, then by `bulk_update.update`, from the same
    records, and the statements the second took."""
    ids = [r.pk for r in records]
    with transaction.atomic():
        point = transaction.savepoint()
        model.objects.bulk_update(records, fields)
        expected = list(model.objects.filter(pk__in=ids).order_by("pk").values())
        transaction.savepoint_rollback(point)
        with CaptureQueriesContext(connection) as queries:
            bulk_update.update(model, records, fields)
        got = list(model.objects.filter(pk__in=ids).order_by("pk").values())
    return expected, got, [q["sql"] for q in queries.captured_queries]


def test_records_sharing_values_are_updated_one_statement_per_set_of_values():
    records = _incidents(40)
    for record in records:
        record.fatalities = None if record.pk % 3 == 0 else record.pk % 2
        record.location = "خان يونس"
    expected, got, statements = _both_ways(Incident, records, ["fatalities", "location"])
    assert got == expected
    assert len(statements) == 3  # (None, ...), (0, ...), (1, ...)
    assert not any("CASE" in sql for sql in statements)


def test_mostly_distinct_values_go_through_bulk_update():
    records = _incidents(8)
    for record in records:
        record.fatalities = record.pk * 10
    expected, got, statements = _both_ways(Incident, records, ["fatalities"])
    assert got == expected
    assert len(statements) == 1
    assert "CASE" in statements[0]


def test_values_that_cannot_be_grouped_go_through_bulk_update():
    actors = Actor.objects.bulk_create(
        Actor(key=f"BU{i}", kind="organisation", name_ar="منظمة", name_en="Body", marking="public")
        for i in range(6)
    )
    for actor in actors:
        actor.aliases_en = ["same", "list"]  # a list: equal values, but not hashable
    expected, got, _statements = _both_ways(Actor, actors, ["aliases_en"])
    assert got == expected
    assert all(row["aliases_en"] == ["same", "list"] for row in got)
