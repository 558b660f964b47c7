"""Whom an attack is aimed at and who speaks to whom (roles.py, rules_speech.py), on Arabic
sentences of the kinds news writes."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language="ar")["claims"] if c["type"] == kind]


def test_the_victims_named_with_the_toll_are_the_target_not_the_perpetrator():
    text = (
        "قُتل ثلاثة جنود بورونديين من بعثة مينوسكا وأصيب اثنان آخران عندما هاجم مسلحون "
        "موقعهم في بلدة ديكوا وسط جمهورية أفريقيا الوسطى أمس."
    )
    (attack,) = _claims(text, "attack")
    assert "MINUSCA" in attack["recipient"]
    assert "MINUSCA" not in attack["actor"]


def test_positions_of_the_rebels_name_the_rebels_as_the_target():
    text = "قصفت القوات الحكومية اليمنية بالمدفعية مواقع للمتمردين الحوثيين في محافظة صعدة."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["YEM"]
    assert attack["recipient"] == ["HOUTHIS"]


def test_a_second_verb_joined_by_and_keeps_the_speaker_and_calls_on_the_party_after_it():
    text = (
        "أعرب مدير الوكالة الدولية للطاقة الذرية محمد البرادعي عن قلقه من توسيع إيران منشأة "
        "التخصيب في نطنز، ودعا طهران إلى التعاون الكامل مع مفتشي الوكالة."
    )
    calls = [c for c in _claims(text, "statement") if c["attributes"]["stance"] == "call"]
    assert [(c["actor"], c["recipient"]) for c in calls] == [(["PERSON:محمد البرادعي"], ["IRN"])]


def test_english_soldiers_before_an_active_verb_of_attack_fired_and_were_not_fired_at():
    text = (
        "Peacekeepers of the UN mission MONUSCO opened fire at the Kasindi border post with "
        "Uganda on Sunday, killing two people."
    )
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["MONUSCO"]
    assert "UN" not in attack["recipient"]
    text = "Two peacekeepers were killed when militants opened fire on their convoy near Goma."
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == []
