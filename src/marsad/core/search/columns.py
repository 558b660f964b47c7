"""The index's facets and releasability held in memory, a column per field, so that a search asks
the engine for its matches only and counts, filters and orders them in arrays.

Counting 60,000 hits per facet in SQL grouped the same rows seven times over; here it is one
`bincount` a facet. The columns can be kept because an index row never changes: the gate's
listener deletes an entry and writes it again under a new id (marsad.core.search.services), and
ids are never reused once committed (SQLite's AUTOINCREMENT, PostgreSQL's sequence; a reset
erases without giving ids again, `core.erase`; a database made again under the same name is kept
apart, `_born`). So a process reads each committed row once, the first time the engine returns an
id past what it holds; rows a deleted entry leaves are never matched again. Rows read inside a
transaction may still be rolled back and their ids given again, so they serve that one search
and are not kept.

The reader's releasability is `can_read` over each distinct (marking, nations) pair, the one
rule every selector's SQL also applies."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection

from marsad.core.releasability import can_read, decode_nations

Ints = npt.NDArray[np.int64]

# Coded as an index into the column's list of distinct values ("" is a value like any other).
TEXT_FACETS = ("kind", "claim_type", "grade", "governorate", "marking")
COLUMNS = ("id", "marking", "releasable_to", "kind", "claim_type", "source_id", "grade")
COLUMNS += ("governorate", "day")
NO_SOURCE = -1
NO_DAY = 0


@dataclass
class Codes:
    """The distinct values of a text column, each numbered in the order first seen."""

    values: list[Any] = field(default_factory=list)
    index: dict[Any, int] = field(default_factory=dict)

    def code(self, value: Any) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found

    def of(self, value: Any) -> int:
        """The code of a value, -1 for one no row holds."""
        return self.index.get(value, -1)


@dataclass
class Table:
    """Rows in id order: `ids` sorted, every other column aligned with it; actor links as
    (row position, actor id) pairs."""

    ids: Ints = field(default_factory=lambda: np.empty(0, np.int64))
    cols: dict[str, Ints] = field(default_factory=dict)
    codes: dict[str, Codes] = field(default_factory=dict)
    link_rows: Ints = field(default_factory=lambda: np.empty(0, np.int64))
    link_actors: Ints = field(default_factory=lambda: np.empty(0, np.int64))

    @property
    def last(self) -> int:
        return int(self.ids[-1]) if len(self.ids) else 0

    def copy(self) -> Table:
        codes = {k: Codes(list(c.values), dict(c.index)) for k, c in self.codes.items()}
        return Table(self.ids, dict(self.cols), codes, self.link_rows, self.link_actors)

    def extend(self, after: int) -> None:
        """Read the rows written after id `after`, and their actor links."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(COLUMNS)} FROM core_searchentry WHERE id > %s ORDER BY id",
                [after],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.execute(
                "SELECT entry_id, actor_id FROM core_searchentryactor "
                "WHERE entry_id > %s AND entry_id <= %s",
                [after, rows[-1][0]],
            )
            links = cursor.fetchall()
        audience = self.codes.setdefault("audience", Codes())
        texts = {name: self.codes.setdefault(name, Codes()) for name in TEXT_FACETS}
        new: dict[str, list[int]] = {name: [] for name in (*TEXT_FACETS, "audience")}
        new.update(source=[], day=[], year=[])
        ids = []
        for id_, marking, nations, kind, claim_type, source_id, grade, gov, day in rows:
            ids.append(id_)
            new["audience"].append(audience.code((marking, nations)))
            for name, value in zip(
                TEXT_FACETS, (kind, claim_type, grade, gov, marking), strict=True
            ):
                new[name].append(texts[name].code(value or ""))
            new["source"].append(NO_SOURCE if source_id is None else source_id)
            if day is not None and not isinstance(day, date):
                day = date.fromisoformat(str(day))
            new["day"].append(day.toordinal() if day else NO_DAY)
            new["year"].append(day.year if day else 0)
        added = np.array(ids, np.int64)
        for name, values in new.items():
            column = np.array(values, np.int64)
            kept = self.cols.get(name)
            self.cols[name] = column if kept is None else np.concatenate([kept, column])
        if links:
            pairs = np.array(links, np.int64)
            rows_at = np.searchsorted(added, pairs[:, 0]) + len(self.ids)
            self.link_rows = np.concatenate([self.link_rows, rows_at])
            self.link_actors = np.concatenate([self.link_actors, pairs[:, 1]])
        self.ids = np.concatenate([self.ids, added])


