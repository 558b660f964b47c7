"""Run the development examples and print what the rules miss or add (not a test)."""

from __future__ import annotations

import sys
import tomllib
from datetime import date
from pathlib import Path

from tests.extraction.scoring import Tally, main_value

from marsad.extraction.extract import extract

HERE = Path(__file__).parent


def main() -> None:
    cases = tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]
    tally = Tally()
    verbose = "-v" in sys.argv
    for case in cases:
        out = extract(case["text"], published=date.fromisoformat(case["published"]))
        predicted = out["claims"]
        expected = case["claims"]
        pairs = tally.add(["all", case["id"][:2]], predicted, expected)
        got = {id(p) for p, _ in pairs}
        want = {id(g) for _, g in pairs}
        missing = [g for g in expected if id(g) not in want]
        extra = [p for p in predicted if id(p) not in got]
        if missing or extra or verbose:
            print(f"== {case['id']}: {case['text'][:90]}")
            for g in missing:
                print(
                    "   MISS",
                    g["type"],
                    g.get("actor"),
                    g.get("recipient"),
                    g.get("target"),
                    main_value(g),
                )
            for p in extra:
                print(
                    "   EXTRA",
                    p["type"],
                    p["actor"],
                    p["recipient"],
                    p["target"],
                    p["attributes"],
                    p["evidence"][0]["rule"],
                )
    types = sorted(
        {
            k.split("/")[1]
            for k in list(tally.tp) + list(tally.fn) + list(tally.fp)
            if k.startswith("all/")
        }
    )
    print(tally.table(["all", "ar", "en"] + [f"all/{t}" for t in types]))


if __name__ == "__main__":
    main()
