"""Benchmark of the ceasefire dashboard's figures `known_on` (read from the history tables)
against the same figures as known today (the kept daily counts).

Times `ceasefire.summary.summarize` for a reader, the cache emptied before each run (what the
first reader of a `known_on` page waits for: a `known_on` answer is computed for each moment
asked), as known today (the same-run baseline), as held now (`known_on`=now, which reads every
incident's versions) and as held at a moment in the past (before one incident in ten was
corrected). Prints one JSON line: medians of wall and CPU (process) time, the SQL statements
and the ratios to today's answer, with the load average.

Two databases:
- the one already built (`marsad migrate && marsad demo`, or a bigger one), as one
  all-reading reader: `MARSAD_VAR_DIR=... bench/known_on.py [--runs R]`;
- `--bulk N`: a fresh SQLite database in a temporary folder (removed afterwards) with the
  ceasefire's demo and N incidents written by bench/incidents_bulk.py, each given the version a
  write through the gate would have left (one in ten corrected a day later, with a second
  version), the sources' figures too; timed for an analyst and for an anonymous reader.
  `--index` also times again after adding an index on the history table's (id, history_date),
  the lookup of the NOT EXISTS that keeps each incident's last version; `--plan` prints the
  query plan of the versions' sums on standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

INDEX = "bench_historicalincident_id_date"


def _timed(compute: Any, runs: int) -> dict[str, float]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus, statements = [], [], 0
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as seen:
            wall, cpu = time.perf_counter(), time.process_time()
            compute()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        statements = len(seen)
    return {
        "s": round(statistics.median(walls), 4),
        "cpu_s": round(statistics.median(cpus), 4),
        "sql": statements,
    }


def _load() -> list[str]:
    return open("/proc/loadavg").read().split()[:3]


def _measure(readers: dict[str, Any], moments: dict[str, datetime], runs: int) -> dict[str, Any]:
    """For each reader: today's answer and each moment's, with the ratios to today's."""
    from marsad.ceasefire.summary import summarize

    found: dict[str, Any] = {}
    for name, reader in readers.items():
        today = _timed(lambda r=reader: summarize(r), runs)
        row: dict[str, Any] = {"today": today}
        for label, when in moments.items():
            held = _timed(lambda r=reader, w=when: summarize(r, known_on=w), runs)
            held["ratio"] = round(held["s"] / today["s"], 2)
            held["cpu_ratio"] = round(held["cpu_s"] / today["cpu_s"], 2)
            row[label] = held
        row["load"] = _load()
        found[name] = row
    return found


def _versions(first_id: int, at: datetime, corrected_at: datetime) -> int:
    """The versions a write through the gate would have left for the incidents and figures
    written in bulk: one each at `at`, and for one incident in ten a correction of its toll at
    `corrected_at` (the record changed as well, so that today's answer is the last version)."""
    from django.db import connection

    from marsad.ceasefire.models import CasualtyFigure, Incident
    from marsad.ceasefire.services import counts

    def copy(model: Any, when: datetime, kind: str, where: str) -> int:
        table, versions = model._meta.db_table, model.history.model._meta.db_table
        columns = ", ".join(f'"{f.column}"' for f in model._meta.concrete_fields)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {versions} ({columns}, history_date, history_type,"
                f" history_change_reason, history_user_id)"
                f" SELECT {columns}, %s, %s, NULL, NULL FROM {table} WHERE {where}",
                [connection.ops.adapt_datetimefield_value(when), kind],
            )
            return int(cursor.rowcount)

    made = copy(Incident, at, "+", f"id > {first_id}")
    figures = CasualtyFigure.objects.filter(incident_id__gt=first_id)
    if figures.exists():
        made += copy(CasualtyFigure, at, "+", f"incident_id > {first_id}")
    corrected = f"id > {first_id} AND id % 10 = 0"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ceasefire_incident SET fatalities = COALESCE(fatalities, 0) + 1"
            f" WHERE {corrected}"
        )
    made += copy(Incident, corrected_at, "~", corrected)
    counts.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return made


