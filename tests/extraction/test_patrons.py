"""Parties named only as the patron of another (patrons.py) are named, but are no party to the
act: not its perpetrator, not its target, and "backed" is no statement of support."""

from __future__ import annotations

from marsad.extraction.extract import extract


def test_the_patron_of_the_group_hit_is_neither_target_nor_party():
    text = (
        "A US air strike hit a base used by Iran-aligned armed groups in Jurf al-Sakhar on "
        "Tuesday, killing four members of the Popular Mobilisation Forces, Iraqi sources said."
    )
    out = extract(text, language="en")
    (attack,) = [c for c in out["claims"] if c["type"] == "attack"]
    assert (attack["actor"], attack["recipient"]) == (["USA"], ["PMF"])
    assert "IRN" in {e["id"] for e in out["entities"]}  # still named


def test_a_backed_faction_is_not_its_patron_s_act_nor_a_statement_of_support():
    text = (
        "Hevrin Khalaf was shot dead on the M4 highway on Saturday, the Syrian Democratic Forces "
        "said, blaming the Turkish-backed Ahrar al-Sharqiya faction."
    )
    claims = extract(text, language="en")["claims"]
    assert all("TUR" not in c["actor"] for c in claims)
    assert not [c for c in claims if c["type"] == "statement"]


def test_a_group_linked_to_another_is_that_group_s_side():
    text = "Hundreds of Islamic State-linked insurgents raided the town of Macomia on Friday."
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["ISIS"]


def test_an_arabic_patron_after_the_named_party_is_no_party():
    text = (
        "قُتل ١١ شخصاً في اشتباكات اندلعت في مدينة عتق بين قوات «دفاع شبوة» المدعومة من "
        "الإمارات ووحدات من قوات الأمن الخاصة."
    )
    (attack,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["GROUP:دفاع شبوة"]
    assert "ARE" not in attack["recipient"]
    # unnamed factions are known by their patron only: it stays
    text = "تواصلت المعارك في محيط منبج بين فصائل مدعومة من تركيا وقوات سوريا الديمقراطية."
    (attack,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["TUR"]
