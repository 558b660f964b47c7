"""Who did it and whom it was aimed at, told through what a party owns or whom it killed: the
aircraft "التابع للجيش" are the army's, "تجمعات لقوات الدعم السريع" are the target's, a speaker's
"إنه استهدف" names its target, military sites hit are their state's, and a party that killed the
men of another "في معارك" did the fighting."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.extract import extract


def _attacks(text: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


def _one(text: str, language: str = "ar") -> dict[str, Any]:
    found = _attacks(text, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "شن الطيران الحربي التابع للجيش السوداني غارات على كبكابية.",
        "قتل 100 شخص في غارات شنها الطيران الحربي التابع للجيش السوداني على سوق بلدة كبكابية.",
    ],
)
def test_aircraft_of_a_party_are_its_own_means(text: str) -> None:
    attack = _one(text)
    assert attack["actor"] == ["SAF"]
    assert "SAF" not in attack["recipient"]


def test_the_owner_of_what_a_verb_hits_is_the_target() -> None:
    attack = _one(
        "قال ناشطون إن أكثر من مئة شخص قتلوا في غارات شنها الطيران الحربي التابع للجيش "
        "السوداني على سوق بلدة كبكابية أمس، فيما قال الجيش إنه استهدف تجمعات لقوات الدعم السريع."
    )
    assert attack["actor"] == ["SAF"]
    assert attack["recipient"] == ["RSF"]


def test_supporters_of_a_party_are_no_owner_of_a_thing() -> None:
    attack = _one(
        "اعتدى مناصرون لحزب الله وحركة أمل بالضرب على المعتصمين في ساحة رياض الصلح ومزقوا خيامهم."
    )
    assert "HEZBOLLAH" not in attack["recipient"]


def test_a_speaker_that_says_it_targeted_names_the_target_of_the_strike_told_before() -> None:
    attack = _one(
        "قُتل خمسة في غارة إسرائيلية استهدفت مركبتهم في دير البلح. وقال الجيش الإسرائيلي إنه "
        "استهدف «مسلحين من حماس كانوا يخططون للاستيلاء على شاحنات المساعدات»."
    )
    assert attack["actor"] == ["IDF"]
    assert attack["recipient"] == ["HAMAS"]


@pytest.mark.parametrize(
    ("language", "text", "state"),
    [
        ("en", "Israeli jets struck military sites in Tehran.", "IRN"),
        ("en", "Israeli jets struck military targets across Syria.", "SYR"),
        (
            "ar",
            "شنّت طائرات حربية إسرائيلية فجر اليوم ثلاث موجات من الغارات على مواقع عسكرية في "
            "محافظات طهران وخوزستان وإيلام.",
            "IRN",
        ),
        (
            "ar",
            "قال الجيش الإسرائيلي إنه نفذ نحو ٤٨٠ غارة جوية على أهداف عسكرية في أنحاء سوريا خلال "
            "٤٨ ساعة.",
            "SYR",
        ),
    ],
)
def test_military_sites_hit_are_their_state_s(language: str, text: str, state: str) -> None:
    attack = _one(text, language)
    assert attack["actor"] == ["IDF"]  # "Israeli jets" did it: they own no site
    assert attack["recipient"] == [state]


def test_victims_after_the_attackers_allegiance_are_still_the_act_s() -> None:
    attack = next(
        a
        for a in _attacks(
            "خطف مسلحون يُشتبه في انتمائهم إلى «جماعة نصرة الإسلام والمسلمين» ثلاثة عمال صينيين "
            "يعملون في منجم للذهب قرب بلدة كينييبا أمس."
        )
        if a["attributes"]["means"] == "abduction"
    )
    assert attack["actor"] == ["JNIM"]
    assert attack["recipient"] == ["CHN"]


@pytest.mark.parametrize(
    ("language", "text", "actor", "target"),
    [
        (
            "ar",
            "قالت وزارة الإعلام الصومالية إن قوات الجيش الوطني قتلت نحو ٤٠ من مسلحي حركة الشباب "
            "في معارك قرب بلدة بولوبوردي أمس.",
            "SOM",
            "AL-SHABAAB",
        ),
        (
            "en",
            "Nigerian troops killed 12 Boko Haram militants during a raid on their camp.",
            "NGA",
            "BOKO-HARAM",
        ),
    ],
)
def test_who_killed_the_men_of_a_party_in_a_fight_fought_it(
    language: str, text: str, actor: str, target: str
) -> None:
    attack = _one(text, language)
    assert attack["actor"] == [actor]
    assert attack["recipient"] == [target]


def test_men_killed_before_their_verb_name_no_killer() -> None:
    attacks = _attacks(
        "قال الجيش الأمريكي إن أربعة من جنوده ومترجماً عراقياً قتلوا وفُقد ثلاثة جنود آخرون في "
        "كمين نصبه مسلحون لدوريتهم قرب المحمودية جنوب بغداد فجر أمس."
    )
    assert all("IRQ" not in a["actor"] for a in attacks)


def test_a_means_with_its_own_verb_keeps_the_toll_that_follows() -> None:
    attack = _one(
        "Several mortar rounds struck the UN peacekeeping camp in Tessalit in northern Mali on "
        "Tuesday, wounding three Chadian peacekeepers, the UN mission MINUSMA said.",
        "en",
    )
    assert "TCD" in attack["recipient"]


def test_a_toll_told_in_a_clause_after_the_act_is_that_clause_s() -> None:
    attack = _one(
        "Egyptian warplanes bombed Islamic State targets in Derna after the group beheaded 21 "
        "Egyptian Christians.",
        "en",
    )
    assert attack["actor"] == ["EGY"]
    assert attack["recipient"] == ["ISIS"]


def test_the_state_across_a_border_is_not_the_army_s() -> None:
    attack = _one(
        "قُتل ٢٠ جندياً على الأقل في هجوم شنّه متمردون من الطوارق على معسكر للجيش في بلدة "
        "نامبالا قرب الحدود الموريتانية فجر أمس، بحسب مصدر عسكري في باماكو."
    )
    assert attack["recipient"] == ["MLI"]


def test_an_accuser_named_by_a_long_title_blames_the_party_after_him() -> None:
    claims = extract(
        "قُتل 27 شخصاً بانفجار سيارة مفخخة قرب سوق شعبية في قضاء الخالص صباح اليوم. وحمّل قائد "
        "شرطة ديالى اللواء وليد العزاوي تنظيم «القاعدة في بلاد الرافدين» مسؤولية التفجير.",
        language="ar",
    )["claims"]
    assert {c["type"]: c["actor"] for c in claims} == {
        "attack": ["AL-QAEDA"],
        "casualties": ["AL-QAEDA"],
    }


@pytest.mark.parametrize(
    ("text", "actor", "means"),
    [
        ("قصفت قوات الدعم السريع مقر الجيش في بابنوسة.", "RSF", "other"),
        ("وقصفت مروحية فرنسية مقر الشرطة الذي تحصن فيه المسلحون.", "FRA", "air"),
        ("وكانت طائرات حلف شمال الأطلسي قد قصفت المجمع مرات عدة.", "NATO", "air"),
    ],
)
def test_a_party_that_shelled_did_it_with_what_it_shelled_with(
    text: str, actor: str, means: str
) -> None:
    attack = _one(text)
    assert attack["actor"] == [actor]
    assert attack["attributes"]["means"] == means


def test_a_unit_between_a_post_and_its_force() -> None:
    attacks = _attacks(
        "قصفت قوات الدعم السريع بالطائرات المسيّرة والمدفعية الثقيلة مقر الفرقة 22 مشاة في الجيش "
        "السوداني في مدينة بابنوسة منذ فجر اليوم."
    )
    assert [(a["actor"], a["recipient"]) for a in attacks] == [(["RSF"], ["SAF"])] * 2


def test_a_post_told_at_the_storming_is_the_target_of_the_fight_that_follows() -> None:
    attacks = _attacks(
        "قُتل شرطيان وثلاثة مدنيين عندما هاجم مسلحون من تحالف عصابات «فيف أنسانم» مركز الشرطة في "
        "بلدة غريسييه جنوب غربي بورت أو برنس فجر اليوم، وأضرموا النار فيه بعد اشتباك استمر ساعات."
    )
    assert [(a["actor"], a["recipient"]) for a in attacks] == [(["VIV-ANSANM"], ["HTI"])]


def test_a_force_that_says_it_struck_tells_again_its_state_s_strike() -> None:
    attacks = _attacks(
        "أُصيب ٧١ شخصاً عندما أصاب صاروخ باليستي إيراني مستشفى «سوروكا» في مدينة بئر السبع صباح "
        "اليوم. وقال الحرس الثوري الإيراني إنه استهدف «مقراً للقيادة والاستخبارات العسكرية» قرب "
        "المستشفى."
    )
    assert len(attacks) == 1
