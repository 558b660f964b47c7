"""One pass of one part of bench/extraction.py, for counting instructions with valgrind:

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/extraction_passes.py MODE

MODE is none, extract, scan (three bare scans), dup (fingerprints and LSH grouping, one text at
a time as intake does), dupbatch (the same, signatures computed for all texts at once) or minhash
(bare datasketch MinHash signatures). Every mode loads every fourth FigNews text (746), the
dictionaries, and warms up on 100 texts; the cost of a pass is the count of its mode minus the
count of `none`. Instructions do not change with the machine's load, wall-clock time does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction as bench  # noqa: E402
from marsad.extraction.gazetteer import lexicon, use_prebuilt  # noqa: E402
from marsad.paths import extraction_dir  # noqa: E402

MODES = ("none", "extract", "scan", "dup", "dupbatch", "minhash")


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "none"
    if mode not in MODES:
        raise SystemExit(f"mode must be one of {', '.join(MODES)}")
    if not bench.CSV.exists():
        print(json.dumps({"benchmark": "extraction_passes", "skipped": f"{bench.CSV} is absent"}))
        return
    texts = bench.load(bench.CSV)[::4]
    use_prebuilt(extraction_dir())  # a second run loads the dictionaries rather than build them
    lexicon()
    bench.run_extract(texts[:100])
    bench.near_duplicates(texts[:50])
    bench.near_duplicates_batch(texts[:50])
    bench.bare_minhash(texts[:50])
    if mode == "extract":
        bench.run_extract(texts)
    elif mode == "scan":
        for _ in range(3):
            bench.bare_scan(texts)
    elif mode == "dup":
        bench.near_duplicates(texts)
    elif mode == "dupbatch":
        bench.near_duplicates_batch(texts)
    elif mode == "minhash":
        bench.bare_minhash(texts)
    print(json.dumps({"benchmark": "extraction_passes", "mode": mode, "texts": len(texts)}))


if __name__ == "__main__":
    main()
