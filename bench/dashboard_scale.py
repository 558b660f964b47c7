"""Benchmark of the ceasefire dashboard as incidents grow tenfold, on a database already built.

Takes a database that holds the ceasefire's world and N incidents (--database-url; for example one
built by `bench/incidents.py --bulk` or by `marsad import acled`), times the dashboard, then
copies every incident nine times (the same days, places, markings and tolls, a new event id:
the same distribution at 10 N, written by one INSERT … SELECT in the database, no history), adds
a source's figure for one new incident in 500 (`incidents.add_figures`), recounts the kept daily
counts (`counts.rebuild`, what `marsad ceasefire aggregates --rebuild` does) and times it again.
The first measurement is the same-run baseline: the figure is the ratio 10 N / N.

Timed, for an anonymous reader and an analyst (median of --runs, after an untimed round that
counts the SQL statements): `/ceasefire/` through `django.test.Client` with the cache emptied
first (`cold`: what the first reader after a start waits for), after an incident's write (the
generations moved on as the gate's announcement does: the daily series stays kept) and answered
from the cache (`kept`), and the map's clusters `/api/v1/ceasefire/map?zoom=10`.
It changes the database it is given: run it on a copy, or let it build one (`--build N`: the
migrations, the ceasefire's world, an analyst, N incidents by the bulk writer and their sources'
figures, into an empty database).
Usage: bench/dashboard_scale.py --database-url URL-OF-A-COPY [--runs R] [--add-figures]
       [--build N] [--measure-only]
(without --database-url, as under `make bench`, it prints that it was skipped and changes nothing)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

COPIES = 9


def measure(users: dict[str, Any], runs: int) -> dict[str, dict[str, float]]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from marsad.web import pagecache

    def page(client: Client, path: str, cold: bool | str, **params: Any) -> None:
        if cold == "write":
            # What an incident's write does: the page and the incidents' figures are out of
            # date, the daily series (kept until a report, phase or source is written) is not.
            pagecache.bump(["ceasefire.incident"])
        elif cold:
            cache.clear()
        response = client.get(path, params)
        assert response.status_code == 200, (path, response.status_code)

    result: dict[str, dict[str, float]] = {}
    for name, user in users.items():
        client = Client(HTTP_HOST="localhost")
        if user is not None:
            client.force_login(user)
        ops = {
            "dashboard_cold": lambda c=client: page(c, "/ceasefire/", True),
            "dashboard_after_write": lambda c=client: page(c, "/ceasefire/", "write"),
            "dashboard_kept": lambda c=client: page(c, "/ceasefire/", False),
            "map_zoom10": lambda c=client: page(c, "/api/v1/ceasefire/map", True, zoom=10),
        }
        found: dict[str, float] = {}
        for op, fn in ops.items():
            statements = [0]

            def count(execute, sql, params, many, context, statements=statements):
                statements[0] += 1
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                fn()
            found[f"{op}_queries"] = statements[0]
            times, cpu = [], []
            for _ in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                fn()
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            found[f"{op}_ms"] = statistics.median(times) * 1000
            # The process's CPU time: what other jobs on the machine disturb least (on SQLite it
            # includes the queries, run in the process; on PostgreSQL the server's is not in it).
            found[f"{op}_cpu_ms"] = statistics.median(cpu) * 1000
        result[name] = found
    return result


def grow() -> int:
    """Nine copies of every incident, by the database itself; the rows added."""
    from django.db import connection, transaction

    from marsad.ceasefire.models import Incident

    table = Incident._meta.db_table
    names = [f.column for f in Incident._meta.concrete_fields if f.column != "id"]
    chosen = [f"{n} || '-' || CAST(k AS VARCHAR(2))" if n == "event_id" else n for n in names]
    copies = " UNION ALL ".join(f"SELECT {k} AS k" for k in range(1, COPIES + 1))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(chosen)}"
            f" FROM {table} CROSS JOIN ({copies}) copies"
        )
        return cursor.rowcount


def build(n: int) -> None:
    """The world `bench/incidents.py --bulk` measures, at N incidents, in the empty database."""
    from django.core.management import call_command

    from incidents_bulk import add_figures, add_incidents, say
    from incidents_world import load_world, readers

    call_command("migrate", verbosity=0)
    load_world()
    readers()
    say(f"writing {n:,} incidents in bulk")
    add_incidents(n)
    say(f"  {add_figures(0):,} figures of sources for these incidents")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--add-figures",
        action="store_true",
        help="first add a source's figure for one incident in 500 of those already there",
    )
    parser.add_argument("--database-url", help="the database to grow (a copy: it is changed)")
    parser.add_argument(
        "--measure-only", action="store_true", help="time the database as it is, grow nothing"
    )
    parser.add_argument(
        "--build",
        type=int,
        default=0,
        metavar="N",
        help="first build the world and N incidents (with figures) into the empty database",
    )
    args = parser.parse_args()
    if not args.database_url:
        print(json.dumps({"bench": "dashboard_scale", "skipped": "no --database-url given"}))
        return
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django
    from django.conf import settings

    # As bench/incidents.py: static files named from their sources, no collectstatic needed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from marsad.ceasefire.models import CasualtyFigure, Incident
    from marsad.ceasefire.services import counts

    sys.path.insert(0, str(Path(__file__).parent))
    from incidents import add_figures

    if args.build:
        build(args.build)
    analyst = get_user_model().objects.filter(role="analyst").order_by("id").first()
    users = {"anonymous": None, "analyst": analyst}
    if args.add_figures:
        add_figures(0)
    before = Incident.objects.count()
    first = measure(users, args.runs)
    if args.measure_only:
        print(
            json.dumps(
                {
                    "bench": "dashboard_scale",
                    "incidents": before,
                    "latency": first,
                    "load": os.getloadavg(),
                }
            )
        )
        return
    last_id = Incident.objects.order_by("-id").values_list("id", flat=True).first() or 0
    started = time.perf_counter()
    added = grow()
    figures = add_figures(last_id)
    rows = counts.rebuild()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = time.perf_counter() - started
    second = measure(users, args.runs)
    result = {
        "bench": "dashboard_scale",
        "database": connection.vendor,
        "incidents": [before, before + added],
        "figures_with_incident": CasualtyFigure.objects.filter(incident__isnull=False).count(),
        "figures_added": figures,
        "count_rows": rows,
        "grow_seconds": built,
        "runs": args.runs,
        "latency": {str(before): first, str(before + added): second},
        "growth": {
            name: {
                op: second[name][op] / first[name][op] for op in first[name] if op.endswith("_ms")
            }
            for name in users
        },
        "load": os.getloadavg(),
    }
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded))


if __name__ == "__main__":
    main()