_TABLES: dict[tuple[str, str, str], Table] = {}
_LOCK = threading.Lock()


def _born() -> str:
    """When the database the connection reaches was made (its first migration's time), read
    once per connection. A database deleted and made again under the same name (an exercise)
    starts its ids again: its rows must not be read from the columns kept for the old one."""
    connection.ensure_connection()
    raw = connection.connection
    found = getattr(connection, "_search_born", None)
    if found is None or found[0] is not raw:
        with connection.cursor() as cursor:
            cursor.execute("SELECT applied FROM django_migrations ORDER BY id LIMIT 1")
            row = cursor.fetchone()
        found = (raw, str(row[0]) if row else "")
        connection._search_born = found  # type: ignore[attr-defined]
    return str(found[1])


def table(newest: int) -> Table:
    """The rows up to id `newest` at least (the engine's highest match), read once per process
    when committed, for this search only when read inside a transaction."""
    key = (connection.alias, str(connection.settings_dict.get("NAME")), _born())
    with _LOCK:
        kept = _TABLES.setdefault(key, Table())
        if kept.last >= newest:
            return kept
        if connection.in_atomic_block:
            # Not kept: a rollback would give these ids again to other rows.
            mine = kept.copy()
            mine.extend(kept.last)
            return mine
        kept.extend(kept.last)
        return kept


def forget() -> None:
    """Drop what every connection's table holds (a database emptied and filled again)."""
    with _LOCK:
        _TABLES.clear()


@dataclass
class Narrowing:
    """What a search keeps besides the reader's releasability: the filters as values (codes are
    looked up per table), an actor's entries, a source id, a day range as ordinals."""

    equal: dict[str, str] = field(default_factory=dict)
    source: int | None = None
    actor: int | None = None
    start: int | None = None
    end: int | None = None


def readable(tab: Table, reader: Any) -> npt.NDArray[np.bool_]:
    """Per (marking, nations) code, whether the reader may read it."""
    values = tab.codes["audience"].values
    return np.array([can_read(reader, m, decode_nations(n)) for m, n in values] or [], bool)


def kept_rows(tab: Table, reader: Any, rows: Ints, narrowing: Narrowing) -> npt.NDArray[np.bool_]:
    """Which of `rows` (positions) the reader may read and the filters keep."""
    keep = readable(tab, reader)[tab.cols["audience"][rows]]
    for name, value in narrowing.equal.items():
        keep &= tab.cols[name][rows] == tab.codes[name].of(value)
    if narrowing.source is not None:
        keep &= tab.cols["source"][rows] == narrowing.source
    if narrowing.start is not None:
        days = tab.cols["day"][rows]
        keep &= (days != NO_DAY) & (days >= narrowing.start)
    if narrowing.end is not None:
        days = tab.cols["day"][rows]
        keep &= (days != NO_DAY) & (days <= narrowing.end)
    if narrowing.actor is not None:
        naming = np.unique(tab.link_rows[tab.link_actors == narrowing.actor])
        keep &= np.isin(rows, naming)
    return keep


def positions(tab: Table, ids: Ints) -> tuple[Ints, npt.NDArray[np.bool_]]:
    """The table's positions of the engine's ids, and which of them it holds (all, but for an
    entry deleted between the match and the reading)."""
    if not len(tab.ids):
        return np.zeros(len(ids), np.int64), np.zeros(len(ids), bool)
    at = np.minimum(np.searchsorted(tab.ids, ids), len(tab.ids) - 1)
    return np.asarray(at, np.int64), tab.ids[at] == ids
