"""The development examples (tests/extraction/dev/cases.toml, written for the rules, not the gold
set) stay extracted: a regression net for the rules, not a measure of quality."""

import tomllib
from datetime import date
from pathlib import Path

from marsad.extraction.extract import extract
from tests.extraction.scoring import Tally

CASES = Path(__file__).parent / "dev" / "cases.toml"


def test_development_examples_stay_extracted():
    tally = Tally()
    for case in tomllib.loads(CASES.read_text(encoding="utf-8"))["case"]:
        out = extract(case["text"], published=date.fromisoformat(case["published"]))
        tally.add(["all"], out["claims"], case["claims"])
    precision, recall, f1, _ = tally.prf("all")
    assert f1 >= 0.95, tally.table(["all"])
