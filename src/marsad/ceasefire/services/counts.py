"""Keeping the incidents' daily counts (`IncidentDay`, and their roll-up without the H3 cell,
`IncidentDayArea`, read by `ceasefire/aggregates.py`) in step with every write of incidents the
gate announces, recounting them, and comparing them with the incidents. These are the system's
own reads and writes of every marking: no reader's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, QuerySet, Sum

from marsad.ceasefire.models import Incident
from marsad.ceasefire.models_aggregates import IncidentDay, IncidentDayArea
from marsad.core import events

KEY = ("event_date", "pcode", "h3_6", "marking", "releasable_to")
COUNTS = ("incidents", "fatalities", "located", "coded")
Key = tuple[date, str, str, str, str]
# The roll-up's key: the same without the cell (`h3_6`, third).
AREA_KEY = ("event_date", "pcode", "marking", "releasable_to")
AreaKey = tuple[date, str, str, str]


def _area(key: Key) -> AreaKey:
    return (key[0], key[1], key[3], key[4])


def _key(values: Mapping[str, Any]) -> Key:
    return _row_key(
        values["event_date"],
        values.get("pcode"),
        values.get("h3_6"),
        values.get("marking"),
        values.get("releasable_to"),
    )


def _row_key(day: Any, pcode: Any, h3_6: Any, marking: Any, releasable_to: Any) -> Key:
    """The row an incident counts in, from its fields (a stored date may come back as text)."""
    if not isinstance(day, date):
        day = date.fromisoformat(str(day)[:10])
    return (day, pcode or "", h3_6 or "", marking or "", releasable_to or "")


class Changes:
    """Additions and subtractions per row, gathered before they are written in one statement."""

    def __init__(self) -> None:
        self.rows: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    def add(self, values: Mapping[str, Any], sign: int = 1) -> None:
        """One incident's fields, as a version read from its history gives them."""
        self._tally(_key(values), values.get("fatalities"), values.get("latitude"), sign)

    def add_records(self, records: Iterable[Incident], sign: int = 1) -> None:
        """`add` for each record, read from its attributes: an import adds thousands at once,
        and a dictionary of its fields per record cost more than the counting."""
        for r in records:
            key = _row_key(r.event_date, r.pcode, r.h3_6, r.marking, r.releasable_to)
            self._tally(key, r.fatalities, r.latitude, sign)

    def _tally(self, key: Key, killed: int | None, latitude: Any, sign: int) -> None:
        row = self.rows[key]
        row[0] += sign
        row[1] += sign * (killed or 0)
        row[2] += sign * (latitude is not None)
        row[3] += sign * (killed is not None)

    def apply(self) -> None:
        """Add every change to its row (created at need) and drop rows that count nothing, in
        the daily counts and in their roll-up without the cell."""
        changed = [(key, row) for key, row in self.rows.items() if any(row)]
        if not changed:
            return
        areas: dict[AreaKey, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for key, row in changed:
            into = areas[_area(key)]
            for i, n in enumerate(row):
                into[i] += n
        _upsert(IncidentDay, KEY, changed)
        _upsert(IncidentDayArea, AREA_KEY, [(k, row) for k, row in areas.items() if any(row)])
        if any(n < 0 for _key, row in changed for n in row):
            IncidentDay.objects.filter(incidents__lte=0).delete()
            IncidentDayArea.objects.filter(incidents__lte=0).delete()


def _upsert(
    model: type[IncidentDay] | type[IncidentDayArea],
    key: tuple[str, ...],
    changed: list[tuple[tuple[Any, ...], list[int]]],
) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join((*key, *COUNTS))
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in COUNTS)
    row = "(" + ", ".join(["%s"] * (len(key) + len(COUNTS))) + ")"
    # One upsert per chunk: the additions are atomic in the database (INSERT … ON CONFLICT
    # DO UPDATE, on SQLite and PostgreSQL), so two writers adding to one day both count.
    for start in range(0, len(changed), 400):
        chunk = changed[start : start + 400]
        params: list[Any] = []
        for values, counts in chunk:
            params += [*values, *counts]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(chunk))} "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}",
                params,
            )


def _previous_states(records: Iterable[Incident]) -> dict[int, dict[str, Any]] | None:
    """The incidents' fields before a batch update, from their history (the batch has written
    one history row each; the row before it is the state replaced). None when one is missing."""
    ids = [r.pk for r in records]
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    history = Incident.history.model.objects  # type: ignore[attr-defined]
    for start in range(0, len(ids), 500):
        rows = (
            history.filter(id__in=ids[start : start + 500])
            .order_by("id", "-history_date", "-history_id")
            .values("id", *KEY, "fatalities", "latitude")
        )
        for row in rows:
            if len(found[row["id"]]) < 2:
                found[row["id"]].append(row)
    if any(len(found.get(pk, [])) < 2 for pk in ids):
        return None
    return {pk: rows[1] for pk, rows in found.items()}


