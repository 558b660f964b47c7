"""Vows of force (threats.vows): an attack to come, its party the one who vows, with no word of
attack in the sentence; a promise of anything else is no attack."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _attacks(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


def test_a_vow_of_revenge_is_an_attack_to_come():
    (attack,) = _attacks("فيما توعدت كتائب القسام بالرد على المجزرة بكل الوسائل.", "ar")
    assert (attack["actor"], attack["modality"]) == (["HAMAS"], "future")
    assert attack["attributes"]["means"] == "other"
    (attack,) = _attacks("Hamas vowed revenge, and the army was ready.", "en")
    assert (attack["actor"], attack["modality"]) == (["HAMAS"], "future")


def test_a_vow_joined_to_another_verb_is_its_subject_s():
    text = "JEM confirmed his death and vowed to keep fighting the government in Khartoum."
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["JEM"]


def test_a_vow_names_the_party_it_aims_at():
    text = "وتوعدت حركة الشباب في بيان باستهداف الجنود الجيبوتيين."
    (attack,) = _attacks(text, "ar")
    assert (attack["actor"], attack["recipient"]) == (["AL-SHABAAB"], ["DJI"])


def test_a_vow_under_a_condition_is_hypothetical():
    text = "وتوعد الرئيس السوداني عمر البشير بالرد إذا لم تنسحب قوات جنوب السودان من هجليج."
    (attack,) = _attacks(text, "ar")
    assert attack["modality"] == "hypothetical"


def test_a_promise_of_anything_else_is_no_attack():
    assert not _attacks("وتعهد الرئيس بمواصلة الإصلاحات الاقتصادية.", "ar")
    assert not _attacks("The president vowed to rebuild the economy.", "en")
    # تعهد may answer a letter: only words of force after it count
    assert not _attacks("وتعهدت الحكومة بالرد على رسالة النقابة خلال أسبوع.", "ar")


def test_an_arabic_vow_reaches_past_a_long_subject_to_its_object():
    text = "وتوعد زعيم الجماعة عبد الملك الحوثي الولايات المتحدة بالانتقام لمقتل القادة."
    (attack,) = _attacks(text, "ar")
    assert (attack["recipient"], attack["modality"]) == (["USA"], "future")


def test_a_vow_to_go_on_with_a_quoted_war_is_of_force():
    (attack,) = _attacks("وتعهدت الحكومة الصومالية بمواصلة «الحرب الشاملة» على الحركة.", "ar")
    assert (attack["actor"], attack["modality"]) == (["SOM"], "future")


def test_acts_to_come_in_the_future_tense_are_apart_from_the_act_told():
    text = (
        "فجّر انتحاري من حركة الشباب سيارة مفخخة أمام مقر للحكومة، وقال المتحدث باسم الحركة إنها "
        "ستواصل استهداف قوات الاتحاد الأفريقي."
    )
    attacks = {a["modality"]: a for a in _attacks(text, "ar")}
    assert sorted(attacks) == ["asserted", "future"]
    assert attacks["future"]["recipient"] == ["AU"]


def test_a_vow_joined_to_a_statement_is_its_speaker_s_and_its_threat_may_be_plural():
    text = "وقالت الحكومة الصومالية إنها فتحت تحقيقاً في الهجوم، وتعهدت بملاحقة منفذيه أينما كانوا."
    (attack,) = _attacks(text, "ar")
    assert (attack["actor"], attack["modality"]) == (["SOM"], "future")
    text = "ودان الرئيس فيليكس تشيسيكيدي الهجوم، متوعداً بأن المسؤولين سيعاقبون بشدة."
    assert [a["modality"] for a in _attacks(text, "ar")] == ["future"]


def test_force_announced_in_the_future_tense_is_an_attack_to_come():
    text = "Defence Minister Israel Katz said Israel would respond forcefully to any further fire."
    assert [(a["actor"], a["modality"]) for a in _attacks(text, "en")] == [
        (["ISR"], "hypothetical")
    ]
    text = "The military leader said the army of Burkina Faso would launch a general offensive."
    assert [a["modality"] for a in _attacks(text, "en")] == ["future"]
    text = "واتهم الرئيس حسن روحاني إسرائيل بالاغتيال، مؤكداً أن بلاده «سترد في الوقت المناسب»."
    assert (["IRN"], "future") in [(a["actor"], a["modality"]) for a in _attacks(text, "ar")]
    # a launch with no offensive is no force
    assert _attacks("Iran will launch a new satellite next month, officials said.", "en") == []


def test_revenge_strikes_stepped_up_and_towns_to_retake_are_attacks_to_come():
    text = "Al-Shabaab's Andalus radio said the group would avenge the deaths of its fighters."
    assert [(a["actor"], a["modality"]) for a in _attacks(text, "en")] == [
        (["AL-SHABAAB"], "future")
    ]
    text = (
        "A spokesman said the army and Ugandan troops, who launched joint operations in "
        "November, would step up air and artillery strikes on rebel camps."
    )
    assert [a["actor"] for a in _attacks(text, "en") if a["modality"] == "future"] == [["UGA"]]
    text = "وتوعّد قائد الجيش عبد الفتاح البرهان بأن قواته «ستستعيد كل شبر» سيطر عليه المتمردون."
    assert [(a["actor"], a["modality"]) for a in _attacks(text, "ar")] == [(["SDN"], "future")]
