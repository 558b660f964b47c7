"""Benchmark of the extraction core on real posts (FigNews 2024: Arabic and English posts and the
machine translations of all posts into Arabic and English), on one core, against baselines
measured in the same run over the same texts:

  bare_scan        the Aho-Corasick automaton of the same dictionaries iterated over the raw
                   texts, nothing else (the issue's baseline: extraction within 5x of it)
  normalized_scan  normalization for matching plus the same scan (what matching alone costs)
  extract          marsad.extraction.extract() on each text: the whole pipeline
  near_duplicates  the fingerprints intake stores (marsad.extraction.duplicates: MinHash,
                   128 permutations over character 5-grams of the folded text, hashed with
                   numpy, 16 LSH bands, kept at an estimated similarity of 0.8), per document
  near_duplicates_batch  the same fingerprints and grouping with the signatures and bands of all
                   texts computed at once (duplicates.signatures and many_bands: same values)
  bare_minhash     datasketch's MinHash (SHA-1 per 5-gram, 128 permutations) over the same
                   5-grams, signatures only: the baseline of near_duplicates (target 2,000/s)

It prints one JSON line on stdout and a table on stderr. Timings vary between machines and runs;
they are never pass/fail tests. Usage: bench/extraction.py [--quick] [--csv PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

from datasketch import MinHash

from marsad.extraction.duplicates import clusters, signature, signatures
from marsad.extraction.extract import extract
from marsad.extraction.gazetteer import lexicon
from marsad.extraction.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "data" / "news" / "fignews2024_text_iaa.csv"
PUBLISHED = date(2024, 1, 15)  # the FigNews posts date from the first months of the 2023-24 war


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Extraction throughput against a bare scan.")
    parser.add_argument("--csv", type=Path, default=CSV, help="the FigNews IAA file")
    parser.add_argument("--quick", action="store_true", help="the first 400 texts, one run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    return args


def load(path: Path) -> list[str]:
    """Unique non-empty texts: Arabic and English originals, Arabic and English translations."""
    texts: dict[str, None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            originals = [row["Text"]] if row["Source Language"] in ("Arabic", "English") else []
            for text in [*originals, row["English MT"], row["Arabic MT"]]:
                if text and text.strip():
                    texts.setdefault(text, None)
    return list(texts)


# The best process time of each measure, beside the wall clock: on a loaded machine the wall
# clock counts the other processes' turns too.
CPU: dict[str, float] = {}


def best_of(repeat: int, fn, *args):
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn(*args)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[fn.__name__] = min(cpu)
    return min(times), result


def bare_scan(texts: list[str]) -> int:
    automaton = lexicon().automaton
    return sum(1 for text in texts for _ in automaton.iter(text))


def normalized_scan(texts: list[str]) -> int:
    automaton = lexicon().automaton
    return sum(1 for text in texts for _ in automaton.iter(normalize(text).text))


def run_extract(texts: list[str]) -> tuple[int, int]:
    claims = entities = 0
    for text in texts:
        out = extract(text, published=PUBLISHED)
        claims += len(out["claims"])
        entities += len(out["entities"])
    return claims, entities


def near_duplicates(texts: list[str]) -> int:
    """Fingerprint every text as intake does (marsad.extraction.duplicates) and count the texts
    that share a story with another."""
    groups = clusters((str(index), signature(text)) for index, text in enumerate(texts))
    return sum(len(group) for group in groups)


def near_duplicates_batch(texts: list[str]) -> int:
    """The same groups, the signatures of all the texts computed in one batch."""
    groups = clusters(zip(map(str, range(len(texts))), signatures(texts), strict=True))
    return sum(len(group) for group in groups)


def bare_minhash(texts: list[str]) -> int:
    """datasketch's MinHash over the same folded 5-grams, one per text, nothing else."""
    from marsad.extraction.normalize import fold

    for text in texts:
        folded = fold(text)
        grams = {folded[i : i + 5] for i in range(max(1, len(folded) - 4))}
        minhash = MinHash(num_perm=128, seed=1)
        minhash.update_batch(g.encode("utf-8") for g in grams)
    return len(texts)


def main() -> None:
    args = parse_args()
    if not args.csv.exists():
        message = f"{args.csv} is absent: the FigNews posts are needed for this benchmark"
        print(message, file=sys.stderr)
        print(json.dumps({"benchmark": "extraction", "skipped": message}))
        return
    texts = load(args.csv)
    if args.quick:
        texts = texts[:400]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lexicon()
    run_extract(texts[:50])  # warm up: dictionaries, dateparser, regular expressions
    bare, hits = best_of(args.repeat, bare_scan, texts)
    norm, _ = best_of(args.repeat, normalized_scan, texts)
    full, (claims, entities) = best_of(args.repeat, run_extract, texts)
    dedup, twins = best_of(args.repeat, near_duplicates, texts)
    batch, batch_twins = best_of(args.repeat, near_duplicates_batch, texts)
    assert batch_twins == twins
    minhash, _ = best_of(1, bare_minhash, texts)
    n = len(texts)
    figures = {
        "benchmark": "extraction",
        "texts": n,
        "megabytes": round(megabytes, 3),
        "dictionary_patterns": lexicon().patterns,
        "bare_scan_hits": hits,
        "bare_scan_docs_per_s": round(n / bare),
        "bare_scan_mb_per_s": round(megabytes / bare, 2),
        "normalized_scan_mb_per_s": round(megabytes / norm, 2),
        "extract_docs_per_s": round(n / full),
        "extract_mb_per_s": round(megabytes / full, 3),
        "extract_ms_per_doc": round(1000 * full / n, 3),
        "ratio_extract_over_bare_scan": round(full / bare, 1),
        "ratio_extract_over_normalized_scan": round(full / norm, 1),
        "target_ratio": 5,
        "extract_cpu_docs_per_s": round(n / CPU["run_extract"]),
        "ratio_extract_over_bare_scan_cpu": round(CPU["run_extract"] / CPU["bare_scan"], 1),
        "claims": claims,
        "entities": entities,
        "near_duplicate_docs_per_s": round(n / dedup),
        "near_duplicate_texts": twins,
        "near_duplicate_batch_docs_per_s": round(n / batch),
        "bare_minhash_docs_per_s": round(n / minhash),
        "repeat": args.repeat,
        "python": platform.python_version(),
    }
    print(json.dumps(figures))
    rows = [
        ("texts", f"{n} ({megabytes:.2f} MB)"),
        ("bare scan", f"{n / bare:,.0f} docs/s  {megabytes / bare:.1f} MB/s"),
        ("normalize + scan", f"{n / norm:,.0f} docs/s  {megabytes / norm:.1f} MB/s"),
        ("extract", f"{n / full:,.0f} docs/s  {megabytes / full:.2f} MB/s"),
        ("ratio extract / bare scan", f"{full / bare:.1f} (target 5)"),
        (
            "the same in process time",
            f"{CPU['run_extract'] / CPU['bare_scan']:.1f}, "
            f"extract {n / CPU['run_extract']:,.0f} docs/s",
        ),
        ("ratio extract / normalize + scan", f"{full / norm:.1f}"),
        ("claims, entities", f"{claims}, {entities}"),
        ("near duplicates (MinHash-LSH)", f"{n / dedup:,.0f} docs/s, {twins} texts with a twin"),
        ("near duplicates, one batch", f"{n / batch:,.0f} docs/s"),
        ("bare datasketch MinHash", f"{n / minhash:,.0f} docs/s (signatures only)"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}", file=sys.stderr)


if __name__ == "__main__":
    main()
