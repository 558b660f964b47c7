"""What bench/incidents.py times after each step (`OPS`, for each reader) and how it reports it."""

from __future__ import annotations

import statistics
from typing import Any

from incidents_world import clocked

LIST_FILTERS = {"pcode": "PS0260", "event_type": "Explosions/Remote violence"}
# About what a 1280x800 window shows at zoom 15 over Shujaiyya and Az Zaytun.
MAP_BBOX = "34.440,31.485,34.495,31.515"

# --- report ---------------------------------------------------------------------------------

OPS = [
    "aggregates",
    "daily_counts",
    "summarize",
    "list_page",
    "map_zoom10",
    "map_zoom12",
    "map_zoom15_bbox",
    "http_dashboard",
    "http_dashboard_kept",
    "http_incident_list",
    "http_map_zoom10",
]


def operations(user: Any) -> dict[str, Any]:
    """What is timed for one reader: name -> a function that does it."""
    from django.core.cache import cache
    from django.core.paginator import Paginator
    from django.test import Client

    from marsad.ceasefire import mapdata, selectors
    from marsad.ceasefire.summary import summarize

    effective = summarize(user).effective
    client = Client(HTTP_HOST="localhost")
    if user.is_authenticated:
        client.force_login(user)

    def list_page():
        qs = selectors.incidents(user, selectors.IncidentFilters(**LIST_FILTERS))
        page = Paginator(qs, 50).get_page(1)
        return len(page.object_list), page.paginator.count

    def get(path: str, **params: Any):
        response = client.get(path, params)
        assert response.status_code == 200, (path, response.status_code)
        return len(response.content)

    def map_at(zoom: float, bbox: str = ""):
        qs = selectors.incidents(user)
        if bbox:
            qs = mapdata.bbox_filter(qs, bbox)
        return len(mapdata.features(qs, zoom=zoom)["features"])

    def cold(fn):
        # What the first reader after a write waits for: nothing kept from an earlier answer.
        def run():
            cache.clear()
            return fn()

        return run

    since = selectors.IncidentFilters(start=effective)
    return {
        "aggregates": lambda: selectors.aggregates(user, since),
        "daily_counts": lambda: (
            selectors.incidents_by_governorate(user, since),
            selectors.incidents_per_day(user, since),
        ),
        "summarize": lambda: summarize(user),
        "list_page": list_page,
        "map_zoom10": lambda: map_at(10),
        "map_zoom12": lambda: map_at(12),
        "map_zoom15_bbox": lambda: map_at(15, MAP_BBOX),
        "http_dashboard": cold(lambda: get("/ceasefire/")),
        "http_dashboard_kept": lambda: get("/ceasefire/"),
        "http_incident_list": lambda: get("/ceasefire/incidents/", **LIST_FILTERS),
        "http_map_zoom10": lambda: get("/api/v1/ceasefire/map", zoom=10),
    }


def measure_latency(users: dict[str, Any], runs: int) -> dict[str, dict[str, float]]:
    """Median milliseconds of each operation for each reader, and its SQL statements. Readers
    and operations take turns within each round, so drift touches them all alike; a first round,
    untimed, warms the caches and counts the statements."""
    from django.db import connection

    ops = {
        name: {op: fn for op, fn in operations(user).items() if op in OPS}
        for name, user in users.items()
    }
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    result: dict[str, dict[str, float]] = {name: {} for name in users}
    with connection.execute_wrapper(count):
        for name, table in ops.items():
            for op, fn in table.items():
                queries[0] = 0
                fn()
                result[name][f"{op}_queries"] = queries[0]
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for name, table in ops.items():
            for op, fn in table.items():
                wall, spent, _result = clocked(fn)
                times.setdefault((name, op), []).append(wall)
                cpu.setdefault((name, op), []).append(spent)
    for (name, op), values in times.items():
        result[name][f"{op}_ms"] = statistics.median(values) * 1000
        # This process's CPU time (on SQLite it includes the queries; on PostgreSQL the
        # server's is not in it): what other jobs on the machine disturb least.
        result[name][f"{op}_cpu_ms"] = statistics.median(cpu[name, op]) * 1000
    return result


def table(result: dict) -> str:
    imp = result["import"]
    lines = [
        f"bench incidents on {result['database']}, n={result['n']:,}, runs={result['runs']}",
        f"  generate        {result['generate']['seconds']:8.1f} s"
        f"  ({result['generate']['bytes'] / 1e6:.0f} MB of CSV)",
    ]
    for stage in [*imp["stages"], imp["total"]]:
        lines.append(
            f"  import {stage['label']:<8} {stage['per_second']:6.0f} rows/s"
            f" ({stage['seconds']:5.1f} s)  bare {stage['bare_per_second']:7.0f} rows/s"
            f"  ratio {stage['ratio']:5.1f} (CPU {stage['cpu_ratio']:5.1f})"
            f"  reader {stage['reader_per_second']:6.0f} rows/s = {stage['reader_share']:.0%}"
        )
    sizes = list(result["latency"])
    lines.append(
        "  latency (ms)      "
        + "".join(f"{r + ' @' + s:>22}" for r in ("analyst", "anonymous") for s in sizes)
    )
    for op in OPS:
        cells = "".join(
            f"{cell[op + '_ms']:>16.1f} ({cell[op + '_queries']:>2}q)"
            for r in ("analyst", "anonymous")
            for s in sizes
            for cell in [result["latency"][s][r]]
        )
        lines.append(f"  {op:<18}{cells}")
    lines.append(
        "  database size    " + "  ".join(f"{s}: {result['database_mb'][s]:.0f} MB" for s in sizes)
    )
    return "\n".join(lines)


def stage_figures(label: str, rows: int, t: dict[str, float]) -> dict[str, Any]:
    """One import step's figures from its wall (`*_wall`) and CPU (`*_cpu`) seconds."""
    return {
        "label": label,
        "rows": rows,
        "seconds": t["import_wall"],
        "cpu_seconds": t["import_cpu"],
        "per_second": rows / t["import_wall"],
        "bare_seconds": t["bare_wall"],
        "bare_cpu_seconds": t["bare_cpu"],
        "bare_per_second": rows / t["bare_wall"],
        "ratio": t["import_wall"] / t["bare_wall"],
        "cpu_ratio": t["import_cpu"] / t["bare_cpu"],
        "reader_seconds": t["reader_wall"],
        "reader_per_second": rows / t["reader_wall"],
        "reader_share": t["reader_wall"] / t["import_wall"],
        "reader_cpu_share": t["reader_cpu"] / t["import_cpu"],
    }
