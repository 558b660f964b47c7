"""Benchmark of the imports' bulk writes: each import, end to end (reading the file, checking
the batch, the records and their history rows, the audit entry with its Merkle root, and what
the gate's listeners keep: daily counts), against a baseline in the same run; then, timed
apart, the search entries the import queued, written as the indexing job writes them (what
`marsad import` runs before returning). The baseline:
the same parsed rows, with the same stored values, written with no framework into a bare table
with the same columns and unique key. On SQLite the baseline is one `executemany` and a commit
(a separate file, same pragmas); on PostgreSQL (`--database-url`) one `COPY … FROM STDIN` into a
temporary table on the same server.

  acled   N synthetic incidents in ACLED's shape (bench/incidents.py's generator, seed 2026),
          imported in two steps (N/10, then the rest)
  unrwa   the real UNRWA list of ../shared/data/aid (37,373 trucks), when present
  cogat   the real COGAT list of ../shared/data/aid, when present

It prints one JSON line and a table on stderr. Timings vary; they are never pass/fail tests.
Usage: bench/bulk.py [--n N | --quick] [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import incidents as acled_bench  # noqa: E402  (bench/incidents.py: generator and reader)
from baseline import AID_COLUMNS, Bare, aid_rows, clocked  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
AID = ROOT.parent / "shared" / "data" / "aid"
UNRWA = AID / "unrwa_commodities_received_20241111.csv"
COGAT = AID / "cogat_aid_consignments_24sep2024.csv"
BENCH_DB = "marsad_bench_bulk"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _figures(rows: int, seconds: float, cpu: float, bare: tuple[float, float], reader: float):
    return {
        "rows": rows,
        "seconds": seconds,
        "per_second": rows / seconds,
        "cpu_seconds": cpu,
        "bare_seconds": bare[0],
        "bare_cpu_seconds": bare[1],
        "bare_per_second": rows / bare[0],
        "ratio": seconds / bare[0],
        "ratio_cpu": cpu / bare[1] if bare[1] else None,
        "reader_seconds": reader,
        "reader_per_second": rows / reader,
    }


def _indexing(bare: tuple[float, float]) -> dict[str, Any]:
    """The search entries the import queued, written as `marsad import` does after it (the job
    `core.tasks.index_backlog`), timed on their own."""
    from marsad.core.search import backlog

    wall, cpu, written = clocked(backlog.run)
    return {
        "indexed": written,
        "index_seconds": wall,
        "index_cpu_seconds": cpu,
        "index_ratio_cpu": cpu / bare[1] if bare[1] else None,
    }


def bench_acled(n: int, tmp: str, url: str | None) -> dict[str, Any]:
    from marsad.ceasefire.imports import import_acled
    from marsad.core.services.base import SystemUser

    first, rest = Path(tmp) / "first.csv", Path(tmp) / "rest.csv"
    say(f"writing {n:,} synthetic ACLED rows")
    acled_bench.generate(n, n // 10, acled_bench.SEED, first, rest)
    bare = Bare(tmp, url, "bare_acled", acled_bench.BareTable.COLUMNS)
    steps = {}
    for name, path in (("first", first), ("rest", rest)):
        reader, _cpu, rows = acled_bench.read_rows(path)
        floor = bare.insert(rows)
        say(f"importing {len(rows):,} rows ({name})")
        wall, cpu, report = clocked(
            import_acled, by=SystemUser("bench"), path=path, marking="public"
        )
        if report.created != len(rows) or report.rejected:
            raise SystemExit(f"the import did not take every row: {report.as_dict()}")
        steps[name] = {**_figures(len(rows), wall, cpu, floor, reader), **_indexing(floor)}
    bare.close()
    total = {
        key: steps["first"][key] + steps["rest"][key]
        for key in (
            "rows",
            "seconds",
            "cpu_seconds",
            "bare_seconds",
            "bare_cpu_seconds",
            "reader_seconds",
            "index_seconds",
            "index_cpu_seconds",
        )
    }
    steps["all"] = {
        **total,
        "per_second": total["rows"] / total["seconds"],
        "bare_per_second": total["rows"] / total["bare_seconds"],
        "ratio": total["seconds"] / total["bare_seconds"],
        "ratio_cpu": total["cpu_seconds"] / total["bare_cpu_seconds"],
        "index_ratio_cpu": total["index_cpu_seconds"] / total["bare_cpu_seconds"],
        "reader_per_second": total["rows"] / total["reader_seconds"],
    }
    return steps


def bench_aid(kind: str, tmp: str, url: str | None) -> dict[str, Any]:
    from marsad.access.imports import import_cogat, import_unrwa
    from marsad.core.services.base import SystemUser
    from marsad.datasets.aid import read_cogat, read_unrwa

    path, read, importer = {
        "unrwa": (UNRWA, read_unrwa, import_unrwa),
        "cogat": (COGAT, read_cogat, import_cogat),
    }[kind]
    if not path.exists():
        return {"skipped": f"{path} is absent"}
    reader, _cpu, loaded = clocked(read, path)
    rows = aid_rows(loaded.records, kind)
    bare = Bare(tmp, url, f"bare_{kind}", AID_COLUMNS)
    floor = bare.insert(rows)
    bare.close()
    say(f"importing {len(rows):,} rows of {path.name}")
    by = SystemUser("bench")
    wall, cpu, report = clocked(importer, by=by, path=path)
    if report.created != len(rows):
        raise SystemExit(f"the {kind} import did not take every row: {report.as_dict()}")
    indexing = _indexing(floor)
    again, _cpu, second = clocked(importer, by=by, path=path)
    if second.created:
        raise SystemExit(f"the second {kind} import was not idempotent: {second.as_dict()}")
    return {**_figures(len(rows), wall, cpu, floor, reader), **indexing, "rerun_seconds": again}


def table(result: dict[str, Any]) -> str:
    lines = [f"bench bulk on {result['database']} (N={result['n']:,})"]

    def line(name: str, f: dict[str, Any]) -> None:
        if "skipped" in f:
            lines.append(f"  {name:<12} skipped ({f['skipped']})")
            return
        lines.append(
            f"  {name:<12} {f['per_second']:9.0f} rows/s ({f['seconds']:.1f} s)"
            f"  bare {f['bare_per_second']:9.0f} rows/s  ratio {f['ratio']:.1f}"
            f"  reader {f['reader_per_second']:7.0f} rows/s"
        )
        if f.get("ratio_cpu") is not None:
            lines.append(
                f"  {'':<12} CPU {f['cpu_seconds']:.2f} s, ratio {f['ratio_cpu']:.1f};"
                f" then indexing CPU {f.get('index_cpu_seconds', 0):.2f} s"
                f" (ratio {f.get('index_ratio_cpu') or 0:.1f})"
            )

    for step, figures in result["acled"].items():
        line(f"acled {step}", figures)
    line("unrwa", result["unrwa"])
    line("cogat", result["cogat"])
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="What the imports' bulk writes cost.")
    parser.add_argument("--n", type=int, default=100_000, help="ACLED rows (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="N=20,000")
    parser.add_argument("--database-url", help=f"a PostgreSQL server (database {BENCH_DB})")
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    tmp = tempfile.mkdtemp(prefix="marsad-bench-bulk-")
    os.environ["MARSAD_VAR_DIR"] = tmp
    bare_url = None
    if args.database_url:
        parts = urlsplit(args.database_url)
        admin = args.database_url
        bare_url = urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
        acled_bench.pg_admin(admin, f"DROP DATABASE IF EXISTS {BENCH_DB}")
        acled_bench.pg_admin(admin, f"CREATE DATABASE {BENCH_DB}")
        os.environ["DATABASE_URL"] = bare_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django
    from django.core.management import call_command

    try:
        django.setup()
        call_command("migrate", verbosity=0)
        acled_bench.load_world()
        result = {
            "bench": "bulk",
            "database": "postgresql" if args.database_url else "sqlite",
            "n": n,
            "load_average": os.getloadavg(),
            "acled": bench_acled(n, tmp, bare_url),
            "unrwa": bench_aid("unrwa", tmp, bare_url),
            "cogat": bench_aid("cogat", tmp, bare_url),
        }
    finally:
        if args.database_url:
            from django.db import connections

            connections.close_all()
            acled_bench.pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB}")
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
