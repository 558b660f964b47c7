"""Where an exercise lives: its name, its database and its files. Read by the settings before
Django starts, so it imports no Django.

An exercise is a database of its own (a SQLite file under <var>/exercises/, or a PostgreSQL
database `marsad_ex_<name>` on the live server), with a job queue, mail folder, checkpoint
file and page cache of its own: a server started for an exercise cannot reach the live record,
and its worker cannot run a live job.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
ENV = "MARSAD_EXERCISE"
PG_PREFIX = "marsad_ex_"


class ExerciseNameError(ValueError):
    pass


def check_name(name: str) -> str:
    """The exercise's name as given, or an error saying what a name may be."""
    name = name.strip()
    if not NAME.match(name):
        raise ExerciseNameError(
            f"exercise name {name!r}: use 1 to 40 lower-case letters, digits or '_', "
            "starting with a letter"
        )
    return name


def folder(var_dir: Path) -> Path:
    return var_dir / "exercises"


def sqlite_path(var_dir: Path, name: str) -> Path:
    return folder(var_dir) / f"{name}.sqlite3"


def is_postgres(live_url: str) -> bool:
    return urlsplit(live_url).scheme in {"postgres", "postgresql", "pgsql", "postgis"}


def database_url(live_url: str, var_dir: Path, name: str) -> str:
    """The URL of exercise `name`'s database, beside the live one."""
    name = check_name(name)
    if live_url and is_postgres(live_url):
        parts = urlsplit(live_url)
        return urlunsplit(parts._replace(path=f"/{PG_PREFIX}{name}"))
    return f"sqlite:///{sqlite_path(var_dir, name)}"


def files(var_dir: Path, name: str) -> dict[str, Path]:
    """The exercise's own job queue, mail folder, audit checkpoints and page cache."""
    base = folder(var_dir)
    return {
        "jobs": base / f"{name}.jobs.sqlite3",
        "cache": base / f"{name}.cache",
        "mail": base / f"{name}.mail",
        "checkpoints": base / f"{name}.audit-checkpoints.jsonl",
    }


def settings_for(live_url: str, var_dir: Path, name: str) -> dict[str, Any]:
    """What the settings change when Marsad runs exercise `name`."""
    folder(var_dir).mkdir(parents=True, exist_ok=True)
    return {"url": database_url(live_url, var_dir, name), **files(var_dir, name)}
