"""Names told with their short form in parentheses (acronyms.py), in English and Arabic."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _entities(text: str, language: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in extract(text, language=language)["entities"]}


def test_a_full_name_its_short_form_and_later_mentions_are_one_entity() -> None:
    text = (
        "French warplanes struck camps of the Movement for Justice in West Africa (MJWA) "
        "near Gao. MJWA said it had lost two fighters."
    )
    group = _entities(text, "en")["GROUP:MJWA"]
    assert group["kind"] == "armed_group"
    said = [text[a:b] for a, b in group["mentions"]]
    assert said == ["Movement for Justice in West Africa", "MJWA", "MJWA"]
    # and the strike is aimed at it
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["recipient"] == ["GROUP:MJWA"]


def test_people_of_the_group_opening_the_sentence_are_not_its_name() -> None:
    text = "Rebels of the Union of Forces for Democracy and Development (UFDD) warned Chad."
    group = _entities(text, "en")["GROUP:UFDD"]
    assert text[slice(*group["mentions"][0])] == "Union of Forces for Democracy and Development"


def test_the_short_form_of_a_known_name_is_that_name() -> None:
    text = (
        "قُتل خمسة جنود سنغاليين من بعثة الاتحاد الأفريقي في السودان (أميس) في هجوم. "
        "وقالت أميس إنها ستحقق."
    )
    read = _entities(text, "ar")
    assert [text[a:b] for a, b in read["AMIS"]["mentions"]][1:] == ["أميس", "أميس"]
    assert not [k for k in read if k.startswith(("ORG:", "GROUP:"))]


def test_an_unknown_mission_is_named_by_its_short_form() -> None:
    text = "أعلنت بعثة حفظ السلام في البلاد (أوسيم) أنها ستعلق دورياتها."
    read = _entities(text, "ar")
    assert read["ORG:أوسيم"]["kind"] == "organization"


def test_parentheses_that_hold_no_short_form_name_nothing() -> None:
    text = "Gunmen killed a soldier in Gao (Mali) on Monday (photo)."
    assert not [k for k in _entities(text, "en") if k.startswith(("ORG:", "GROUP:"))]
