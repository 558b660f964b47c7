"""Benchmark of humanitarian access, on a throwaway SQLite database, against baselines measured
in the same run:

  import     `import_unrwa` over the real UNRWA list (../shared/data/aid, 37,373 trucks; the
             part is skipped when the folder is absent), against a bare sqlite3 executemany of the
             same parsed rows into a table with the stored columns (same pragmas, one commit);
             the reader alone (its share of the import) and a second, idempotent run
  proximity  N synthetic incidents (default 1,000,000, seeded, uniform over the Strip's OCHA
             polygons) against 10 corridors (the 5 demo routes and 5 seeded random ones) at 1 km:
             - core: `geo.distance.PointIndex` (projected STRtree) built once, then `near` per
               corridor, against a brute-force `distances_m` of every point to each corridor
             - database: the same incidents stored in the ceasefire's table, and
               `access.proximity.incidents_near` per corridor (H3 cells as an indexed prefilter,
               then exact distances), against the same function reading every located incident
               (prefilter off)
             Every method must find the same incidents; the script exits 1 if they differ.

It prints one JSON line and a table on stderr. Timings vary between machines; they are never
pass/fail tests.
Usage: bench/access.py [--n N | --quick] [--seed S]
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
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from baseline import AID_COLUMNS, Bare, aid_rows  # noqa: E402

REAL_UNRWA = ROOT.parent / "shared" / "data" / "aid" / "unrwa_commodities_received_20241111.csv"
SEED = 2026
METRES = 1000.0
CHUNK = 50_000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What humanitarian access costs.")
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic incidents")
    parser.add_argument("--quick", action="store_true", help="N=100,000")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.quick:
        args.n = 100_000
    return args


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


# --- the import of the real UNRWA list -----------------------------------------------------


def bare_insert(tmp: str, trucks: list[Any]) -> float:
    """Seconds to insert the parsed trucks with no framework: one executemany, one commit."""
    bare = Bare(tmp, None, "bare", AID_COLUMNS)
    seconds, _cpu = bare.insert(aid_rows(trucks, "unrwa"))
    bare.close()
    return seconds


def bench_import(tmp: str) -> dict[str, Any]:
    from marsad.access.imports import import_unrwa
    from marsad.core.services.base import SystemUser
    from marsad.datasets.aid import read_unrwa

    if not REAL_UNRWA.exists():
        return {"skipped": f"{REAL_UNRWA} is absent"}
    say("reading the UNRWA list alone, then the bare baseline")
    read_seconds, loaded = timed(read_unrwa, REAL_UNRWA)
    rows = len(loaded.records)
    bare_seconds = bare_insert(tmp, loaded.records)
    say(f"importing {rows:,} trucks through import_unrwa")
    by = SystemUser("system:bench")
    seconds, report = timed(import_unrwa, by=by, path=REAL_UNRWA)
    if report.created != rows or report.rejected:
        raise SystemExit(f"the import did not take every row: {report.as_dict()}")
    again_seconds, again = timed(import_unrwa, by=by, path=REAL_UNRWA)
    if again.created or again.already_there != rows:
        raise SystemExit(f"the second import was not idempotent: {again.as_dict()}")
    return {
        "rows": rows,
        "rejected": report.rejected_rows,
        "reader_seconds": read_seconds,
        "reader_per_second": rows / read_seconds,
        "seconds": seconds,
        "per_second": rows / seconds,
        "bare_seconds": bare_seconds,
        "bare_per_second": rows / bare_seconds,
        "ratio": seconds / bare_seconds,
        "reader_share": read_seconds / seconds,
        "rerun_seconds": again_seconds,
        "rerun_per_second": rows / again_seconds,
    }


# --- proximity -----------------------------------------------------------------------------


def strip_points(n: int, rng: Any) -> tuple[Any, Any]:
    """N points uniform over the Strip (the union of the OCHA governorate polygons)."""
    import numpy as np
    import shapely
    from shapely.geometry import shape
    from shapely.ops import unary_union

    from marsad.geo.governorates import governorate_geometries

    strip = unary_union([shape(g) for g in governorate_geometries().values()])
    shapely.prepare(strip)
    west, south, east, north = strip.bounds
    lats, lons = [], []
    found = 0
    while found < n:
        x = rng.uniform(west, east, n)
        y = rng.uniform(south, north, n)
        keep = shapely.contains_xy(strip, x, y)
        lons.append(x[keep])
        lats.append(y[keep])
        found += int(keep.sum())
    return np.concatenate(lats)[:n], np.concatenate(lons)[:n]


def corridors(rng: Any) -> list[tuple[str, dict[str, Any]]]:
    """The five demo routes and five seeded random ones (three to five points in the Strip)."""
    spec = tomllib.loads((ROOT / "src/marsad/access/demo.toml").read_text(encoding="utf-8"))
    found = [
        (c["key"], {"type": "LineString", "coordinates": c["route"]}) for c in spec["corridor"]
    ]
    lats, lons = strip_points(40, rng)
    start = 0
    for index in range(10 - len(found)):
        size = int(rng.integers(3, 6))
        coordinates = [[float(lons[i]), float(lats[i])] for i in range(start, start + size)]
        start += size
        found.append((f"RANDOM-{index + 1}", {"type": "LineString", "coordinates": coordinates}))
    return found


def bench_core(lats: Any, lons: Any, routes: list[tuple[str, Any]]) -> tuple[dict, dict]:
    import numpy as np

    from marsad.geo.distance import PointIndex, distances_m

    build_seconds, index = timed(PointIndex, lats, lons)
    found, near_seconds = {}, []
    for key, route in routes:
        seconds, hits = timed(index.near, route, METRES)
        near_seconds.append(seconds)
        found[key] = hits
    brute_seconds = []
    for key, route in routes:
        seconds, distances = timed(distances_m, route, lats, lons)
        brute_seconds.append(seconds)
        if not np.array_equal(np.flatnonzero(distances <= METRES), found[key]):
            raise SystemExit(f"core: PointIndex and brute force disagree on {key}")
    total = build_seconds + sum(near_seconds)
    return {
        "build_seconds": build_seconds,
        "near_total_seconds": sum(near_seconds),
        "near_median_ms": statistics.median(near_seconds) * 1000,
        "with_build_seconds": total,
        "brute_total_seconds": sum(brute_seconds),
        "brute_median_ms": statistics.median(brute_seconds) * 1000,
        "ratio_query_vs_brute": sum(near_seconds) / sum(brute_seconds),
        "ratio_with_build_vs_brute": total / sum(brute_seconds),
    }, {key: len(hits) for key, hits in found.items()}


def store_incidents(lats: Any, lons: Any, rng: Any) -> float:
    """The incidents in the ceasefire's table, written with one executemany per chunk (not
    through the importer: this part measures the reads)."""
    import h3
    from django.db import connection, transaction

    from marsad.ceasefire.models import Incident

    fields = [f for f in Incident._meta.concrete_fields if f.name != "id"]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {Incident._meta.db_table} ({columns}) VALUES ({marks})"
    defaults = {f.name: f.get_db_prep_save(f.get_default(), connection) for f in fields}
    first = date(2023, 10, 7)
    days = rng.integers(0, 1000, len(lats))
    start = time.perf_counter()
    for offset in range(0, len(lats), CHUNK):
        rows = []
        for i in range(offset, min(offset + CHUNK, len(lats))):
            lat, lon = float(lats[i]), float(lons[i])
            values = {
                **defaults,
                "event_id": f"BENCH{i:07d}",
                "event_date": (first + timedelta(days=int(days[i]))).isoformat(),
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "latitude": lat,
                "longitude": lon,
                "h3_6": h3.latlng_to_cell(lat, lon, 6),
                "h3_8": h3.latlng_to_cell(lat, lon, 8),
                "fatalities": int(i % 7 == 0),
                "marking": "public",
            }
            rows.append([values[f.name] for f in fields])
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    return time.perf_counter() - start


def bench_database(routes: list[tuple[str, Any]], expected: dict[str, int]) -> dict[str, Any]:
    from marsad.access import proximity
    from marsad.ceasefire.models import Incident
    from marsad.core.services.base import SystemUser

    reader = SystemUser("system:bench")
    prefiltered, full, cells, candidates, fetch = [], [], [], [], []
    for key, route in routes:
        column, chosen = proximity.covering_cells(route, METRES)
        cells.append(len(chosen))
        # The read alone, as incidents_near does it: the rows of the cells around the route.
        rows = Incident.objects.filter(**{f"{column}__in": chosen}).values_list(
            "id",
            "latitude",
            "longitude",
            "event_date",
            "event_type",
            "sub_event_type",
            "fatalities",
        )
        seconds, fetched = timed(list, rows)
        fetch.append(seconds)
        candidates.append(len(fetched))
        del fetched
        seconds, found = timed(proximity.incidents_near, reader, route, metres=METRES)
        prefiltered.append(seconds)
        if len(found.incidents) != expected[key]:
            raise SystemExit(f"database: {key} found {len(found.incidents)}, core {expected[key]}")
    limit = proximity.MAX_CELLS
    proximity.MAX_CELLS = -1  # no cell filter: every located incident is read
    try:
        for key, route in routes:
            seconds, found = timed(proximity.incidents_near, reader, route, metres=METRES)
            full.append(seconds)
            if len(found.incidents) != expected[key]:
                raise SystemExit(f"database without prefilter disagrees on {key}")
    finally:
        proximity.MAX_CELLS = limit
    return {
        "cells_median": statistics.median(cells),
        "candidates_total": sum(candidates),
        "hits_share_of_candidates": sum(expected.values()) / sum(candidates),
        "fetch_share": sum(fetch) / sum(prefiltered),
        "prefiltered_total_seconds": sum(prefiltered),
        "prefiltered_median_ms": statistics.median(prefiltered) * 1000,
        "full_scan_total_seconds": sum(full),
        "full_scan_median_ms": statistics.median(full) * 1000,
        "ratio_prefiltered_vs_full_scan": sum(prefiltered) / sum(full),
    }


def bench_proximity(n: int, seed: int) -> dict[str, Any]:
    import numpy as np

    rng = np.random.default_rng(seed)
    say(f"placing {n:,} synthetic incidents over the Strip")
    lats, lons = strip_points(n, rng)
    routes = corridors(rng)
    say("proximity in the core: PointIndex against brute force")
    core, found = bench_core(lats, lons, routes)
    say(f"storing {n:,} incidents in the ceasefire's table")
    store_seconds = store_incidents(lats, lons, rng)
    say("proximity through the database: H3 prefilter against a full read")
    database = bench_database(routes, found)
    return {
        "n": n,
        "corridors": len(routes),
        "metres": METRES,
        "found": found,
        "found_total": sum(found.values()),
        "store_seconds": store_seconds,
        "core": core,
        "database": database,
    }


# --- report --------------------------------------------------------------------------------


def table(result: dict[str, Any]) -> str:
    lines = ["bench access on sqlite"]
    imp = result["import"]
    if "skipped" in imp:
        lines.append(f"  import: skipped ({imp['skipped']})")
    else:
        lines += [
            f"  UNRWA import      {imp['per_second']:9.0f} rows/s ({imp['seconds']:.1f} s)"
            f"  bare {imp['bare_per_second']:9.0f} rows/s  ratio {imp['ratio']:.0f}",
            f"  reader alone      {imp['reader_per_second']:9.0f} rows/s"
            f"  (share of the import {imp['reader_share']:.0%})",
            f"  rerun (nothing)   {imp['rerun_per_second']:9.0f} rows/s"
            f" ({imp['rerun_seconds']:.1f} s)",
        ]
    prox = result["proximity"]
    core, db = prox["core"], prox["database"]
    lines += [
        f"  proximity: {prox['n']:,} incidents x {prox['corridors']} corridors at"
        f" {prox['metres']:.0f} m, {prox['found_total']:,} hits",
        f"  core index build  {core['build_seconds']:9.2f} s",
        f"  core near         {core['near_median_ms']:9.1f} ms median"
        f"  brute {core['brute_median_ms']:9.1f} ms  ratio {core['ratio_query_vs_brute']:.3f}"
        f" (with build {core['ratio_with_build_vs_brute']:.2f})",
        f"  store incidents   {prox['store_seconds']:9.1f} s",
        f"  database near     {db['prefiltered_median_ms']:9.0f} ms median"
        f"  full read {db['full_scan_median_ms']:9.0f} ms"
        f"  ratio {db['ratio_prefiltered_vs_full_scan']:.2f}"
        f"  ({db['cells_median']:.0f} H3 cells)",
        f"  database rows read {db['candidates_total']:,} for {prox['found_total']:,} hits;"
        f" reading them is {db['fetch_share']:.0%} of the time",
    ]
    return "\n".join(lines)


def main() -> None:
    args = parse_args()
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    os.environ["MARSAD_VAR_DIR"] = tmp
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django
    from django.core.management import call_command

    try:
        django.setup()
        call_command("migrate", verbosity=0)
        result = {
            "bench": "access",
            "database": "sqlite",
            "seed": args.seed,
            "import": bench_import(tmp),
            "proximity": bench_proximity(args.n, args.seed),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
