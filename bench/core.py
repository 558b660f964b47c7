"""Benchmark of the provenance core. Every Marsad write validates, saves with a history row and
appends to the hash-chained audit log under a lock, and every read goes through `visible_to`;
this measures what that costs, on a throwaway database, against a baseline in the same run:

  document_writes      submit_document, against bare executemany inserts of the same rows
  claim_writes         record_claim, one claim per document
  audit_verify         audit.verify(), against recomputing the chain from rows already in memory
  visible_claims_list  the first 50 claims plus their count for an analyst, a liaison officer
                       and an anonymous reader, against an administrator (no filter)

It prints one JSON line and a table on stderr. Timings vary between machines; they are never
pass/fail tests. Usage: bench/core.py [--n N | --quick] [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "marsad_bench"
MARKINGS = ["nations", "nations", "internal"] + ["public"] * 7  # 20% ITA-only, 10% internal


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What provenance core writes and reads cost.")
    parser.add_argument("--n", type=int, default=2000, help="documents and claims (default 2000)")
    parser.add_argument("--quick", action="store_true", help="N=200, for a quick check")
    parser.add_argument(
        "--database-url", help=f"a PostgreSQL server; the run uses its own database {BENCH_DB}"
    )
    args = parser.parse_args()
    if args.quick:
        args.n = 200
    return args


def pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def texts(n: int) -> list[tuple[str, str]]:
    return [
        (
            f"اجتماع التنسيق رقم {i}",
            f"أعلنت قوة الاستقرار اليوم عقد اجتماع التنسيق رقم {i} مع ممثلي البلديات في الشمال.",
        )
        for i in range(n)
    ]


def bare_inserts(rows: list[tuple[str, str]], tmp: str, url: str | None) -> float:
    """Seconds to insert the same rows with no framework: the floor any write path sits on."""
    data = [(title, text, hashlib.sha256(text.encode()).hexdigest()) for title, text in rows]
    # The same unique index on sha256 as Document, so the baseline is not unfairly bare.
    columns = "title TEXT, text TEXT, sha256 CHAR(64) UNIQUE"
    if url is None:
        conn = sqlite3.connect(os.path.join(tmp, "bare.sqlite3"))
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"CREATE TABLE bare (id INTEGER PRIMARY KEY, {columns})")
        sql = "INSERT INTO bare (title, text, sha256) VALUES (?, ?, ?)"
    else:
        import psycopg

        conn = psycopg.connect(url)
        conn.execute(f"CREATE TEMP TABLE bare (id BIGSERIAL PRIMARY KEY, {columns})")
        conn.commit()
        sql = "INSERT INTO bare (title, text, sha256) VALUES (%s, %s, %s)"
    start = time.perf_counter()
    conn.cursor().executemany(sql, data)
    conn.commit()
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def measure_writes(n: int, tmp: str, url: str | None) -> dict:
    from django.db import connection

    from marsad.core.services.actors import create_actor, create_source
    from marsad.core.services.base import SystemUser
    from marsad.core.services.claims import record_claim
    from marsad.core.services.documents import submit_document

    by, rows = SystemUser("bench"), texts(n)
    create_source(
        by=by,
        key="WIRE",
        name_ar="وكالة الأنباء",
        name_en="Wire agency",
        kind="media",
        reliability="B",
        marking="public",
    )
    # The liaison officer of measure_reads serves a state Marsad knows.
    create_actor(
        by=by,
        key="ITA",
        kind="state",
        name_ar="إيطاليا",
        name_en="Italy",
        iso3="ITA",
        marking="public",
    )
    claim = {
        "type": "statement",
        "attributes": {"stance": "concern"},
        "attribution": {"source_kind": "media"},
        "evidence": [{"start": 0, "end": 5}],
    }

    def write_documents():
        docs = []
        for i, (title, text) in enumerate(rows):
            marking = MARKINGS[i % len(MARKINGS)]
            doc, created = submit_document(
                by=by,
                title=title,
                text=text,
                source="WIRE",
                marking=marking,
                releasable_to=["ITA"] if marking == "nations" else [],
            )
            assert created
            docs.append(doc)
        return docs

    def write_claims(docs):
        for doc in docs:
            record_claim(by=by, document=doc, data=claim)

    # Round trips per write: most of a write's cost on a real server is waiting for them.
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        doc_seconds, docs = timed(write_documents)
        doc_queries, queries[0] = queries[0], 0
        claim_seconds, _ = timed(write_claims, docs)
    bare = bare_inserts(rows, tmp, url)
    return {
        "document_writes": {
            "seconds": doc_seconds,
            "per_second": n / doc_seconds,
            "queries_per_write": doc_queries / n,
            "baseline_per_second": n / bare,
            "ratio": doc_seconds / bare,
        },
        "claim_writes": {
            "seconds": claim_seconds,
            "per_second": n / claim_seconds,
            "queries_per_write": queries[0] / n,
        },
    }


def measure_verify() -> dict:
    from marsad.core import audit
    from marsad.core.models import AuditEntry

    seconds, report = timed(audit.verify)
    assert report.ok, report.problem
    fields = ("seq", "at", "user", "action", "model", "object_id", "before", "after", "hash")
    fetch_seconds, entries = timed(
        lambda: list(AuditEntry.objects.order_by("seq").values_list(*fields))
    )

    key = audit.chain_key()

    def recompute():
        prev = audit.GENESIS_HASH
        for *values, stored in entries:
            prev = audit.entry_hash(prev, audit._entry_fields(*values), key)
            assert prev == stored

    pure_seconds, _ = timed(recompute)
    return {
        "entries": report.checked,
        "seconds": seconds,
        "per_second": report.checked / seconds,
        "fetch_seconds": fetch_seconds,
        "baseline_per_second": report.checked / pure_seconds,
        "ratio": seconds / pure_seconds,
    }


def measure_reads() -> dict:
    from django.contrib.auth.models import AnonymousUser

    from marsad.core import selectors
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import create_user

    def user(role: str, nation: str = ""):
        return create_user(
            by=SystemUser("bench"),
            username=f"bench-{role}",
            role=role,
            nation=nation,
            password=secrets.token_urlsafe(16),
        )

    readers = {
        "admin": user("admin"),
        "analyst": user("analyst"),
        "liaison": user("liaison", "ITA"),
        "anonymous": AnonymousUser(),
    }

    def page(reader):
        qs = selectors.claims(reader)
        return list(qs[:50]), qs.count()

    # Readers take turns within each round, so drift (caches, CPU clock) touches them all alike;
    # a first round, untimed, pays for connection setup and query compilation.
    visible = {name: page(reader)[1] for name, reader in readers.items()}
    runs: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(20):
        for name, reader in readers.items():
            runs[name].append(timed(page, reader)[0])
    latency = {f"{name}_ms": statistics.median(times) * 1000 for name, times in runs.items()}
    return {
        **latency,
        "visible": visible,
        "ratio_liaison_admin": latency["liaison_ms"] / latency["admin_ms"],
    }


def table(result: dict) -> str:
    d, c, a, v = (
        result[k]
        for k in ("document_writes", "claim_writes", "audit_verify", "visible_claims_list")
    )
    readers = "  ".join(f"{r} {v[r + '_ms']:.1f} ({v['visible'][r]} visible)" for r in v["visible"])
    return (
        f"bench core on {result['database']}, n={result['n']}\n"
        f"  document writes {d['per_second']:8.0f}/s  bare {d['baseline_per_second']:8.0f}/s"
        f"  ratio {d['ratio']:6.1f}  queries/write {d['queries_per_write']:.1f}\n"
        f"  claim writes    {c['per_second']:8.0f}/s  queries/write {c['queries_per_write']:.1f}\n"
        f"  audit verify    {a['per_second']:8.0f}/s  pure {a['baseline_per_second']:8.0f}/s"
        f"  ratio {a['ratio']:6.1f}  ({a['entries']} entries)\n"
        f"  claims list ms  {readers}  liaison/admin {v['ratio_liaison_admin']:.2f}"
    )


def main() -> None:
    args = parse_args()
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    os.environ["MARSAD_VAR_DIR"] = tmp
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
        import django
        from django.core.management import call_command
        from django.db import connections

        django.setup()
        call_command("migrate", verbosity=0)
        result = {
            "bench": "core",
            "database": "postgresql" if bench_url else "sqlite",
            "n": args.n,
            **measure_writes(args.n, tmp, bench_url),
            "audit_verify": measure_verify(),
            "visible_claims_list": measure_reads(),
        }
        connections.close_all()
    finally:
        if bench_url:
            pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
