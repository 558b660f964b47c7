"""Benchmark of search, on a throwaway database (SQLite, or PostgreSQL with --database-url),
against a baseline measured in the same run on the same table.

  corpus    N index entries (default 100,000, seeded): two in five documents, the rest claims,
            incidents, statements, consignments and actors; three in five Arabic (with clitics,
            diacritics and tatweel now and then), the rest English; 30-80 words drawn from a
            news vocabulary by a Zipf law, so "غزة" is in about a third of them and some words in
            a handful; markings public, force, nations (ITA, FRA or USA) and internal; 0-3 of 60
            actors and one of 10 sources each. Entries are written with `bulk_create` (the
            subject here is the query, not the gate), terms made by `index_text` as writes make
            them.
  search    `marsad.core.search.selectors.search` (what the page and the API run: releasability,
            filters, every facet's counts over all the hits, the actor facet, the first 20 hits
            by relevance, and again newest first, with titles, links and snippets) per query and
            reader (administrator, analyst, Italy's liaison officer, anonymous): the median of R
            runs after one warm-up.
  parts     the same search statement by statement, for the analyst and an anonymous reader:
            the match alone, through the releasability and filters, the facets, the ranked page,
            the labels, the page's entries and their snippets.
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
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "marsad_bench_search"
SEED = 2026

ARABIC = (
    "غزة قطاع رفح خان يونس دير البلح بيت لاهيا بيت حانون جباليا النصيرات المغازي إيطاليا فرنسا "
    "الولايات المتحدة مصر قطر وزارة الصحة الدفاع المدني الجيش الإسرائيلي حماس القوة الدولية "
    "الاستقرار مجلس السلام الميثاق الهدنة وقف إطلاق النار المرحلة الثانية غارة جوية قصف مدفعي "
    "شهداء جرحى أطفال نساء مستشفى مدرسة مخيم نازحين معبر كرم أبو سالم شاحنات مساعدات إنسانية "
    "غذاء دواء وقود مياه كهرباء إعمار الشرطة تدريب ضباط قوات الانتشار المشاركة الحكومة البرلمان "
    "الدستور تفويض دولي قرار مجلس الأمن الأمم المتحدة الأونروا منظمة الصحة العالمية بيان صحفي "
    "مصادر محلية مطلعة رفض التعليق لم يرد أعلن قال أكد نفى حذر دعا طالب شرق غرب شمال جنوب "
    "منطقة حي الزيتون الشجاعية التفاح الرمال الشاطئ تل الهوى المواصي البريج الزوايدة عبسان "
    "خزاعة بني سهيلا القرارة الفخاري صواريخ طائرات مسيرة دبابات اشتباكات مسلحة اعتقال هدم منازل"
).split()
ENGLISH = (
    "gaza strip rafah khan younis deir al-balah beit lahia jabalia nuseirat italy france united "
    "states egypt qatar ministry health civil defence israeli army hamas international force "
    "stabilization board peace charter truce ceasefire phase second air strike shelling killed "
    "injured children women hospital school camp displaced crossing kerem shalom trucks aid "
    "humanitarian food medicine fuel water electricity reconstruction police training officers "
    "troops deployment participation government parliament constitution mandate resolution "
    "security council united nations unrwa world organization statement press local sources "
    "declined comment respond announced said confirmed denied warned called demanded east west "
    "north south area neighbourhood zeitoun shujaiya rockets drones tanks clashes armed arrests "
    "demolitions trainers pledged pledges invited invitation founding member considering"
).split()
KINDS = [("document", 40), ("claim", 30), ("incident", 15), ("statement", 5)]
KINDS += [("consignment", 5), ("actor", 5)]
CLAIM_TYPES = ["attack", "casualties", "invitation", "contribution", "statement", "refusal"]
# What the records' pages need (a document, a speaker, a crossing and a day).
LINKS = {"claim": "1", "statement": "A1", "consignment": "KS|2025-11-01"}
PCODES = ["PS0255", "PS0260", "PS0265", "PS0270", "PS0275"]
QUERIES = [
    ("غزة", {}),  # in about a third of the entries
    ("ايطاليا", {}),
    ("خانيونس", {}),  # written as two words in the corpus
    ("وزارة الصحة", {}),
    ("بالمستشفى", {}),  # a clitic on a common word
    ("police training", {}),
    ("strikes", {}),
    ("عبسان خزاعة", {}),  # two rarer words together
    ("غزة", {"kind": "incident"}),
    ("ايطاليا", {"start": date(2025, 10, 10), "end": date(2025, 12, 31)}),
    ("رفح", {"governorate": "PS0275", "kind": "claim"}),
    ('"NEAR(x" OR *', {}),  # operators only: no words, answered at once
]


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


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def _dress(word: str, rng: random.Random) -> str:
    """An Arabic word as texts write it now and then: a clitic, diacritics, tatweel."""
    roll = rng.random()
    if roll < 0.10:
        return rng.choice("وبل") + word
    if roll < 0.13:
        return word[0] + "\u064e" + word[1:]
    if roll < 0.15 and len(word) > 2:
        return word[:2] + "\u0640" + word[2:]
    return word


def _text(rng: random.Random, arabic: bool) -> str:
    words = ARABIC if arabic else ENGLISH
    weights = [1 / (rank + 1) for rank in range(len(words))]
    chosen = rng.choices(words, weights=weights, k=rng.randint(30, 80))
    if arabic:
        chosen = [_dress(word, rng) for word in chosen]
    return " ".join(chosen)


def populate(n: int, seed: int) -> dict[str, Any]:
    from django.db import transaction

    from marsad.core.models import SearchEntry, SearchEntryActor
    from marsad.core.search.text import index_text
    from marsad.core.services.actors import create_actor, create_source
    from marsad.core.services.base import SystemUser

    system = SystemUser("system:bench")
    rng = random.Random(seed)
    with transaction.atomic():
        actors = [
            create_actor(
                by=system,
                key=f"A{i}",
                kind="organization",
                name_ar=f"جهة {i}",
                name_en=f"Actor {i}",
                marking="public",
            ).pk
            for i in range(60)
        ]
        sources = [
            create_source(
                by=system,
                key=f"S{i}",
                name_ar=f"مصدر {i}",
                name_en=f"Source {i}",
                kind="media",
                reliability="ABCDEF"[i % 6],
                marking="public",
            ).pk
            for i in range(10)
        ]
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    analysed = 0.0
    inserted = 0.0
    words = 0
    for start in range(0, n, 5000):
        rows, links = [], []
        for i in range(start, min(n, start + 5000)):
            arabic = rng.random() < 0.6
            body = _text(rng, arabic)
            title = _text(rng, arabic)[:80]
            words += body.count(" ") + title.count(" ") + 2
            clock = time.perf_counter()
            terms = index_text(title, body)
            analysed += time.perf_counter() - clock
            marking = rng.choices(["public", "force", "nations", "internal"], [5, 2, 2, 1])[0]
            kind = rng.choice(kinds)
            rows.append(
                SearchEntry(
                    kind=kind,
                    record_id=str(i),
                    link=LINKS.get(kind, ""),
                    title_ar=title,
                    title_en=title,
                    body=body,
                    terms=terms,
                    day=date(2025, 10, 10) + timedelta(days=rng.randint(0, 120)),
                    claim_type=rng.choice(CLAIM_TYPES) if kind == "claim" else "",
                    source_id=rng.choice(sources),
                    grade=rng.choice("ABCDEF") + rng.choice("123456"),
                    governorate=rng.choice(PCODES) if rng.random() < 0.7 else "",
                    marking=marking,
                    releasable_to=f"|{rng.choice(['FRA', 'ITA', 'USA'])}|"
                    if marking == "nations"
                    else "",
                )
            )
            links.append(rng.sample(actors, rng.randint(0, 3)))
        clock = time.perf_counter()
        with transaction.atomic():
            created = SearchEntry.objects.bulk_create(rows, batch_size=1000)
            SearchEntryActor.objects.bulk_create(
                [
                    SearchEntryActor(entry_id=row.pk, actor_id=actor)
                    for row, chosen in zip(created, links, strict=True)
                    for actor in chosen
                ],
                batch_size=2000,
            )
        inserted += time.perf_counter() - clock
        say(f"{start + len(rows):,} entries")
    return {
        "entries": n,
        "words": words,
        "analyse_seconds": analysed,
        "analyse_words_per_second": words / analysed,
        "insert_seconds": inserted,
        "insert_rows_per_second": n / inserted,
    }


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
    """The search of `reader` step by step, each the median of `runs`: the engine's match alone
    (counted), the same through the releasability and filters (counted), the search's one
    statement (every facet counted and the page ranked; again newest first), then in Python the
    facets' labels, loading the page's entries, and their snippets."""
    from django.db import connection

    from marsad.core.models import SearchEntry
    from marsad.core.search import selectors
    from marsad.core.search.backends import Postgres, backend
    from marsad.core.search.text import query_terms, snippet

    groups = query_terms(query)
    if not groups:
        return {}
    engine: Any = backend()
    where = selectors._where(
        selectors.SearchFilters(**filters).apply(reader, SearchEntry.objects.visible_to(reader))
    )
    assert where is not None
    condition, params = where
    fts = "SELECT rowid AS id FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s"
    if connection.vendor == "postgresql":
        match = "SELECT count(*) FROM core_searchentry WHERE " + Postgres.MATCH
        visible = f"{match} AND {condition}"
    else:
        match = fts.replace("rowid AS id", "count(*)")
        visible = (
            f"WITH matches AS MATERIALIZED ({fts}) SELECT count(*) FROM matches CROSS JOIN "
            "core_searchentry INDEXED BY search_entry_facets ON core_searchentry.id = matches.id "
            f"WHERE {condition}"
        )
    expression = engine.expression(groups)

    def count(sql: str, args: list[Any]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            cursor.fetchall()

    def statement(sort: str) -> Any:
        return engine.search(where, groups, sort, 0, selectors.PER_PAGE, selectors.FACET_VALUES)

    out = {
        "match": median_ms(runs, count, match, [expression])[0],
        "visible": median_ms(runs, count, visible, [expression, *params])[0],
    }
    out["statement"], (rows, ids) = median_ms(runs, statement, "relevance")
    out["statement_newest"] = median_ms(runs, statement, "newest")[0]
    out["labels"] = median_ms(runs, selectors._labelled, reader, selectors._counts(rows)[1])[0]
    out["load"], found = median_ms(runs, SearchEntry.objects.in_bulk, ids)

    def snippets() -> None:
        for entry in found.values():
            snippet(entry.body, groups)

    out["snippets"] = median_ms(runs, snippets)[0]
    return out


def median_ms(runs: int, fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    result = fn(*args, **kwargs)  # warm-up
    times = []
    for _ in range(runs):
        clock = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append((time.perf_counter() - clock) * 1000)
    return statistics.median(times), result


def measure(runs: int) -> list[dict[str, Any]]:
    from marsad.core.search.selectors import SearchFilters, search

    rows = []
    users = readers()
    for query, filters in QUERIES:
        base_ms, base_total = median_ms(runs, bare, query)
        row: dict[str, Any] = {
            "query": query,
            "filters": {k: str(v) for k, v in filters.items()},
            "bare_ms": base_ms,
            "bare_total": base_total,
        }
        for name, reader in users.items():
            ms, results = median_ms(runs, search, reader, query, SearchFilters(**filters))
            newest, _same = median_ms(
                runs, search, reader, query, SearchFilters(**filters), sort="newest"
            )
            row[name] = {
                "ms": ms,
                "newest_ms": newest,
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
