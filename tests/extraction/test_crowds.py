"""Crowds named by what they do or what is done to them (rules_protest.py): rioters, a crowd
gathering, relatives blocking roads, a crowd dispersed by force; the police named after riots
are no riot, and the dispersal of a crowd already told is no second protest."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _protests(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "protest"]


@pytest.mark.parametrize(
    ("language", "text", "form"),
    [
        (
            "en",
            "Thousands of people rioted in Maputo on Wednesday over the price of bread.",
            "riot",
        ),
        (
            "en",
            "Relatives of the captives blocked roads in the Bekaa Valley on Saturday.",
            "demonstration",
        ),
        (
            "en",
            "Police fired tear gas to disperse hundreds of opposition supporters in Lubumbashi.",
            "demonstration",
        ),
        (
            "en",
            "Troops fired rubber bullets at villagers taking part in the weekly march.",
            "demonstration",
        ),
        (
            "ar",
            "احتشد عشرات الآلاف في ساحة الاستقلال وسط باماكو تنديداً بالعقوبات.",
            "demonstration",
        ),
        (
            "ar",
            "أطلقت قوات حكومية النار لتفريق مئات من أنصار المعارضة قرب مطار مقديشو.",
            "demonstration",
        ),
    ],
)
def test_a_crowd_named_by_its_act_or_its_dispersal_is_a_protest(
    language: str, text: str, form: str
) -> None:
    (protest,) = _protests(text, language)
    assert protest["attributes"]["form"] == form


def test_riot_police_are_no_riot() -> None:
    text = "Riot police patrolled the centre of Khartoum on Sunday."
    assert _protests(text, "en") == []


def test_the_dispersal_of_a_crowd_already_told_is_no_second_protest() -> None:
    text = (
        "اقتحم محتجون الحواجز المؤدية إلى السراي الحكومي وسط بيروت مساء أمس. وأطلقت قوى الأمن "
        "الداخلي القنابل المسيلة للدموع لتفريق الحشود."
    )
    assert [p["attributes"]["form"] for p in _protests(text, "ar")] == ["riot"]
    text = "Hundreds of protesters marched in Beni. Police fired tear gas to disperse the crowd."
    assert len(_protests(text, "en")) == 1


def test_a_dispersal_without_a_crowd_is_no_protest() -> None:
    assert _protests("The army dispersed its units across the province.", "en") == []


def test_whom_a_crowd_demands_of() -> None:
    text = (
        "Police fired tear gas to disperse hundreds of opposition supporters who were demanding "
        "that President Joseph Kabila organise elections."
    )
    (protest,) = _protests(text, "en")
    assert protest["recipient"] == ["KABILA-J"]


def test_settlers_or_gunmen_torching_homes_are_no_riot() -> None:
    text = (
        "Dozens of Israeli settlers attacked the village of Mukhmas, torching two homes and cars."
    )
    assert _protests(text, "en") == []
    text = "Gunmen from the Gran Grif gang stormed the town of Liancourt, torching homes."
    assert _protests(text, "en") == []
    text = "Hundreds of protesters stormed the parliament and set fire to its gate."
    assert [p["attributes"]["form"] for p in _protests(text, "en")] == ["riot"]


def test_a_strike_said_to_begin_is_to_come() -> None:
    text = "Opposition leader André Michel said a general strike would begin on Tuesday."
    (strike,) = _protests(text, "en")
    assert strike["modality"] == "future"
    (strike,) = _protests("وقال التجمع إن الإضراب العام سيبدأ الأحد.", "ar")
    assert strike["modality"] == "future"


def test_words_of_purpose_or_warning_shots_are_no_stance() -> None:
    for text in (
        "The Israeli military said troops had fired warning shots at suspects near the fence.",
        "The US carried out an air strike near Afgoye in support of Somali forces.",
    ):
        claims = extract(text, language="en")["claims"]
        assert [c for c in claims if c["type"] == "statement"] == [], text


def test_a_body_named_by_its_members_after_of() -> None:
    text = "The Federation of Evangelical Churches and Missions condemned the attack."
    (condemn,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "statement"]
    assert condemn["actor"] == ["ORG:Federation of Evangelical Churches and Missions"]
    text = "The Arab League condemned the attack."
    (condemn,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "statement"]
    assert condemn["actor"] == ["ARAB-LEAGUE"]


def test_a_strike_begun_or_called_is_no_air_strike() -> None:
    text = "Doctors began a strike called by the League of Public Secondary School Teachers."
    (strike,) = _protests(text, "en")
    assert strike["actor"] == ["ORG:League of Public Secondary School Teachers"]
    claims = extract(text, language="en")["claims"]
    assert [c for c in claims if c["type"] == "attack"] == []
    assert _protests("Israel said its jets began a strike on Hezbollah positions.", "en") == []


def test_a_call_to_end_a_strike_is_the_speaker_s_own() -> None:
    text = "ودعا رئيس بلدية مقديشو عبد الرحمن عمر عثمان التجار إلى إنهاء الإضراب."
    calls = [c for c in extract(text, language="ar")["claims"] if c["type"] == "statement"]
    assert [c["attributes"]["stance"] for c in calls] == ["call"]


def test_a_crowd_gathered_for_no_protest_is_none() -> None:
    for text in (
        "تجمّع مئات الأشخاص في المطار لاستقبال الحجاج العائدين.",
        "احتشد مئات من أنصار حزب الله في الضاحية الجنوبية لتشييع القيادي.",
    ):
        assert _protests(text, "ar") == [], text
