"""Totals and words of fire that are no new act: a toll since a date long before the report is
a total, the party whose war a total counts is its perpetrator, "الأربعين ألفاً" is forty
thousand, a ceasefire with a word inside it is no shooting, and flames are no gunfire."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.extraction.extract import extract


def _claims(text: str, published: date = date(2024, 8, 15)) -> list[dict[str, Any]]:
    return extract(text, language="ar", published=published)["claims"]


def test_a_toll_since_a_date_long_before_the_report_is_a_total_of_the_war_s_party() -> None:
    claims = _claims(
        "أعلنت وزارة الصحة في قطاع غزة اليوم أن حصيلة الحرب الإسرائيلية على القطاع منذ السابع من "
        "تشرين الأول 2023 ارتفعت إلى 40005 قتلى و92401 مصاب، مشيرة إلى أن 40 شخصاً قُتلوا خلال "
        "الساعات الأربع والعشرين الماضية."
    )
    tolls = {c["figures"]["killed"]["best"]: c for c in claims if c["type"] == "casualties"}
    assert tolls[40005]["attributes"]["period"] == "other"
    assert tolls[40005]["actor"] == ["IDF"]
    assert tolls[40]["attributes"]["period"] == "day"
    assert not [c for c in claims if c["type"] == "attack"]


def test_since_a_day_of_the_same_week_is_no_total() -> None:
    claims = _claims(
        "أفادت وزارة الصحة اللبنانية بأن حصيلة الغارات الإسرائيلية على جنوب لبنان ارتفعت إلى 558 "
        "قتيلاً منذ صباح أمس.",
        date(2024, 9, 24),
    )
    assert [c["type"] for c in claims] == ["attack", "casualties"]


def test_a_number_word_with_its_article_before_thousands() -> None:
    claims = _claims("أعلنت الوزارة أن حصيلة القتلى في القطاع تجاوزت الأربعين ألفاً منذ بدء الحرب.")
    (toll,) = [c for c in claims if c["type"] == "casualties"]
    assert toll["figures"]["killed"]["best"] == 40000


@pytest.mark.parametrize(
    "text",
    [
        "ودعا مكتب الأمم المتحدة لحقوق الإنسان إلى وقف فوري لإطلاق النار وإطلاق سراح الرهائن.",
        "دعت الدول إلى هدنة إنسانية تمهيداً لوقف دائم لإطلاق النار.",
        "وحاصرت النيران عشرات المنازل ودفعت مئات السكان إلى مغادرتها.",
    ],
)
def test_a_ceasefire_or_flames_are_no_shooting(text: str) -> None:
    assert not [c for c in _claims(text) if c["type"] == "attack"]


def test_fire_opened_on_people_is_still_shooting() -> None:
    claims = _claims("أطلق الجنود النيران على المحتجين فقتلوا ثلاثة.")
    assert [c["attributes"]["means"] for c in claims if c["type"] == "attack"] == ["gunfire"]


def test_a_missile_that_sets_a_ship_on_fire_is_still_an_attack() -> None:
    (attack,) = [
        c
        for c in _claims(
            "أصيبت ناقلة المواد الكيميائية النرويجية «ستريندا» بصاروخ مضاد للسفن أُطلق من مناطق "
            "سيطرة الحوثيين في اليمن ليل أمس، ما أدى إلى اندلاع حريق على متنها من دون إصابات."
        )
        if c["type"] == "attack"
    ]
    assert attack["actor"] == ["HOUTHIS"]
    assert attack["recipient"] == ["NOR"]


@pytest.mark.parametrize(
    ("text", "actor", "modality"),
    [
        ("توعدت حركة طالبان بشن هجمات جديدة على القوات الأجنبية.", "TALIBAN", "future"),
        (
            "توعدت حركة طالبان بشن هجمات على القوات الأجنبية إذا لم تغادر أفغانستان في الموعد.",
            "TALIBAN",
            "hypothetical",
        ),
        (
            "وتوعّد الرئيس فيليبي نيوسي بأن تلاحق قوات الدفاع والأمن الموزمبيقية المسلحين.",
            "MOZ",
            "future",
        ),
    ],
)
def test_attacks_vowed_are_to_come(text: str, actor: str, modality: str) -> None:
    (attack,) = [c for c in _claims(text) if c["type"] == "attack"]
    assert attack["actor"] == [actor]
    assert attack["modality"] == modality


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "قُتل عاملان محليان في منظمة «أنقذوا الأطفال» وأصيب سائق، عندما تعرضت سيارتهم لكمين.",
            {"killed": 2, "injured": 1},
        ),
        ("وقُتل أحد الحراس خلال العملية، بحسب شهود.", {"killed": 1}),
        ("ألقت طائرة حربية قنابل على المستشفى، ما أدى إلى إصابة طبيبين من طاقمها.", {"injured": 2}),
    ],
)
def test_victims_counted_by_a_dual_one_noun_or_one_of_them(
    text: str, figures: dict[str, int]
) -> None:
    (toll,) = [c for c in _claims(text) if c["type"] == "casualties"]
    assert {k: v["best"] for k, v in toll["figures"].items()} == figures


def test_a_project_before_a_comma_proposes_no_attack() -> None:
    claims = _claims(
        "اتهمت السلطات في إقليم أوروميا متمردي «جيش تحرير أورومو» بقتل ١١ مدنياً، بينهم عمال في "
        "مشروع لشق طريق، في هجوم على بلدة في منطقة غرب شوا أمس."
    )
    assert [c["modality"] for c in claims if c["type"] == "attack"] == ["asserted"]


def test_an_invasion_with_tanks_is_an_invasion_and_the_tanks_fire() -> None:
    claims = _claims(
        "اجتاحت القوات المسلحة السودانية بالدبابات منطقة أبيي المتنازع عليها مع الجنوب."
    )
    means = sorted(c["attributes"]["means"] for c in claims if c["type"] == "attack")
    assert "other" in means


@pytest.mark.parametrize(
    "text",
    [
        "ما أدى إلى إصابة ستة جنود سوريين كانوا يرافقونه في شاحنة عسكرية.",
        "وقال المتحدث باسم الحكومة إن ٢٨ آخرين أصيبوا، وإن عشرات الشاحنات أُحرقت.",
    ],
)
def test_trucks_with_no_aid_named_are_no_aid_delivery(text: str) -> None:
    assert not [c for c in _claims(text) if c["type"] == "aid_delivery"]


@pytest.mark.parametrize(
    "text",
    [
        "خرج عشرات الآلاف في الخرطوم اليوم، تلبية لدعوة «قوى إعلان الحرية والتغيير» إلى "
        "«مليونية 30 يونيو».",
        "نفّذ المعلمون إضراباً شاملاً اليوم، بدعوة من هيئة التنسيق النقابية.",
    ],
)
def test_a_call_answered_is_no_invitation(text: str) -> None:
    assert not [c for c in _claims(text) if c["type"] == "invitation"]


def test_an_invitation_to_join_answered_is_still_one() -> None:
    claims = _claims(
        "أفادت وكالة فرانس برس بأن باريس لا تعتزم في المرحلة الراهنة تلبية الدعوة للانضمام إلى "
        "مجلس السلام."
    )
    assert [c["type"] for c in claims if c["type"] == "invitation"] == ["invitation"]
