"""Victims an attack names with no owner. Soldiers, police and posts are the state's where they
are hit (home_forces.py): the state of the town named nearest them, a state named after "in",
or a demonym or possessive of a place noun; never the perpetrator's side, never a government for
Gaza's and the West Bank's towns, and not men sent, retired or of a force the dictionaries do
not know. Armed men killed in a later act are those whose attack was told before."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _attacks(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


@pytest.mark.parametrize(
    ("language", "text", "state"),
    [
        (
            "en",
            "Militants ambushed an army-escorted convoy on the road between Namsiguia and Djibo "
            "in northern Burkina Faso on Monday, killing seven soldiers, the army said.",
            "BFA",
        ),
        (
            "en",
            "Fighters overran army checkpoints in and around the Lebanese border town of Arsal "
            "on Saturday, killing 10 soldiers.",
            "LBN",
        ),
        (
            "en",
            "Gunmen attacked two police stations in Kano, Nigeria's second-largest city, on "
            "Friday evening.",
            "NGA",
        ),
        (
            "ar",
            "قُتل شرطيان وأصيب ثالث عندما هاجم مسلحون مركزاً للشرطة في مدينة كركوك ليل أمس.",
            "IRQ",
        ),
        (
            "ar",
            "أعلن مصدر أمني مقتل تسعة جنود في هجوم شنه مسلحون على قاعدة عسكرية قرب مدينة تمبكتو.",
            "MLI",
        ),
        # the place a force holds names whose force it is
        ("ar", "قصفت طائرات مسيرة قاعدة عسكرية يتمركز فيها الجيش الصومالي في بلدة عيل طير.", "SOM"),
    ],
)
def test_unnamed_forces_hit_are_those_of_the_state_they_are_in(
    language: str, text: str, state: str
) -> None:
    (attack,) = _attacks(text, language)
    assert attack["recipient"] == [state]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # someone else's men, named by a word the dictionaries do not hold
        (
            "en",
            "Two drones targeted a base hosting coalition troops in Erbil, causing no casualties.",
        ),
        ("ar", "قتل 49 جندياً من قوات الحزام الأمني في هجوم صاروخي استهدف عرضاً عسكرياً في عدن."),
        # the West Bank's towns name no government
        (
            "en",
            "A Palestinian stabbed and wounded two soldiers at a junction near Hebron on Sunday.",
        ),
        # a base in a town of no known state, told right after it, is not the state named farther
        ("ar", "سقط صاروخ على قاعدة عسكرية في مدينة صفد، بحسب مصادر أمنية في جنوب لبنان."),
    ],
)
def test_forces_that_are_not_the_home_states_give_no_target(language: str, text: str) -> None:
    for attack in _attacks(text, language):
        assert attack["recipient"] == []


def test_men_sent_or_retired_are_not_forces_hit() -> None:
    text = "Germany will not send soldiers to take part in military action in Libya."
    assert all(a["recipient"] != ["LBY"] for a in _attacks(text, "en"))
    text = "أطلقت الشرطة الرصاص المطاطي على مئات العسكريين المتقاعدين في وسط بيروت."
    assert all(a["recipient"] != ["LBN"] for a in _attacks(text, "ar"))


def test_the_perpetrators_own_state_is_no_target() -> None:
    text = "قصف الجيش السوري حاجزاً للمعارضة قرب مدينة سراقب، وقتل ثلاثة جنود."
    for attack in _attacks(text, "ar"):
        assert "SYR" not in attack["recipient"]


def test_armed_men_killed_later_are_those_whose_attack_was_told_before() -> None:
    # the act told after an attack that kills armed men it does not name hits the attackers
    text = (
        "Kamuina Nsapu militiamen attacked a police post near Tshikapa on Sunday, killing three "
        "police officers. The Congolese army said it had killed 20 militiamen in an offensive."
    )
    answer = [a for a in _attacks(text, "en") if a["actor"] == ["COD"]]
    assert [a["recipient"] for a in answer] == [["KAMUINA-NSAPU"]]
    # the attackers' homes are not the men
    text = (
        "Two gunmen from Hamas attacked a bus stop in Jerusalem on Tuesday, killing four people. "
        "Israel ordered the demolition of the attackers' homes."
    )
    for attack in _attacks(text, "en"):
        if attack["attributes"]["means"] == "demolition":
            assert "HAMAS" not in attack["recipient"]
