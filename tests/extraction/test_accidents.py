"""Accidental explosions and fires are neither attacks nor tolls of one."""

from __future__ import annotations

import pytest

from marsad.extraction.extract import extract

ACCIDENTS = [
    ("قتل ثلاثة أشخاص في انفجار اسطوانة غاز داخل منزل في حي الشجاعية.", "ar"),
    ("أصيب طفلان بانفجار جسم من مخلفات الحرب أثناء لعبهما في رفح.", "ar"),
    ("انفجرت قذيفة قديمة غير منفجرة في مزرعة قرب خان يونس ما أدى إلى إصابة مزارع.", "ar"),
    ("اندلع حريق في مستودع للوقود في بيروت أسفر عن مقتل شخصين.", "ar"),
    ("Three people were killed when a gas cylinder exploded in a house in Gaza City.", "en"),
    ("A child was wounded when unexploded ordnance left over from the war went off.", "en"),
    ("An accidental explosion at an arms depot killed four soldiers.", "en"),
]
ATTACKS = [
    ("قتل ثلاثة أشخاص في انفجار عبوة ناسفة استهدفت دورية للجيش.", "ar"),
    ("أدت غارة إسرائيلية إلى حريق في مبنى ومقتل شخصين.", "ar"),
    ("An Israeli airstrike set a fire that killed two people.", "en"),
    ("A car bomb exploded near a gas station in Baghdad, killing five people.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), ACCIDENTS)
def test_an_accident_is_no_assault(text: str, lang: str):
    claims = extract(text, language=lang)["claims"]
    assert not [c for c in claims if c["type"] in ("attack", "casualties")]


@pytest.mark.parametrize(("text", "lang"), ATTACKS)
def test_an_attack_near_accident_words_stays_an_attack(text: str, lang: str):
    claims = extract(text, language=lang)["claims"]
    assert [c for c in claims if c["type"] == "attack"]


def test_every_accident_pattern_holds_a_word_of_the_quick_check():
    # accidental() first looks for ANCHORS: a pattern added without one would never be tried
    from marsad.extraction.accidents import _ACCIDENT, ANCHORS

    body, depth, alternatives, current = (
        _ACCIDENT.pattern[len(r"(?<!\w)(?:") : -len(r")(?!\w)")],
        0,
        [],
        "",
    )
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += char
    alternatives.append(current)
    assert len(alternatives) > 20
    for alternative in alternatives:
        assert any(word in alternative for word in ANCHORS.split("|")), alternative


def test_disasters_and_drills_are_no_attacks_but_operations_named_for_storms_are() -> None:
    def attacks(text: str, language: str) -> list[dict]:
        return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]

    assert (
        attacks("A magnitude 6.3 earthquake struck western Afghanistan, killing 320.", "en") == []
    )
    assert attacks("Iran's Revolutionary Guards test-fired missiles during war games.", "en") == []
    text = "بدأ التحالف بقيادة السعودية عملية عاصفة الحزم بغارات جوية على مواقع الحوثيين."
    assert [a["attributes"]["means"] for a in attacks(text, "ar")] == ["air"]


def test_a_breach_of_sovereignty_judges_an_act_and_tells_none() -> None:
    text = "دانت الحكومة العراقية الضربة ووصفتها بأنها اعتداء صارخ على السيادة العراقية."
    out = extract(text, language="ar")["claims"]
    assert [c["type"] for c in out] == ["statement"]
