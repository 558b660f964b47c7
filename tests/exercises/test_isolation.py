"""An exercise never touches the live record: the `marsad exercise` commands, run as an
operator would, leave the live database's audit chain and every table's row count as they were,
while the exercise's own database receives the scenario and its injects."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

MARSAD = [sys.executable, "-m", "marsad.cli"]
pytestmark = pytest.mark.long(seconds=103)


def _env(var: Path, **extra: str) -> dict[str, str]:
    # SQLite only: a PostgreSQL run must not create databases on the shared server.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MARSAD_EXERCISE")}
    env.update(MARSAD_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="marsad.settings", **extra)
    return env


def _marsad(var: Path, *args: str, check: bool = True, **extra: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [*MARSAD, *args], env=_env(var, **extra), capture_output=True, text=True, timeout=900
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def _snapshot(path: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        ]
        counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        head = db.execute("SELECT * FROM core_audithead").fetchall()
        last = db.execute("SELECT * FROM core_auditentry ORDER BY id DESC LIMIT 1").fetchall()
    return {"counts": counts, "head": head, "last": last}


def test_an_exercise_leaves_the_live_record_untouched(tmp_path):
    live = tmp_path / "marsad.sqlite3"
    _marsad(tmp_path, "migrate")
    _marsad(
        tmp_path,
        "createuser",
        "amal",
        "--role",
        "analyst",
        "--password",
        "x9!Lq-2vRt-7",
        "--no-token",
    )
    before = _snapshot(live)
    assert before["head"], "the live database has an audit chain"

    bad = tmp_path / "bad.toml"
    from marsad.exercises.scenario import DEFAULT

    bad.write_text(
        DEFAULT.read_text(encoding="utf-8").replace(
            'kind = "pledge"\n', 'kind = "pledge"\ntroops = 3\n'
        ),
        encoding="utf-8",
    )
    refused = _marsad(tmp_path, "exercise", "new", "drill", "--scenario", str(bad), check=False)
    assert refused.returncode == 1
    assert "troops: unknown field" in " ".join(refused.stderr.split())
    assert not (tmp_path / "exercises" / "drill.sqlite3").exists()

    _marsad(tmp_path, "exercise", "new", "drill")
    _marsad(tmp_path, "exercise", "start", "drill")
    advanced = _marsad(tmp_path, "exercise", "advance", "drill", "--to", "D+0 23:59")
    assert "waiting for the job worker 9" in " ".join(advanced.stdout.split())
    delivered = _marsad(tmp_path, "exercise", "deliver", "drill")
    assert "injects delivered 9" in " ".join(delivered.stdout.split())
    _marsad(tmp_path, "exercise", "end", "drill")
    out = tmp_path / "review.html"
    _marsad(tmp_path, "exercise", "review", "drill", "--out", str(out))
    assert "EXERCISE — drill" in out.read_text(encoding="utf-8")
    listed = _marsad(tmp_path, "exercise", "list")
    assert "drill" in listed.stdout
    assert "ended" in listed.stdout
    # The exercise's own chain holds and grew; the live one is exactly as it was.
    _marsad(tmp_path, "audit", "verify", MARSAD_EXERCISE="drill")
    exercise = _snapshot(tmp_path / "exercises" / "drill.sqlite3")
    assert exercise["counts"]["core_document"] > 0
    assert exercise["counts"]["exercises_inject"] == 9
    assert _snapshot(live) == before
    _marsad(tmp_path, "audit", "verify")

    _marsad(tmp_path, "exercise", "delete", "drill", "--yes")
    assert not (tmp_path / "exercises" / "drill.sqlite3").exists()
    assert _snapshot(live) == before
