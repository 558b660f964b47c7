"""Benchmark of incidents at scale. Generates N synthetic incidents in ACLED's 31-column export
shape (seeded), imports them through `import_acled` in two steps (N/10, then the rest), and
measures on a throwaway database, against baselines in the same run:

  reader     iter_acled alone over each step's file (its share of the import)
  import     import_acled, against a bare executemany of the same parsed rows into a bare table
             with the same columns (separate temporary SQLite file, same pragmas); reader, bare
             and service run back to back for each step, timed in wall-clock and CPU seconds
  latency    after each step (N/10 and N incidents): the dashboard's aggregates and summary, a
             filtered incident list page (50 rows and the count), the map data at zoom 10 and 12
             (H3 clusters) and 15 (points in a box), for an analyst and an anonymous reader, and
             the real HTTP views (dashboard, incident list, /api/v1/ceasefire/map?zoom=10)

The database holds the ceasefire's demo (agreement, phases, governorates, the real daily series)
so the dashboard is the real one. It prints one JSON line and a table on stderr. Timings vary
between machines; they are never pass/fail tests.
Usage: bench/incidents.py [--n N | --quick] [--runs R] [--seed S] [--database-url postgres://...]
       [--bulk [--ops OP,OP] [--bench-db NAME] [--keep]]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

# The parts live beside this script (the export, the database, what is timed); the names other
# benchmarks import from here (bench/bulk.py, bench/dashboard_scale.py) stay importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from incidents_bulk import add_figures, add_incidents, last_incident_id  # noqa: E402
from incidents_export import SEED, generate  # noqa: E402
from incidents_latency import OPS, measure_latency, stage_figures, table  # noqa: E402
from incidents_world import (  # noqa: E402
    BareTable,
    clocked,
    database_mb,
    import_stage,
    load_world,
    pg_admin,
    read_rows,
    readers,
    say,
    timed,
)

__all__ = [
    "OPS",
    "SEED",
    "BareTable",
    "add_figures",
    "clocked",
    "generate",
    "load_world",
    "pg_admin",
    "read_rows",
]

BENCH_DB = "marsad_bench_incidents"  # not core.py's: the two may run at once


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What incidents cost at scale.")
    parser.add_argument("--n", type=int, default=1_000_000, help="incidents (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="N=100,000, for a quick check")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per latency (median)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--bulk",
        action="store_true",
        help="write the incidents in bulk (bench/pages.py's restore, counted by a rebuild) "
        "instead of importing them: latency only, in minutes instead of an hour at 10M",
    )
    parser.add_argument(
        "--ops", default="", help="comma-separated operations to time (default: all of OPS)"
    )
    parser.add_argument("--bench-db", default=BENCH_DB, help="the PostgreSQL database's name")
    parser.add_argument(
        "--database-url", help=f"a PostgreSQL server; the run uses its own database {BENCH_DB}"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the PostgreSQL database at the end (for bench/dashboard_scale.py "
        "--measure-only); drop it yourself afterwards",
    )
    args = parser.parse_args()
    if args.quick:
        args.n = 100_000
    if args.ops:
        chosen = args.ops.split(",")
        unknown = set(chosen) - set(OPS)
        if unknown:
            parser.error(f"unknown operations: {', '.join(sorted(unknown))}")
        OPS[:] = [op for op in OPS if op in chosen]
    return args


def run(args: argparse.Namespace, tmp: str, url: str | None) -> dict[str, Any]:
    import django
    from django.core.management import call_command
    from django.db import connections

    if args.bulk:
        return run_bulk(args, tmp, url)
    split = args.n // 10
    first, rest = Path(tmp, "acled-first.csv"), Path(tmp, "acled-rest.csv")
    say(f"generating {args.n:,} incidents")
    gen_seconds, generated = timed(generate, args.n, split, args.seed, first, rest)

    django.setup()
    call_command("migrate", verbosity=0)
    load_world()
    users = readers()
    bare = BareTable(tmp, url)

    # Each step reads its file, inserts the rows bare, then imports them through the service,
    # back to back, so that the three share the machine's load of the moment.
    stages, latency, sizes = [], {}, {}
    clocks: dict[str, float] = {}
    for label, path, rows in ((f"{split:,}", first, split), (f"{args.n:,}", rest, args.n - split)):
        say(f"reading {rows:,} rows with iter_acled, then inserting them bare")
        t: dict[str, float] = {}
        t["reader_wall"], t["reader_cpu"], parsed = read_rows(path)
        assert len(parsed) == rows
        t["bare_wall"], t["bare_cpu"] = bare.insert(parsed)
        del parsed
        say(f"importing {rows:,} rows")
        t["import_wall"], t["import_cpu"], report = import_stage(path)
        assert report.created == rows, report.as_dict()
        assert not report.rejected, report.rejected[:5]
        stages.append(stage_figures(f"+{rows:,}", rows, t))
        for key, value in t.items():
            clocks[key] = clocks.get(key, 0.0) + value
        say(f"measuring latency at {label} incidents")
        latency[label] = measure_latency(users, args.runs)
        sizes[label] = database_mb(url, tmp)
    bare.close()
    connections.close_all()
    labels = list(latency)
    growth = {
        reader: {
            op: latency[labels[1]][reader][f"{op}_ms"] / latency[labels[0]][reader][f"{op}_ms"]
            for op in OPS
        }
        for reader in users
    }
    return {
        "bench": "incidents",
        "database": "postgresql" if url else "sqlite",
        "n": args.n,
        "seed": args.seed,
        "runs": args.runs,
        "generate": {"seconds": gen_seconds, **generated},
        "import": {"stages": stages, "total": stage_figures("total", args.n, clocks)},
        "latency": latency,
        "growth": growth,
        "database_mb": sizes,
    }


def run_bulk(args: argparse.Namespace, tmp: str, url: str | None) -> dict[str, Any]:
    """Latency only, at N/10 and N incidents written in bulk (no import measured)."""
    import django
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("migrate", verbosity=0)
    load_world()
    users = readers()
    latency, sizes = {}, {}
    split = args.n // 10
    for label, rows, start in ((f"{split:,}", split, 0), (f"{args.n:,}", args.n - split, split)):
        say(f"writing {rows:,} incidents in bulk")
        before = last_incident_id()
        add_incidents(rows, seed=args.seed + start, first_id=start)
        say(f"  {add_figures(before):,} figures of sources for these incidents")
        say(f"measuring latency at {label} incidents")
        latency[label] = measure_latency(users, args.runs)
        # On stderr at once: a long run stopped before its end keeps the steps it measured.
        say(f"  at {label}: {json.dumps(latency[label])}")
        sizes[label] = database_mb(url, tmp)
    connections.close_all()
    labels = list(latency)
    return {
        "bench": "incidents",
        "mode": "bulk",
        "database": "postgresql" if url else "sqlite",
        "n": args.n,
        "runs": args.runs,
        "latency": latency,
        "growth": {
            reader: {
                op: latency[labels[1]][reader][f"{op}_ms"] / latency[labels[0]][reader][f"{op}_ms"]
                for op in OPS
            }
            for reader in users
        },
        "database_mb": sizes,
    }


def main() -> None:
    args = parse_args()
    # A run stopped with SIGTERM still removes its temporary files and database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    os.environ["MARSAD_VAR_DIR"] = tmp
    os.mkdir(os.path.join(tmp, "static"))  # STATIC_ROOT, empty: WhiteNoise reads the sources
    bench_url = None
    if args.database_url:
        # A database of our own on the server, so nothing of the user's is read or changed.
        bench_url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + args.bench_db))
        pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {args.bench_db}")
        pg_admin(args.database_url, f"CREATE DATABASE {args.bench_db}")
        os.environ["DATABASE_URL"] = bench_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    from django.conf import settings

    # As the test settings do: static files named from their sources, no collectstatic run, so
    # the pages render without a manifest. The pages' own work is unchanged.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    try:
        result = run(args, tmp, bench_url)
    finally:
        if bench_url and not args.keep:
            pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {args.bench_db} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    if "import" in result:
        print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
