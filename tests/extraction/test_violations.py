"""Accusations of violating a ceasefire (rules_violation.py): who accuses whom, both ways when
the parties accuse each other, and the party a participle's main clause names."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _accusations(text: str, language: str) -> list[tuple[list[str], list[str]]]:
    claims: list[dict[str, Any]] = extract(text, language=language)["claims"]
    return [(c["actor"], c["recipient"]) for c in claims if c["type"] == "violation_accusation"]


def test_two_parties_that_accuse_each_other_make_two_accusations():
    text = (
        "The Saudi-led coalition and the Houthi movement accused each other of violations "
        "around the city of Taiz."
    )
    assert _accusations(text, "en") == [
        (["SAUDI-COALITION"], ["HOUTHIS"]),
        (["HOUTHIS"], ["SAUDI-COALITION"]),
    ]
    text = "اتهم الجيش السوداني وقوات الدعم السريع كل منهما الآخر بخرق الهدنة."
    assert _accusations(text, "ar") == [(["SAF"], ["RSF"]), (["RSF"], ["SAF"])]


def test_one_party_accused_by_another_stays_one_accusation():
    text = "Hamas was accused by Israel of violating the ceasefire after a soldier was killed."
    assert _accusations(text, "en") == [(["HAMAS"], ["ISR"])]


def test_an_accusing_participle_is_the_main_clause_s_party():
    text = (
        "أعلنت كتائب القسام، الجناح العسكري لحركة حماس، تأجيل الإفراج عن الدفعة المقبلة من "
        "الأسرى الإسرائيليين «حتى إشعار آخر»، متهمة إسرائيل بخرق اتفاق وقف إطلاق النار."
    )
    assert _accusations(text, "ar") == [(["ISR"], ["HAMAS"])]
