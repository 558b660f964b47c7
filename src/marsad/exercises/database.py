"""Creating, listing and dropping exercise databases. These speak to the database server (or
the file system) directly, never through the live database's tables."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from marsad.exercises import naming


@dataclass
class Listed:
    name: str
    where: str
    state: str
    minutes: int | None
    title: str


def _live_url() -> str:
    return str(settings.LIVE_DATABASE_URL)


def _var() -> Path:
    return Path(settings.VAR_DIR)


def _pg(dbname: str = ""):  # type: ignore[no-untyped-def]
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(_live_url())
    options = {
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "autocommit": True,
    }
    if dbname:
        return psycopg.connect(dbname=dbname, **options)
    # The server's maintenance database, so that creating or listing exercises needs no
    # connection to the live one; the live database's name when that one is closed to us.
    try:
        return psycopg.connect(dbname="postgres", **options)
    except psycopg.OperationalError:
        return psycopg.connect(dbname=config["NAME"], **options)


def on_postgres() -> bool:
    return naming.is_postgres(_live_url())


def location(name: str) -> str:
    if on_postgres():
        return f"PostgreSQL database {naming.PG_PREFIX}{name}"
    return str(naming.sqlite_path(_var(), name))


def exists(name: str) -> bool:
    if on_postgres():
        with _pg() as connection:
            row = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [naming.PG_PREFIX + name]
            ).fetchone()
        return row is not None
    return naming.sqlite_path(_var(), name).exists()


def create(name: str) -> None:
    """An empty database for exercise `name` (a SQLite file is made on first connection)."""
    naming.check_name(name)
    naming.folder(_var()).mkdir(parents=True, exist_ok=True)
    if on_postgres():
        with _pg() as connection:
            # The name is checked (lower-case letters, digits, '_'): safe as an identifier.
            connection.execute(f'CREATE DATABASE "{naming.PG_PREFIX}{name}"')


def drop(name: str) -> None:
    """Remove exercise `name`'s database and its files."""
    naming.check_name(name)
    if on_postgres():
        with _pg() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{naming.PG_PREFIX}{name}" WITH (FORCE)')
    else:
        base = naming.sqlite_path(_var(), name)
        for path in (base, Path(f"{base}-wal"), Path(f"{base}-shm")):
            path.unlink(missing_ok=True)
    for path in naming.files(_var(), name).values():
        if path.is_dir():
            for child in path.iterdir():
                child.unlink()
            path.rmdir()
        else:
            path.unlink(missing_ok=True)
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)


CLOCK_QUERY = "SELECT state, elapsed, title_en FROM exercises_clock ORDER BY id LIMIT 1"


def listing() -> list[Listed]:
    """Every exercise with its clock's state, read straight from each database."""
    found = []
    if on_postgres():
        with _pg() as connection:
            names = [
                row[0][len(naming.PG_PREFIX) :]
                for row in connection.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'marsad\\_ex\\_%' "
                    "ORDER BY datname"
                )
            ]
        for name in names:
            try:
                with _pg(naming.PG_PREFIX + name) as connection:
                    row = connection.execute(CLOCK_QUERY).fetchone()
            except Exception:  # noqa: BLE001 - a half-made exercise is listed as such
                row = None
            found.append(_listed(name, row))
        return found
    for path in sorted(naming.folder(_var()).glob("*.sqlite3")):
        name = path.name.removesuffix(".sqlite3")
        if name.endswith(".jobs"):
            continue
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
                row = connection.execute(CLOCK_QUERY).fetchone()
        except sqlite3.Error:
            row = None
        found.append(_listed(name, row))
    return found


def _listed(name: str, row: tuple | None) -> Listed:  # type: ignore[type-arg]
    if row is None:
        return Listed(name, location(name), "incomplete", None, "")
    return Listed(name, location(name), str(row[0]), int(row[1]), str(row[2]))
