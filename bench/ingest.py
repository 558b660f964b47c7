"""Benchmark of `marsad ingest` on real posts (FigNews 2024: every unique Arabic and English post
and machine translation, one .txt file each, as bench/extraction.py reads them), against
`marsad extract` over the same files measured in the same run:

  extract      `marsad extract FILES --published D` (pure: nothing stored), output discarded
  ingest       `marsad ingest DIR --source S --published D --workers N` into a fresh SQLite
               database (migrated, with the source, before the clock starts): documents,
               fingerprints, copies of one story, proposed claims and their grades, with
               history rows and one audit entry per batch
  rerun        the same ingest again: everything is skipped by the hash of its text (the
               cost of resuming an interrupted ingest over what was stored)
  dask_1, dask_2  (with --dask) the ingest with extraction on a Dask cluster on loopback of
               one, then two worker processes

Both commands are run as subprocesses, start-up included; each run's CPU seconds (its worker
processes included) are given too, and the ratio of CPU seconds of the one-process ingest to the
extract. It prints one JSON line on stdout.
With --repeat N the extract and the ingest are run N times in turn (each ingest into a fresh
copy of the empty database) and the best of each is kept, so that a machine whose speed drifts
during the run (a shared host does) weighs on both alike.
Timings vary with the machine and its load (given in the output); they are never pass/fail
tests. Usage: bench/ingest.py [--limit N] [--workers N] [--repeat N] [--dask]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extraction import CSV, load  # noqa: E402

MARSAD = str(Path(sys.executable).with_name("marsad"))
PUBLISHED = "2024-01-15"
SOURCE = """
from django.db import transaction
from marsad.commandline import setup_django
setup_django()
from marsad.core.services.actors import create_source
from marsad.core.services.base import SystemUser
with transaction.atomic():
    create_source(by=SystemUser("system:bench"), key="FIGNEWS", name_ar="فيغ نيوز",
                  name_en="FigNews", kind="media", reliability="F", marking="public")
"""


CPU: dict[str, float] = {}  # CPU seconds of each run, its worker processes included


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], env: dict[str, str], name: str = "") -> float:
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if name:
        # Less disturbed than the wall clock on a shared machine: what the command itself used.
        CPU[name] = _children_cpu() - cpu
    print(f"{args[1]} {' '.join(args[-2:])}: {took:.2f} s", file=sys.stderr, flush=True)
    return took


def _best(figures: dict[str, float], name: str, took: float) -> None:
    """Keep the best of the turns, wall clock and CPU seconds alike."""
    key = f"{name}_s"
    if key not in figures or took < figures[key]:
        figures[key] = took
        BEST_CPU[name] = CPU[name]


BEST_CPU: dict[str, float] = {}


def fresh(template: Path, var: Path) -> None:
    shutil.copy(template, var / "marsad.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="the first N texts only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="best of N turns")
    parser.add_argument("--dask", action="store_true", help="also on a local Dask cluster")
    args = parser.parse_args()
    texts = load(CSV)
    if args.limit:
        texts = texts[: args.limit]
    with tempfile.TemporaryDirectory(prefix="marsad-bench-ingest-") as tmp:
        folder, var = Path(tmp) / "posts", Path(tmp) / "var"
        folder.mkdir()
        var.mkdir()
        for index, text in enumerate(texts):
            (folder / f"post-{index:05d}.txt").write_text(text, encoding="utf-8")
        files = sorted(str(p) for p in folder.iterdir())
        env = {**os.environ, "MARSAD_VAR_DIR": str(var)}
        env.pop("DATABASE_URL", None)
        subprocess.run([MARSAD, "migrate"], env=env, check=True, capture_output=True)
        subprocess.run([sys.executable, "-c", SOURCE], env=env, check=True)
        template = Path(tmp) / "empty.sqlite3"
        shutil.copy(var / "marsad.sqlite3", template)
        ingest = [MARSAD, "ingest", str(folder), "--source", "FIGNEWS", "--published", PUBLISHED]
        figures: dict[str, float] = {}
        extract = [MARSAD, "extract", *files, "--published", PUBLISHED]
        for turn in range(args.repeat):
            if turn:
                fresh(template, var)
            _best(figures, "extract", timed(extract, env, "extract"))
            run = [*ingest, "--workers", str(args.workers)]
            _best(figures, "ingest", timed(run, env, "ingest"))
        figures["rerun_s"] = timed([*ingest, "--workers", str(args.workers)], env, "rerun")
        fresh(template, var)
        figures["ingest_1_worker_s"] = timed([*ingest, "--workers", "1"], env, "ingest_1_worker")
        if args.dask:
            from distributed import LocalCluster

            for n in (1, 2):
                fresh(template, var)
                with LocalCluster(
                    n_workers=n,
                    processes=True,
                    threads_per_worker=1,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster:
                    address = cluster.scheduler_address
                    figures[f"dask_{n}_s"] = timed([*ingest, "--scheduler", address], env)
    result = {
        "bench": "ingest",
        "documents": len(texts),
        "workers": args.workers,
        **{k: round(v, 2) for k, v in figures.items()},
        "ingest_docs_per_s": round(len(texts) / figures["ingest_s"]),
        "ratio_ingest_to_extract": round(figures["ingest_s"] / figures["extract_s"], 2),
        **{f"{k}_cpu_s": round(v, 2) for k, v in {**CPU, **BEST_CPU}.items()},
        "ratio_cpu_ingest_1_worker_to_extract": round(CPU["ingest_1_worker"] / CPU["extract"], 2),
        "load": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
