"""Extraction of the gold texts against a reference run kept in reference.json.

Work on speed or hygiene must leave the output as it was; an intended change (new dictionary
entries, a new rule) updates the reference in the same commit, so the diff of reference.json
shows what the change did. Regenerate with:

    .venv/bin/python -m tests.extraction.test_reference
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from marsad.extraction.extract import extract

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
REFERENCE = HERE / "reference.json"


def _published(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw)) if raw else None


def current() -> dict[str, Any]:
    """Entities (id and mentions) and claims of every gold text, by file."""
    out: dict[str, Any] = {}
    for path in sorted(GOLD.glob("*/*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        result = extract(
            raw["text"], language=raw["language"], published=_published(raw.get("published"))
        )
        out[str(path.relative_to(GOLD))] = {
            "entities": {e["id"]: e["mentions"] for e in result["entities"]},
            "claims": result["claims"],
        }
    return out


def _dump(data: dict[str, Any]) -> str:
    # One line per file keeps the diff of an intended change readable.
    lines = [
        f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}"
        for key, value in data.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def test_gold_texts_extract_as_the_reference_run():
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    got = json.loads(_dump(current()))
    changed = sorted(
        name for name in expected.keys() | got.keys() if expected.get(name) != got.get(name)
    )
    assert changed == [], (
        f"output changed for {changed[:10]}: regenerate reference.json if intended"
    )


if __name__ == "__main__":
    REFERENCE.write_text(_dump(current()), encoding="utf-8")
