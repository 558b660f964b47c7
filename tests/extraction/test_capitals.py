"""A capital that speaks is its state's government (capitals.py)."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str, language: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == kind]


def test_a_capital_before_or_after_its_verb_of_speech_is_the_state() -> None:
    (denial,) = _claims("ونفت الخرطوم أي صلة لها بميليشيات الجنجويد.", "ar", "comment_refusal")
    assert denial["actor"] == ["SDN"]
    (denial,) = _claims("Kinshasa denied the accusation on Monday.", "en", "comment_refusal")
    assert denial["actor"] == ["COD"]


def test_a_capital_where_something_happens_or_is_said_stays_a_place() -> None:
    out = extract("Residents in Sanaa reported air strikes on a military camp.", language="en")
    assert [e["kind"] for e in out["entities"] if e["name_en"] == "Sanaa"] == ["place"]
    # a noun of accusation before the capital is not its verb
    out = extract("لم تعلق الحكومة الإيرانية على اتهامات بغداد بقصف مقرات.", language="ar")
    assert "IRQ" not in {e["id"] for e in out["entities"]}