def on_write(written: events.Written) -> None:
    """Keep the counts in step with a write of incidents that the gate announces."""
    if not issubclass(written.model, Incident) or not written.records:
        return
    changes = Changes()
    if written.action == "delete":
        changes.add_records(written.records, -1)  # type: ignore[arg-type]
    elif written.action in ("create", "import"):
        changes.add_records(written.records)  # type: ignore[arg-type]
    else:
        if written.before is not None and len(written.records) == 1:
            before = {written.records[0].pk: written.before}
        else:
            before = _previous_states(written.records)  # type: ignore[arg-type]
        if before is None:
            # No earlier state to subtract: count everything again rather than guess.
            rebuild()
            return
        for record in written.records:
            changes.add(before[record.pk], -1)
        changes.add_records(written.records)  # type: ignore[arg-type]
    changes.apply()


def live(qs: QuerySet[Incident] | None = None) -> dict[Key, tuple[int, int, int, int]]:
    """The rows as counted from the incidents now (every marking)."""
    qs = Incident.objects.all() if qs is None else qs
    rows = (
        qs.order_by()
        .values(*KEY)
        .annotate(
            n=Count("id"),
            killed=Sum("fatalities"),
            at=Count("latitude"),
            coded=Count("fatalities"),
        )
    )
    return {_key(r): (r["n"], r["killed"] or 0, r["at"], r["coded"]) for r in rows}


def stored() -> dict[Key, tuple[int, int, int, int]]:
    return {
        _key(r): (r["incidents"], r["fatalities"], r["located"], r["coded"])
        for r in IncidentDay.objects.values(*KEY, *COUNTS)
    }


def stored_areas() -> dict[AreaKey, tuple[int, int, int, int]]:
    """The roll-up's rows as kept."""
    return {
        (r["event_date"], r["pcode"], r["marking"], r["releasable_to"]): (
            r["incidents"],
            r["fatalities"],
            r["located"],
            r["coded"],
        )
        for r in IncidentDayArea.objects.values(*AREA_KEY, *COUNTS)
    }


def rolled_up(rows: Mapping[Key, tuple[int, ...]]) -> dict[AreaKey, tuple[int, ...]]:
    """Rows of the daily counts summed without their cell: what the roll-up should hold."""
    found: dict[AreaKey, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for key, row in rows.items():
        into = found[_area(key)]
        for i, n in enumerate(row):
            into[i] += n
    return {key: tuple(row) for key, row in found.items()}


def drift() -> dict[Any, tuple[Any, Any]]:
    """Rows where the kept counts (or their roll-up) and the incidents disagree: (kept, live).
    Empty when exact."""
    kept, counted = stored(), live()
    found: dict[Any, tuple[Any, Any]] = {
        key: (kept.get(key), counted.get(key))
        for key in kept.keys() | counted.keys()
        if kept.get(key) != counted.get(key)
    }
    areas, areas_counted = stored_areas(), rolled_up(counted)
    found.update(
        (key, (areas.get(key), areas_counted.get(key)))
        for key in areas.keys() | areas_counted.keys()
        if areas.get(key) != areas_counted.get(key)
    )
    return found


def roll_up() -> int:
    """Write the roll-up again from the daily counts, in the database; the rows written."""
    IncidentDayArea.objects.all().delete()
    area = connection.ops.quote_name(IncidentDayArea._meta.db_table)
    day = connection.ops.quote_name(IncidentDay._meta.db_table)
    key, sums = ", ".join(AREA_KEY), ", ".join(f"SUM({c})" for c in COUNTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {area} ({key}, {', '.join(COUNTS)}) "
            f"SELECT {key}, {sums} FROM {day} GROUP BY {key}"
        )
        return cursor.rowcount


def rebuild() -> int:
    """Count every row again from the incidents, and roll them up; the number of daily rows
    written."""
    with transaction.atomic():
        IncidentDay.objects.all().delete()
        rows = [
            IncidentDay(
                event_date=key[0],
                pcode=key[1],
                h3_6=key[2],
                marking=key[3],
                releasable_to=key[4],
                incidents=n,
                fatalities=killed,
                located=at,
                coded=coded,
            )
            for key, (n, killed, at, coded) in live().items()
        ]
        IncidentDay.objects.bulk_create(rows, batch_size=1000)
        roll_up()
    return len(rows)
