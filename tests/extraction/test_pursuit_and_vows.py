"""Force announced against the perpetrators of an act told before (threats.announced_force,
threats.vows): the pursuit, the defeat or the killing of hostages to come, whom it is aimed at,
and an act only named by a speaker's word for another."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.extraction.extract import extract


def _attacks(text: str, language: str) -> list[dict[str, Any]]:
    out = extract(text, language=language, published=date(2024, 10, 28))
    return [c for c in out["claims"] if c["type"] == "attack"]


def _to_come(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in _attacks(text, language) if c["modality"] != "asserted"]


def test_the_army_that_will_pursue_the_attackers_aims_at_the_attack_s_perpetrators():
    text = (
        "Boko Haram fighters attacked a military base in Chad's Lake Chad region on Sunday, "
        "killing about 40 soldiers, the presidency said. President Mahamat Idriss Deby "
        "announced that the army would pursue the attackers to their last hideouts."
    )
    (vow,) = _to_come(text, "en")
    assert (vow["actor"], vow["recipient"], vow["modality"]) == (
        ["TCD"],
        ["BOKO-HARAM"],
        "future",
    )


def test_a_group_that_will_be_defeated_is_the_target_of_the_speaker_s_state():
    text = (
        "A truck bomb killed 79 people in Mogadishu on Saturday. President Mohamed Abdullahi "
        "Farmajo blamed al-Shabaab and vowed that the group would be defeated."
    )
    (vow,) = _to_come(text, "en")
    assert (vow["actor"], vow["recipient"]) == (["SOM"], ["AL-SHABAAB"])


def test_a_threat_to_kill_hostages_is_hypothetical_and_aimed_at_the_captives():
    text = (
        "Tribesmen in Yemen's Marib province kidnapped two German engineers on Saturday. The "
        "kidnappers threatened to kill the hostages unless their demand was met, an official said."
    )
    (threat,) = _to_come(text, "en")
    assert (threat["modality"], threat["recipient"]) == ("hypothetical", ["DEU"])


def test_an_advance_announced_is_an_attack_to_come():
    text = (
        "M23 rebels captured Goma on Tuesday, and a spokesman said the group would next "
        "advance on Bukavu."
    )
    (vow,) = _to_come(text, "en")
    assert (vow["actor"], vow["modality"]) == (["M23"], "future")


def test_pursuing_talks_or_justice_is_no_force():
    for text in (
        "The minister said the government would pursue talks with the rebels.",
        "The prosecutor said those responsible would be pursued in court.",
    ):
        assert _to_come(text, "en") == []


def test_a_vow_of_revenge_on_a_people_aims_at_their_state():
    text = "وتوعدت حركة طالبان بالانتقام من «الغزاة الأمريكيين»."
    (vow,) = _to_come(text, "ar")
    assert (vow["actor"], vow["recipient"]) == (["TALIBAN"], ["USA"])


def test_a_vow_of_war_on_the_movement_aims_at_the_group_named_before():
    text = (
        "قتل 35 شخصاً في انفجار سيارتين مفخختين في بلدة محاس. وأعلنت حركة الشباب مسؤوليتها عن "
        "الهجوم، فيما تعهد الرئيس حسن شيخ محمود بمواصلة «الحرب الشاملة» على الحركة «حتى اقتلاعها»."
    )
    (vow,) = _to_come(text, "ar")
    assert (vow["actor"], vow["recipient"]) == (["SOM"], ["AL-SHABAAB"])


def test_the_act_told_and_the_act_vowed_are_two_claims():
    text = "وتبنت الحركة الهجوم وتوعدت حركة طالبان بالانتقام من الأمريكيين."
    assert [c["modality"] for c in _attacks(text, "ar")].count("future") == 1


def test_an_advance_or_operations_announced_in_arabic_are_to_come():
    cases = {
        "وقال قائد العمليات إن القوات العراقية ستواصل التقدم نحو حي الزهراء.": "IRQ-ARMY",
        "وقال مساعد وزير الدفاع السعودي إن العمليات ستستمر حتى يتراجع المتسللون.": "SAU",
        "وقال قائد قوات الدعم السريع محمد حمدان دقلو إن قواته ستتقدم نحو مدينة الأبيض.": "RSF",
    }
    for text, actor in cases.items():
        (vow,) = _to_come(text, "ar")
        assert (vow["actor"], vow["modality"]) == ([actor], "future"), text


def test_a_group_leader_s_vow_is_his_group_s():
    text = "وتعهد الأمين العام لحزب الله حسن نصر الله بأن يواصل الحزب القتال في سوريا."
    (vow,) = _to_come(text, "ar")
    assert vow["actor"] == ["HEZBOLLAH"]


def test_what_a_speaker_calls_an_act_is_no_act_of_its_own():
    text = "ووصف الرئيس الأفغاني حامد كرزاي الحادث بأنه «اغتيال متعمد لمدنيين أبرياء»."
    assert _attacks(text, "ar") == []
    text = "وقال المتحدث باسم الحكومة إن الرئيس وصف ما جرى بأنه «محاولة اغتيال» فاشلة."
    assert _attacks(text, "ar") == []
    # the same words told as the act are one
    (attack,) = _attacks("ونجا الوزير من محاولة اغتيال في بغداد.", "ar")
    assert attack["attributes"]["means"] == "other"
