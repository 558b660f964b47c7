"""Benchmark of the ceasefire dashboard's figures `known_on` (read from the history tables)
against the same figures as known today (the kept daily counts), on a database already built
(`marsad migrate && marsad demo`, or a bigger one).

Times `ceasefire.summary.summarize` for an analyst, the cache emptied before each run (what the
first reader of a `known_on` page waits for: a `known_on` answer is computed for each moment
asked), as known today (the same-run baseline) and as held now (`known_on`=now, which reads
every incident's versions). Prints one JSON line: the medians, their CPU times and the ratios.
Usage: MARSAD_VAR_DIR=... bench/known_on.py [--runs R]
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def _timed(compute: Any, runs: int) -> tuple[float, float]:
    from django.core.cache import cache

    walls, cpus = [], []
    for _ in range(runs):
        cache.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        compute()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from marsad.ceasefire.models import Incident
    from marsad.ceasefire.summary import summarize
    from marsad.core.services.base import SystemUser

    if Incident._meta.db_table not in connection.introspection.table_names():
        print(json.dumps({"bench": "known_on", "skipped": "no database: run marsad demo"}))
        return
    reader = SystemUser("bench:known_on")
    now = timezone.now()
    today = _timed(lambda: summarize(reader), args.runs)
    held = _timed(lambda: summarize(reader, known_on=now), args.runs)
    print(
        json.dumps(
            {
                "bench": "known_on",
                "incidents": Incident.objects.count(),
                "versions": Incident.history.count(),
                "today_s": round(today[0], 4),
                "known_on_s": round(held[0], 4),
                "today_cpu_s": round(today[1], 4),
                "known_on_cpu_s": round(held[1], 4),
                "ratio": round(held[0] / today[0], 2),
                "cpu_ratio": round(held[1] / today[1], 2),
                "load": open("/proc/loadavg").read().split()[:3],
            }
        )
    )


if __name__ == "__main__":
    main()
