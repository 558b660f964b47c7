"""The sides of a fight (clashes.py): the side fought with attacked the party whose dead the
toll names; "between" keeps the order the text gives."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _attack(text: str) -> dict[str, Any]:
    (attack,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    return attack


def test_the_side_fought_with_attacked_the_speaker_s_own_soldiers():
    text = (
        "قال الرئيس الجنوب أفريقي جاكوب زوما إن ثلاثة عشر جندياً من قوات بلاده قتلوا في معارك "
        "مع متمردي تحالف سيليكا على مشارف بانغي."
    )
    attack = _attack(text)
    assert (attack["actor"], attack["recipient"]) == (["SELEKA"], ["ZAF"])
    text = (
        "أعلن الجيش الجنوب أفريقي مقتل تسعة من جنوده المنتشرين ضمن بعثة مونوسكو خلال معارك مع "
        "متمردي حركة إم23 قرب غوما."
    )
    attack = _attack(text)
    assert (attack["actor"], attack["recipient"]) == (["M23"], ["ZAF"])


def test_a_fight_with_a_side_whose_dead_are_named_keeps_that_side_the_target():
    text = "قتل عشرة من مسلحي حركة الشباب في اشتباكات مع الجيش الصومالي قرب مقديشو."
    attack = _attack(text)
    assert "AL-SHABAAB" not in attack["actor"]


def test_clashes_between_two_sides_keep_the_order_of_the_text():
    text = (
        "قُتل ٢٧ جندياً لبنانياً و١٥ مسلحاً في اشتباكات بين الجيش اللبناني ومسلحي تنظيم فتح "
        "الإسلام في محيط مخيم نهر البارد."
    )
    attack = _attack(text)
    assert (attack["actor"], attack["recipient"]) == (["LAF"], ["FATAH-AL-ISLAM"])


@pytest.mark.parametrize(
    ("language", "text", "first", "second"),
    [
        (
            "en",
            "Afghan Taliban forces and Pakistani troops exchanged fire at the Torkham border "
            "crossing overnight.",
            "TALIBAN",
            "PAK",
        ),
        ("ar", "تبادل الجيش السوداني وقوات الدعم السريع إطلاق النار قرب الفاشر.", "SAF", "RSF"),
    ],
)
def test_two_sides_that_exchange_fire_are_read_as_a_clash_between_them(
    language: str, text: str, first: str, second: str
) -> None:
    attacks = [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]
    assert [(a["actor"], a["recipient"]) for a in attacks] == [([first], [second])]
