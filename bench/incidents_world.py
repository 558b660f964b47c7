"""The database bench/incidents.py measures: the world it loads, its readers, the import, the
reader's and the bare baseline's rows, the sources' figures added in bulk, and the clocks."""

from __future__ import annotations

import os
import secrets
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any


def pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def clocked(fn, *args, **kwargs):
    """Wall-clock and CPU seconds of this process (CPU time moves less when other jobs share
    the machine), and the result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- reader and bare baseline ---------------------------------------------------------------

BARE_COLUMNS = (
    "event_id, event_date, time_precision, event_type, sub_event_type, actor1, inter1, actor2, "
    "inter2, admin1, admin2, location, latitude, longitude, geo_precision, description_en, "
    "reported_by, fatalities"
)


def read_rows(path: Path) -> tuple[float, float, list[tuple]]:
    """Wall and CPU seconds of iter_acled over the file, keeping each event's stored fields as
    a tuple (the rows of the bare baseline)."""
    from marsad.datasets.acled import iter_acled

    def read():
        rows = []
        for e in iter_acled(path):
            rows.append(
                (
                    e.event_id_cnty,
                    e.event_date.isoformat(),
                    e.time_precision,
                    e.event_type,
                    e.sub_event_type,
                    e.actor1,
                    e.inter1,
                    e.actor2,
                    e.inter2,
                    e.admin1,
                    e.admin2,
                    e.location,
                    e.latitude,
                    e.longitude,
                    e.geo_precision,
                    e.notes,
                    e.source,
                    e.fatalities,
                )
            )
        return rows

    return clocked(read)


class BareTable:
    """The floor any write path sits on: the same rows inserted with no framework, one
    executemany and one commit per step, into a table with the stored columns and the same
    unique key, nothing else (a separate SQLite file with the same pragmas, or a temporary
    table on the PostgreSQL server)."""

    COLUMNS = (
        "event_id VARCHAR(40) NOT NULL UNIQUE, event_date DATE NOT NULL, time_precision INTEGER,"
        " event_type VARCHAR(40), sub_event_type VARCHAR(50), actor1 VARCHAR(200),"
        " inter1 VARCHAR(60), actor2 VARCHAR(200), inter2 VARCHAR(60), admin1 VARCHAR(100),"
        " admin2 VARCHAR(100), location VARCHAR(200), latitude REAL, longitude REAL,"
        " geo_precision INTEGER, description_en TEXT, reported_by VARCHAR(500),"
        " fatalities INTEGER"
    )

    def __init__(self, tmp: str, url: str | None):
        if url is None:
            self.conn = sqlite3.connect(os.path.join(tmp, "bare.sqlite3"))
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"CREATE TABLE bare (id INTEGER PRIMARY KEY, {self.COLUMNS})")
            marks = ", ".join("?" * 18)
        else:
            import psycopg

            self.conn = psycopg.connect(url)
            self.conn.execute(f"CREATE TEMP TABLE bare (id BIGSERIAL PRIMARY KEY, {self.COLUMNS})")
            self.conn.commit()
            marks = ", ".join(["%s"] * 18)
        self.sql = f"INSERT INTO bare ({BARE_COLUMNS}) VALUES ({marks})"

    def insert(self, rows: list[tuple]) -> tuple[float, float]:
        def write():
            self.conn.cursor().executemany(self.sql, rows)
            self.conn.commit()

        wall, cpu, _ = clocked(write)
        return wall, cpu

    def close(self) -> None:
        self.conn.close()


# --- the database under test ----------------------------------------------------------------


def load_world() -> None:
    """The core's demo actors, sources and documents, and the ceasefire's demo (agreement,
    phases, clauses, a few incidents, the real daily series): the dashboard as analysts see it.
    Other areas' demos are left out; they add nothing to these pages."""
    from django.db import transaction

    from marsad.ceasefire import demo
    from marsad.core.demo import loader

    report = loader.DemoReport()
    with transaction.atomic():
        loader._load_actors(report)
        loader._load_sources(report)
        loader._load_documents(report)
        demo.load(report)


def import_stage(path: Path) -> tuple[float, float, Any]:
    from marsad.ceasefire.imports import import_acled
    from marsad.core.services.base import SystemUser

    def progress(rows: int) -> None:
        if rows % 100_000 < 2000:
            say(f"  imported {rows:,} rows of {path.name}")

    return clocked(
        import_acled, by=SystemUser("bench"), path=path, marking="public", progress=progress
    )


def database_mb(url: str | None, tmp: str) -> float:
    from django.db import connection

    if url is None:
        return sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3*")) / 1e6
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0] / 1e6


def readers() -> dict[str, Any]:
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import create_user

    analyst = create_user(
        by=SystemUser("bench"),
        username="bench-analyst",
        role="analyst",
        password=secrets.token_urlsafe(16),
    )
    return {"analyst": analyst, "anonymous": AnonymousUser()}
