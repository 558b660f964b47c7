"""The gate's column-wise batch insert (`core.bulk_insert`): its rows and history rows are the
ones django-simple-history writes, its Merkle leaves the audit's own, and an import killed in
the middle of a batch leaves nothing half-written."""

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from django.db import transaction
from django.db.models.signals import post_init
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from marsad.ceasefire.models import Incident
from marsad.ceasefire.vocabulary import Verification
from marsad.core import audit, audit_batches, bulk_insert, bulk_records, merkle
from marsad.core.models import Actor, AuditEntry
from marsad.core.services import gate
from marsad.core.services.base import history_user

from ..ceasefire import acled_fixture

pytestmark = pytest.mark.django_db

SKIPPED = {"id", "event_id", "history_id", "history_date"}


def _incidents(prefix: str) -> list[Incident]:
    """Values of every kind: text with quotes and Arabic, None, an int in a float column."""
    return [
        Incident(
            event_id=f"{prefix}{i}",
            event_date=date(2025, 10, 1 + i),
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1='Hamas "Qassam"',
            location="خان يونس" if i % 2 else "Rafah\\south",
            latitude=31 if i == 0 else (None if i == 1 else 31.3436 + i / 7),
            longitude=34.3 if i != 1 else None,
            fatalities=None if i == 2 else i,
            description_en="line one\nline two\t%s",
            source_row=i or None,
            marking="public",
        )
        for i in range(5)
    ]


def _stored(model, ids, skipped=SKIPPED):
    rows = model.objects.filter(id__in=ids).order_by("id").values()
    return [{k: v for k, v in row.items() if k not in skipped} for row in rows]


def test_a_batch_and_its_history_are_what_simple_history_writes(system):
    old, new = _incidents("OLD"), _incidents("NEW")
    for record in (*old, *new):
        if record.event_id.endswith("3"):
            record._change_reason = "checked twice"
    with transaction.atomic():
        bulk_create_with_history(old, Incident, default_user=history_user(system))
        bulk_insert.insert(Incident, new, history_user=history_user(system))
    assert [r.pk for r in new] == sorted(r.pk for r in new)
    assert all(not r._state.adding for r in new)
    assert _stored(Incident, [r.pk for r in old]) == _stored(Incident, [r.pk for r in new])
    history = Incident.history.model
    before = _stored(history, [r.pk for r in old])
    after = _stored(history, [r.pk for r in new])
    assert before == after
    assert {row["history_type"] for row in after} == {"+"}
    assert [row["history_change_reason"] for row in after][3] == "checked twice"
    moments = history.objects.filter(id__in=[r.pk for r in new]).values_list(
        "history_date", flat=True
    )
    assert len(set(moments)) == 1  # one moment for the batch


def _built(record):
    state = record._state
    fields = {k: v for k, v in record.__dict__.items() if k != "_state"}
    return fields, state.adding, state.db, dict(state.fields_cache)


def test_records_built_a_column_at_a_time_are_those_built_by_keyword():
    place = Actor(pk=7, key="PS0270", kind="place", name_ar="خان يونس", name_en="Khan Yunis")
    rows = [
        {"event_id": "K1", "event_date": date(2025, 10, 1), "place": place, "latitude": 31.3},
        {"event_id": "K2", "event_date": date(2025, 10, 2), "place": None, "latitude": None},
    ]
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    expected = [_built(Incident(**row)) for row in rows]
    built = bulk_records.new_records(Incident, columns)
    assert [_built(r) for r in built] == expected
    assert built[0].place is place  # kept: reading it costs no query
    seen = []

    def constructed(sender, instance, **kwargs):
        seen.append(instance)

    # With a listener, the records come from the constructor, which tells it of each one.
    post_init.connect(constructed, sender=Incident)
    try:
        again = bulk_records.new_records(Incident, columns)
    finally:
        post_init.disconnect(constructed, sender=Incident)
    assert seen == again
    assert [_built(r) for r in again] == expected
    with pytest.raises(TypeError):
        bulk_records.new_records(Incident, {"place": ["PS0270"]})
    with pytest.raises(ValueError, match="not fields"):
        bulk_records.new_records(Incident, {"nothing": [1]})


def test_the_leaves_are_the_audit_s_own(system):
    records = _incidents("LEAF")
    with transaction.atomic():
        bulk_insert.insert(Incident, records)
    expected = [merkle.leaf(audit.row_bytes(r, Incident)) for r in records]
    assert bulk_insert.leaves(Incident, records) == expected
    stored = list(Incident.objects.filter(pk__in=[r.pk for r in records]).order_by("pk"))
    assert bulk_insert.leaves(Incident, stored) == expected


def test_the_leaves_written_a_column_at_a_time_are_the_audit_s_own_for_any_value():
    """Columns of one repeated value, of few and of many, and values a column's type does not
    expect: each leaf's bytes are still `row_bytes`' own."""
    odd = ["\x00", 'a"b', "\\", "خان\u200fيونس", "\U0001f600", "", " x "]
    floats = [-0.0, 0.0, 31, float("inf"), float("-inf"), float("nan"), 1e-300, None]
    records = [
        Incident(
            id=1000 + i if i % 3 else None,
            event_id=f"C{i}",
            event_date=date(2025, 10, 1 + i % 3) if i % 5 else None,
            event_type="Battles",  # one value for the column
            location=odd[i % len(odd)],  # a few values
            description_en=f"{odd[i % len(odd)]} {i}",  # all different
            latitude=floats[i % len(floats)],
            longitude=31.5 + i,
            fatalities=True if i == 4 else (None if i % 7 == 0 else i % 3),
            source_row=i,
            marking="public",
            releasable_to="" if i % 2 else "EGY,ISR",
            # An enum member, and its text, in one column.
            verification=Verification.REPORTED if i % 2 else "reported",
        )
        for i in range(60)
    ]
    expected = [audit.row_bytes(r, Incident) for r in records]
    assert bulk_insert.leaves(Incident, records) == [merkle.leaf(b) for b in expected]


