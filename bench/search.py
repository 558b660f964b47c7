"""Benchmark of search, on a throwaway database (SQLite, or PostgreSQL with --database-url),
against a baseline measured in the same run on the same table.

  corpus    N index entries (default 100,000, seeded), written by bench/search_corpus.py.
  search    `marsad.core.search.selectors.search` (what the page and the API run: releasability,
            filters, every facet's counts over all the hits, the actor facet, the first 20 hits
            by relevance, and again newest first, with titles, links and snippets) per query and
            reader (administrator, analyst, Italy's liaison officer, anonymous): the median of R
            runs after one warm-up, in wall-clock and in this process's CPU time.
  parts     the same search step by step, for the analyst and an anonymous reader: the
            engine's matches (scored, and not), the engine and the columns together (ranked, and
            newest first), the labels, the page's entries and their snippets.
  baseline  the engine alone on the same table for the same words: its own 20 best matches,
            every match ranked (FTS5 bm25 on SQLite, ts_rank_cd over the GIN index's matches on
            PostgreSQL). No releasability, facets or snippets.

It prints one JSON line and a table on stderr. Timings vary between machines; they are never
pass/fail tests.
Usage: bench/search.py [--n N | --quick] [--runs R] [--seed S] [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from search_corpus import QUERIES, SEED, populate, say  # noqa: E402

BENCH_DB = "marsad_bench_search"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What search costs at 100,000 entries.")
    parser.add_argument("--n", type=int, default=100_000, help="index entries")
    parser.add_argument("--quick", action="store_true", help="N=10,000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--database-url", default="", help="a PostgreSQL server to use")
    args = parser.parse_args()
    if args.quick:
        args.n = 10_000
    return args


def pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def readers() -> dict[str, Any]:
    def reader(role: str, nation: str = "") -> Any:
        return SimpleNamespace(is_authenticated=True, role=role, nation=nation, is_superuser=False)

    return {
        "admin": reader("admin"),
        "analyst": reader("analyst"),
        "liaison_ita": reader("liaison", "ITA"),
        "anonymous": SimpleNamespace(is_authenticated=False),
    }


def bare(query: str) -> int:
    """The engine alone: its own 20 best matches by its own rank, every match ranked."""
    from django.db import connection

    from marsad.core.search.backends import Fts5, Postgres
    from marsad.core.search.text import query_terms

    groups = query_terms(query)
    if not groups:
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT id FROM core_searchentry WHERE vector @@ to_tsquery('simple'::regconfig, "
                "%s) ORDER BY ts_rank_cd(vector, to_tsquery('simple'::regconfig, %s)) DESC "
                "LIMIT 20",
                [Postgres.expression(groups)] * 2,
            )
        else:
            cursor.execute(
                "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s "
                "ORDER BY rank LIMIT 20",
                [Fts5.expression(groups)],
            )
        return len(cursor.fetchall())


def parts(runs: int, reader: Any, query: str, filters: dict[str, Any]) -> dict[str, float]:
    """The search of `reader` step by step, each the median of `runs`: the engine's matches
    (with their scores; and without, as newest first asks), the whole of the engine's part and
    the columns' (releasability, filters, every facet counted, the page ordered; ranked, and
    newest first), then the facets' labels, loading the page's entries, and their snippets."""
    from marsad.core.models import SearchEntry
    from marsad.core.search import backends, selectors
    from marsad.core.search.text import query_terms, snippet

    groups = query_terms(query)
    if not groups:
        return {}
    engine = backends.backend()
    narrowing = selectors.SearchFilters(**filters).narrowing(reader)

    def statement(sort: str) -> Any:
        page = selectors.PER_PAGE
        return backends.search(reader, narrowing, groups, sort, 0, page, selectors.FACET_VALUES)

    out = {
        "match": median_ms(runs, engine.matches, groups, True)[0],
        "match_newest": median_ms(runs, engine.matches, groups, False)[0],
    }
    out["statement"], (rows, ids, _ranked) = median_ms(runs, statement, "relevance")
    out["statement_newest"] = median_ms(runs, statement, "newest")[0]
    out["labels"] = median_ms(runs, selectors._labelled, reader, selectors._counts(rows)[1])[0]
    out["load"], found = median_ms(runs, SearchEntry.objects.in_bulk, ids)

    def snippets() -> None:
        for entry in found.values():
            snippet(entry.body, groups)

    out["snippets"] = median_ms(runs, snippets)[0]
    return out


def median_ms(runs: int, fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    wall, _cpu, result = timed(runs, fn, *args, **kwargs)
    return wall, result


def timed(runs: int, fn: Any, *args: Any, **kwargs: Any) -> tuple[float, float, Any]:
    """Medians of wall-clock and CPU ms over `runs` after a warm-up (SQLite's work is in this
    process's CPU time; PostgreSQL's is not), and the last result."""
    result = fn(*args, **kwargs)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        clock, cpu = time.perf_counter(), time.process_time()
        result = fn(*args, **kwargs)
        walls.append((time.perf_counter() - clock) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def measure(runs: int) -> list[dict[str, Any]]:
    from marsad.core.search.selectors import SearchFilters, search

    rows = []
    users = readers()
    for query, filters in QUERIES:
        base_ms, base_cpu, base_total = timed(runs, bare, query)
        row: dict[str, Any] = {
            "query": query,
            "filters": {k: str(v) for k, v in filters.items()},
            "bare_ms": base_ms,
            "bare_total": base_total,
            "bare_cpu_ms": base_cpu,
        }
        for name, reader in users.items():
            ms, cpu, results = timed(runs, search, reader, query, SearchFilters(**filters))
            newest, newest_cpu, _same = timed(
                runs, search, reader, query, SearchFilters(**filters), sort="newest"
            )
            row[name] = {
                "ms": ms,
                "cpu_ms": cpu,
                "newest_ms": newest,
                "newest_cpu_ms": newest_cpu,
                "total": results.total,
                "ratio": ms / max(base_ms, 0.01),
            }
        row["parts_analyst"] = parts(runs, users["analyst"], query, filters)
        row["parts_anonymous"] = parts(runs, users["anonymous"], query, filters)
        rows.append(row)
        say(f"{query!r} {filters or ''}: bare {base_ms:.1f} ms, admin {row['admin']['ms']:.1f} ms")
    return rows


def table(result: dict[str, Any]) -> str:
    names = list(readers())
    lines = [
        f"search, {result['database']}, {result['corpus']['entries']:,} entries",
        f"{'query':<28}{'hits':>8}{'bare ms':>9}" + "".join(f"{n:>13}" for n in names),
    ]
    for row in result["queries"]:
        label = row["query"] + (" +" + ",".join(row["filters"]) if row["filters"] else "")
        cells = "".join(f"{row[n]['ms']:>13.1f}" for n in names)
        lines.append(f"{label[:27]:<28}{row['admin']['total']:>8}{row['bare_ms']:>9.1f}{cells}")
        for who in ("analyst", "anonymous"):
            split = row[f"parts_{who}"]
            if split:
                text = ", ".join(f"{k} {v:.1f}" for k, v in split.items())
                lines.append(f"{'':<4}{who}: {text}")
    worst = result["worst_ms"]
    lines.append(f"slowest search: {worst:.1f} ms; median {result['median_ms']:.1f} ms")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    say(f"writing {args.n:,} index entries")
    corpus = populate(args.n, args.seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            fts = "core_searchentry_fts"
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES('optimize')")
            cursor.execute("ANALYZE")
    queries = measure(args.runs)
    times = [row[name][key] for row in queries for name in readers() for key in ("ms", "newest_ms")]
    return {
        "bench": "search",
        "database": connection.vendor,
        "n": args.n,
        "runs": args.runs,
        "seed": args.seed,
        "corpus": corpus,
        "queries": queries,
        "worst_ms": max(times),
        "median_ms": statistics.median(times),
        "median_cpu_ms": statistics.median(
            row[name][key]
            for row in queries
            for name in readers()
            for key in ("cpu_ms", "newest_cpu_ms")
        ),
    }


def main() -> None:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    os.environ["MARSAD_VAR_DIR"] = tmp
    os.mkdir(os.path.join(tmp, "static"))
    bench_url = None
    if args.database_url:
        # A database of our own on the server, so nothing of the user's is read or changed.
        bench_url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + BENCH_DB))
        pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB}")
        pg_admin(args.database_url, f"CREATE DATABASE {BENCH_DB}")
        os.environ["DATABASE_URL"] = bench_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    try:
        result = run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if bench_url:
            pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
