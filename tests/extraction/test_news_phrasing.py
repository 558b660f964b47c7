"""Phrasings of wire copy that misled the rules: a participle of support that describes a noun
("troops backed by tanks"), armed men seizing people ("seized nine foreign oil workers"), a
person named with an age or a trade between commas, and an age that is no toll."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str) -> list[dict[str, Any]]:
    return extract(text, language="en")["claims"]


def test_a_participle_of_support_before_by_is_no_stance_and_no_speaker() -> None:
    claims = _claims(
        "Yemeni troops backed by tanks later shelled suspected al Qaeda hideouts on the edge of "
        "the town, killing two militants, the official added."
    )
    assert not [c for c in claims if c["type"] == "statement"]
    attack = next(c for c in claims if c["type"] == "attack")
    assert attack["actor"] == ["YEM"]
    assert attack["recipient"] == ["AL-QAEDA"]
    # a stance of support still is one
    support = _claims("The United States backed the plan.")
    assert [c["attributes"]["stance"] for c in support] == ["support"]


def test_armed_men_seizing_workers_or_women_abduct_them() -> None:
    for text in (
        "Militants in speedboats seized nine foreign oil workers, among them three Americans, "
        "from a barge off the coast of the Niger Delta on Saturday.",
        "Survivors said the attackers had also seized three women before escaping into the swamps.",
    ):
        means = [c["attributes"]["means"] for c in _claims(text) if c["type"] == "attack"]
        assert means == ["abduction"], text


def test_a_person_named_with_an_age_or_a_trade_between_commas() -> None:
    out = extract(
        "Gunmen kidnapped Ken Elliott, an 81-year-old surgeon who has run a clinic in the town "
        "of Djibo for four decades, late on Friday.",
        language="en",
    )
    attack = next(c for c in out["claims"] if c["type"] == "attack")
    assert attack["recipient"] == ["PERSON:Ken Elliott"]
    out = extract("Gunmen shot dead John Smith, 45, outside his home in Kirkuk.", language="en")
    tolls = [c["figures"]["killed"]["best"] for c in out["claims"] if c["type"] == "casualties"]
    assert 45 not in tolls  # his age is no toll


def test_raided_is_a_verb_of_attack_whose_subject_did_it() -> None:
    (attack,) = [
        c
        for c in _claims(
            "Kosovo police special units raided several towns in the north on Tuesday."
        )
        if c["type"] == "attack"
    ]
    assert attack["actor"] == ["XKX-POLICE"]


def test_a_state_after_in_and_a_compass_word_is_a_place_not_the_attacker() -> None:
    (attack,) = [
        c
        for c in _claims(
            "Turkey launched a military offensive against Kurdish-led forces in northeast "
            "Syria, shelling the border town of Ras al-Ain."
        )
        if c["type"] == "attack"
    ]
    assert attack["actor"] == ["TUR"]


def test_the_islamic_state_of_iraq_is_the_islamic_state_s_forerunner_not_iraq() -> None:
    (attack,) = [
        c
        for c in _claims(
            "A bomb hidden in a parked minibus went off near a mosque in Tuz Khurmatu, killing "
            "two worshippers. Police chief Jamal Tahir blamed the Islamic State of Iraq for the "
            "blast."
        )
        if c["type"] == "attack"
    ]
    assert attack["actor"] == ["ISIS"]