def _plan(reader: Any, when: datetime) -> list[str]:
    """The query plan of the incidents' versions summed per day and governorate."""
    from django.db import connection

    from marsad.ceasefire.aggregates import _held_sums
    from marsad.ceasefire.models import Incident
    from marsad.core import history

    query = _held_sums(history.known_on(Incident, reader, when))
    sql, params = query.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return [" ".join(str(c) for c in row) for row in cursor.fetchall()]


def _readers_again() -> dict[str, Any]:
    """The readers `incidents_world.readers` made in the kept database."""
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.models import User

    return {"analyst": User.objects.get(username="bench-analyst"), "anonymous": AnonymousUser()}


def run_bulk(args: argparse.Namespace) -> dict[str, Any]:
    tmp = args.keep or tempfile.mkdtemp(prefix="marsad-known-on-")
    os.makedirs(tmp, exist_ok=True)
    built = Path(tmp, "moments.json")
    os.environ["MARSAD_VAR_DIR"] = tmp
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.utils import timezone

        from incidents_bulk import add_figures, add_incidents, last_incident_id
        from incidents_world import load_world, readers, say
        from marsad.ceasefire.models import Incident

        if built.exists():  # --keep: the database of an earlier run, measured again
            users = _readers_again()
            past = datetime.fromisoformat(json.loads(built.read_text())["past"])
        else:
            call_command("migrate", verbosity=0)
            load_world()
            users = readers()
            # The incidents' versions are dated after the world's (the agreement, its phases,
            # the daily reports), so that the past moment reads all of them: written at
            # `at`, one in ten corrected at `corrected_at`, read as held at `past` between.
            at = timezone.now()
            first = last_incident_id()
            say(f"writing {args.bulk:,} incidents in bulk")
            add_incidents(args.bulk, first_id=first)
            say(f"  {add_figures(first):,} figures of sources")
            corrected_at = at + (timezone.now() - at) / 2
            past = at + (corrected_at - at) / 2
            say(f"  {_versions(first, at, corrected_at):,} versions written")
            if args.keep:
                built.write_text(json.dumps({"past": past.isoformat()}))
        moments = {"known_on_now": timezone.now(), "known_on_past": past}
        found: dict[str, Any] = {
            "bench": "known_on",
            "database": connection.vendor,
            "incidents": Incident.objects.count(),
            "versions": Incident.history.count(),
            "runs": args.runs,
        }
        if args.plan:
            say("plan: " + " | ".join(_plan(users["anonymous"], moments["known_on_now"])))
        say("measuring")
        found["readers"] = _measure(users, moments, args.runs)
        if args.index:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {INDEX}"
                    " ON ceasefire_historicalincident (id, history_date)"
                )
                cursor.execute("ANALYZE")
            if args.plan:
                plan = _plan(users["anonymous"], moments["known_on_now"])
                say("plan with the index: " + " | ".join(plan))
            say("measuring with the index on (id, history_date)")
            found["with_index"] = _measure(users, moments, args.runs)
        return found
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def run_built(args: argparse.Namespace) -> dict[str, Any]:
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from marsad.ceasefire.models import Incident
    from marsad.core.services.base import SystemUser

    if Incident._meta.db_table not in connection.introspection.table_names():
        return {"bench": "known_on", "skipped": "no database: run marsad demo"}
    reader = SystemUser("bench:known_on")
    return {
        "bench": "known_on",
        "database": connection.vendor,
        "incidents": Incident.objects.count(),
        "versions": Incident.history.count(),
        "runs": args.runs,
        "readers": _measure({"system": reader}, {"known_on_now": timezone.now()}, args.runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bulk", type=int, default=0, help="N incidents in a fresh database")
    parser.add_argument("--index", action="store_true", help="time again with the index")
    parser.add_argument("--plan", action="store_true", help="print the query plan (stderr)")
    parser.add_argument(
        "--keep",
        default="",
        help="with --bulk: build the database in this folder and keep it; "
        "measure the one built there by an earlier run",
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    found = run_bulk(args) if args.bulk else run_built(args)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
