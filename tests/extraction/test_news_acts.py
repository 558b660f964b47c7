"""Acts and figures told in ways the dictionaries' words alone miss: crossings named by their
town, a party that says it fired, a toll risen to its figure far from its word, the wounded a
medical service treated, persons held by an armed group, strikes named by their length."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _claims(text: str, language: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == kind]


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        ("en", "Israel reopened the Tarqumiya crossing to Palestinian labourers.", "Tarqumiya"),
        ("en", "The Dominican Republic closed its border crossing at Jimaní on Monday.", "Jimaní"),
    ],
)
def test_a_crossing_the_dictionaries_lack_is_named_by_its_place(
    language: str, text: str, named: str
) -> None:
    (status,) = _claims(text, language, "corridor_status")
    assert status["target"] == f"PLACE:{named}"


def test_a_crossing_named_by_the_dictionary_keeps_its_id() -> None:
    (status,) = _claims("أغلقت إسرائيل معبر كرم أبو سالم.", "ar", "corridor_status")
    assert status["target"] == "CROSSING-KEREM-SHALOM"


def test_a_party_that_says_it_fired_is_the_attacker() -> None:
    text = "Hezbollah said it fired dozens of Katyusha rockets at an Israeli army base."
    (attack,) = _claims(text, "en", "attack")
    assert attack["actor"] == ["HEZBOLLAH"]


def test_a_speaker_concerned_by_attacks_claims_none() -> None:
    text = "The WHO said it was deeply concerned about attacks on hospitals."
    assert all(c["actor"] != ["WHO"] for c in _claims(text, "en", "attack"))


def test_a_toll_risen_to_its_figure_far_from_its_word() -> None:
    text = (
        "The death toll from an overnight raid by suspected Allied Democratic Forces rebels on "
        "the village of Lolwa has risen to 19, a local leader said."
    )
    (toll,) = _claims(text, "en", "casualties")
    assert toll["figures"]["killed"]["best"] == 19


def test_putting_a_toll_at_a_figure_is_no_contribution() -> None:
    text = "The army spokesman, Lieutenant Jules Ngongo, put the toll at 12."
    assert _claims(text, "en", "contribution") == []
    (toll,) = _claims(text, "en", "casualties")
    assert toll["figures"]["killed"]["best"] == 12


def test_the_people_a_medical_service_treated_are_wounded() -> None:
    text = "The Lebanese Red Cross said it had treated 45 people, most of them for tear gas."
    (toll,) = _claims(text, "en", "casualties")
    assert toll["figures"]["injured"]["best"] == 45


def test_a_person_held_by_an_armed_group_is_abducted() -> None:
    text = "Officials said the researcher was being held by the militia Kataib Hezbollah."
    (attack,) = _claims(text, "en", "attack")
    assert (attack["attributes"]["means"], attack["actor"]) == ("abduction", ["KATAIB-HEZBOLLAH"])


def test_gunmen_who_seize_a_surgeon_abduct_him() -> None:
    text = "Gunmen seized a surgeon and his driver as they left a hospital in Tabarre."
    (attack,) = _claims(text, "en", "attack")
    assert attack["attributes"]["means"] == "abduction"


def test_a_strike_named_by_its_length_and_its_declarers() -> None:
    text = "Lebanese public sector employees began an open-ended strike on Monday."
    (strike,) = _claims(text, "en", "protest")
    assert (strike["attributes"]["form"], strike["actor"]) == ("strike", [])
    text = "Doctors began a three-day strike on Thursday to demand the release of the two men."
    (strike,) = _claims(text, "en", "protest")
    assert strike["attributes"]["form"] == "strike"
    assert _claims("The air strike hit a house in Gaza.", "en", "protest") == []


def test_a_state_s_drone_named_as_its_force_is_a_drone_strike() -> None:
    text = "A man was killed on Tuesday when an Israeli drone fired a missile at his pickup truck."
    (attack,) = _claims(text, "en", "attack")
    assert (attack["attributes"]["means"], attack["actor"]) == ("drone", ["IDF"])


def test_heavy_fire_is_gunfire() -> None:
    text = "Police armoured vehicles came under heavy fire from gunmen around the terminal."
    (attack,) = _claims(text, "en", "attack")
    assert attack["attributes"]["means"] == "gunfire"


def _pledges(text: str, language: str) -> list[tuple[list[str], int | None]]:
    found = []
    for claim in _claims(text, language, "contribution"):
        figure = next(iter(claim["figures"].values()), {})
        found.append((claim["actor"], figure.get("best")))
    return found


def test_pledges_told_by_ellipsis_are_each_party_s() -> None:
    text = "Saudi Arabia pledged $1.1 billion and the United States $770 million in Paris."
    assert _pledges(text, "en") == [(["SAU"], 1_100_000_000), (["USA"], 770_000_000)]
    text = "تعهدت السعودية بتقديم مليار دولار والإمارات بـ500 مليون دولار لإعادة إعمار غزة."
    assert _pledges(text, "ar") == [(["SAU"], 1_000_000_000), (["ARE"], 500_000_000)]
    text = "Egypt will send 1,000 troops and Indonesia 20,000 to the force."
    assert _pledges(text, "en") == [(["EGY"], 1000), (["IDN"], 20000)]


def test_each_contribution_takes_the_figure_after_its_word() -> None:
    text = "Australia pledged 600 military personnel and eight fighter jets to the coalition."
    assert _pledges(text, "en") == [(["AUS"], 600)]
    text = "Egypt will send 1,000 troops and Indonesia said it would consider it."
    assert _pledges(text, "en") == [(["EGY"], 1000)]


def test_a_unit_that_arrives_names_its_nation() -> None:
    text = "وصلت طلائع الكتيبة الماليزية إلى بيروت للانضمام إلى قوة اليونيفيل."
    (arrived,) = _claims(text, "ar", "contribution")
    assert (arrived["actor"], arrived["target"]) == (["MYS"], "UNIFIL")
    text = "The first Malaysian troops arrived in Beirut to join the UN force."
    (arrived,) = _claims(text, "en", "contribution")
    assert arrived["actor"] == ["MYS"]
    # only a unit that arrives: a patrol a mission sent names no nation by its trainers
    text = "وقالت بعثة الأمم المتحدة إنها أرسلت دورية إلى المنطقة، واتهمت الجماعة مدربين روساً."
    assert all("RUS" not in c["actor"] for c in _claims(text, "ar", "contribution"))