def test_a_batch_through_the_gate_is_proven_row_by_row(system):
    records = _incidents("GATE")
    with transaction.atomic():
        gate.store_batch(Incident, records, by=system, ids=lambda r: r.event_id, detail={})
    entry = AuditEntry.objects.get(model="ceasefire.Incident")
    assert audit.verify().ok
    for record in records:
        proof = audit_batches.prove("ceasefire.Incident", record.pk)
        assert proof.entry == entry
        assert merkle.verify(proof.leaf, proof.steps, proof.root)


WRITER = """
import os, signal, sys, django
django.setup()
from pathlib import Path
from django.core.management import call_command
from marsad.ceasefire.imports import import_acled
from marsad.core import bulk_insert, bulk_records
from marsad.core.services.base import SystemUser
call_command("migrate", verbosity=0)
if sys.argv[3] == "kill":
    # Killed in the third batch, its incidents written and their history not yet.
    calls = []
    history = bulk_insert._history
    def dying(model, *args, **kwargs):
        if model._meta.label == "ceasefire.HistoricalIncident":
            calls.append(1)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
        return history(model, *args, **kwargs)
    bulk_insert._history = dying
import_acled(by=SystemUser("import"), path=Path(sys.argv[1]), marking="public",
             batch_size=int(sys.argv[2]))
"""
CHECK = """
import json, django
django.setup()
from django.db.models import Count
from marsad.ceasefire.models import Incident
from marsad.core.audit import verify
from marsad.core.audit_batches import prove
from marsad.core.models import Actor, AuditEntry
ids = set(Incident.objects.values_list("id", flat=True))
dupes = Incident.objects.values("event_id").annotate(n=Count("id")).filter(n__gt=1).count()
history = Incident.history.model.objects
once = history.values("id").annotate(n=Count("history_id")).filter(n=1).count()
batches = [json.loads(e.after)["pks"] for e in AuditEntry.objects.filter(
    model="ceasefire.Incident", action="import").order_by("seq")]
named = [pk for pks in batches for pk in pks]
proven = all(prove("ceasefire.Incident", pks[-1]) for pks in batches)
print(len(ids), dupes, history.count(), once, len(named), set(named) == ids, proven, verify().ok)
"""
ROWS, BATCH = 500, 100


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="kills a process writing to its own SQLite file",
)
def test_an_import_killed_in_the_middle_of_a_batch_leaves_whole_batches(tmp_path):
    path = acled_fixture.write(
        tmp_path / "kill.csv", [acled_fixture.row(f"M{i:04d}") for i in range(ROWS)]
    )
    database = tmp_path / "kill.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marsad.settings",
        "MARSAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{database}",
    }
    writer = [sys.executable, "-c", WRITER, str(path), str(BATCH)]
    killed = subprocess.run([*writer, "kill"], env=env, timeout=300)
    assert killed.returncode == -signal.SIGKILL
    with sqlite3.connect(database) as connection:
        count = connection.execute("SELECT COUNT(*) FROM ceasefire_incident").fetchone()[0]
    assert count == 2 * BATCH  # the third batch rolled back whole
    subprocess.run([*writer, "again"], env=env, check=True, timeout=300)
    checked = subprocess.run(
        [sys.executable, "-c", CHECK],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    rows = str(ROWS)
    assert checked.stdout.split() == [rows, "0", rows, rows, rows, "True", "True", "True"]


def _changes(history, ids):
    rows = _stored(history, ids, {"history_id", "history_date"})
    return sorted(rows, key=lambda row: (row["id"], row["history_type"]))


def test_a_batch_update_writes_the_history_rows_simple_history_writes(system):
    history = Incident.history.model
    with transaction.atomic():
        records = gate.store_batch(
            Incident, _incidents("UPD"), by=system, ids=lambda r: r.event_id, detail={}
        )
        ids = [r.pk for r in records]
        for record in records:
            record.fatalities = (record.fatalities or 0) + 10
            record.location = "دير البلح"
        records[3]._change_reason = "counted again"
        point = transaction.savepoint()
        bulk_update_with_history(
            records, Incident, ["fatalities", "location"], default_user=history_user(system)
        )
        expected = _changes(history, ids)
        transaction.savepoint_rollback(point)
        assert not history.objects.filter(history_type="~").exists()
        gate.update_batch(
            Incident, records, ["fatalities", "location"], by=system, ids=lambda r: r.pk,
            detail={},
        )  # fmt: skip
        got = _changes(history, ids)
    assert got == expected
    assert [row["history_type"] for row in got].count("~") == len(ids)
    assert sorted(Incident.objects.values_list("fatalities", flat=True)) == [10, 10, 11, 13, 14]
    assert audit.verify().ok
