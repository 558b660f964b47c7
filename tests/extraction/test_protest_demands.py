"""Protests read from what a crowd does and demands: roads blocked by protesters or residents
(not by troops), whom a demand names after a title ("مطالبين الرئيس بولا تينوبو"), the leader
named after his group ("بإسقاط قائد «هيئة تحرير الشام» أبو محمد الجولاني"), and "demanding the
dismissal of"."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _protests(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "protest"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Hundreds of residents of Mukalla blocked the main coastal road with rocks."),
        ("ar", "وأغلق المحتجون عدداً من الطرق بالإطارات المشتعلة في حي ساي بانغو."),
    ],
)
def test_roads_blocked_by_a_crowd_are_a_demonstration(language: str, text: str) -> None:
    assert [p["attributes"]["form"] for p in _protests(text, language)] == ["demonstration"]


@pytest.mark.parametrize(
    "text", ["Troops blocked the road to the airport.", "Residents said the army blocked aid."]
)
def test_roads_or_aid_blocked_by_troops_are_no_protest(text: str) -> None:
    assert _protests(text, "en") == []


@pytest.mark.parametrize(
    ("language", "text", "addressed"),
    [
        (
            "ar",
            "وخرج آلاف الشبان إلى الشوارع في أبوجا ولاغوس احتجاجاً على غلاء المعيشة، مطالبين الرئيس "
            "بولا تينوبو بإعادة دعم الوقود.",
            "PERSON:بولا تينوبو",
        ),
        (
            "ar",
            "خرج آلاف المتظاهرين في مدينة إدلب، مطالبين بإسقاط قائد «هيئة تحرير الشام» أبو محمد "
            "الجولاني.",
            "SHARAA",
        ),
        (
            "en",
            "Hundreds of residents blocked the main road on Sunday, demanding the dismissal of "
            "Hadramout governor Faraj al-Bahsani.",
            "PERSON:Faraj al-Bahsani",
        ),
    ],
)
def test_whom_the_demand_names(language: str, text: str, addressed: str) -> None:
    (protest,) = _protests(text, language)
    assert protest["recipient"] == [addressed]


def test_the_crowd_named_again_is_no_second_protest_and_a_later_call_is_the_speaker_s() -> None:
    claims = extract(
        "تظاهر آلاف المحتجين في ساحة التحرير وسط بغداد اليوم مطالبين برحيل الحكومة. وقالت "
        "مفوضية حقوق الإنسان إن أربعة متظاهرين قتلوا. ودعت الممثلة الخاصة للأمين العام "
        "للأمم المتحدة في العراق جينين هينيس-بلاسخارت السلطات إلى ضبط النفس.",
        language="ar",
    )["claims"]
    assert [c["type"] for c in claims].count("protest") == 1
    calls = [c for c in claims if c["type"] == "statement"]
    assert [c["actor"] for c in calls] == [["PERSON:جينين هينيس-بلاسخارت"]]
