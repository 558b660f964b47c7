"""The bare baseline the import benchmarks compare with (bench/bulk.py, bench/access.py): the
same parsed rows, with the same stored values, written with no framework into a bare table with
the same columns and unique key. On SQLite one `executemany` and a commit (a separate file, the
pragmas of Marsad's own database); on PostgreSQL one `COPY … FROM STDIN` into a temporary table
on the same server. Also the rows of the UNRWA and COGAT lists as that table holds them."""

from __future__ import annotations

import os
import sqlite3
import time
from typing import Any


def clocked(fn, *args, **kwargs):
    """Wall and CPU seconds of a call, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu, result


AID_COLUMNS = (
    "key VARCHAR(80) NOT NULL UNIQUE, day DATE NOT NULL, crossing VARCHAR(40) NOT NULL,"
    " category VARCHAR(20), category_raw VARCHAR(100), description VARCHAR(300),"
    " donor VARCHAR(200), donation_type VARCHAR(100), trucks INTEGER, quantity REAL,"
    " unit VARCHAR(10), unit_raw VARCHAR(40), tons REAL, status VARCHAR(12),"
    " destination VARCHAR(200), reported_by VARCHAR(100), imported_from VARCHAR(20),"
    " line INTEGER, marking VARCHAR(10)"
)


class Bare:
    """The floor: rows into a bare table with the same columns and unique key, nothing else."""

    def __init__(self, tmp: str, url: str | None, name: str, columns: str):
        self.url, self.name = url, name
        self.names = ", ".join(c.split()[0] for c in columns.split(",") if c.strip())
        if url is None:
            self.conn: Any = sqlite3.connect(os.path.join(tmp, f"bare-{name}.sqlite3"))
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, {columns})")
        else:
            import psycopg

            self.conn = psycopg.connect(url)
            self.conn.execute(f"CREATE TEMP TABLE {name} (id BIGSERIAL PRIMARY KEY, {columns})")
            self.conn.commit()

    def insert(self, rows: list[tuple]) -> tuple[float, float]:
        def write() -> None:
            if self.url is None:
                marks = ", ".join("?" * len(rows[0]))
                sql = f"INSERT INTO {self.name} ({self.names}) VALUES ({marks})"
                self.conn.cursor().executemany(sql, rows)
            else:
                with self.conn.cursor().copy(f"COPY {self.name} ({self.names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            self.conn.commit()

        wall, cpu, _ = clocked(write)
        return wall, cpu

    def close(self) -> None:
        self.conn.close()


def aid_rows(items: list[Any], kind: str) -> list[tuple]:
    """The rows of the UNRWA (`kind` "unrwa") or COGAT list as the bare table holds them."""
    from marsad.access.vocabulary import category_of, unit_of

    if kind == "unrwa":
        return [
            (
                t.key,
                t.received.isoformat(),
                t.crossing_id,
                category_of(t.cargo_category),
                t.cargo_category,
                t.cargo_description,
                t.donor,
                t.donation_type,
                1,
                t.quantity,
                unit_of(t.units),
                t.units,
                t.quantity if unit_of(t.units) == "tons" else None,
                "entered",
                t.destination,
                t.data_source,
                "unrwa",
                t.line,
                "public",
            )
            for t in items
        ]
    return [
        (
            c.key,
            c.day.isoformat(),
            c.crossing_id,
            category_of(c.classification),
            c.classification,
            "",
            c.donor,
            "",
            None,
            c.tons,
            "tons" if c.tons is not None else "",
            "tons" if c.tons is not None else "-",
            c.tons,
            "entered",
            "",
            "COGAT",
            "cogat",
            c.line,
            "public",
        )
        for c in items
    ]
