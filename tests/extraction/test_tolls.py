"""Tolls and the attacks they tell (rules_ground.py, rules_killings.py): which toll a period
belongs to, a toll told as rising to its figure, and a killing that is itself the attack."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.extraction.extract import extract


def claims(text: str, kind: str) -> list[dict[str, Any]]:
    found = extract(text, published=date(2025, 11, 20))["claims"]
    return [c for c in found if c["type"] == kind]


def _tolls(text: str) -> list[tuple[int, str | None]]:
    return [
        (c["figures"]["killed"]["best"], c["attributes"].get("period"))
        for c in claims(text, "casualties")
        if "killed" in c["figures"]
    ]


def test_a_toll_told_as_rising_is_read_with_its_own_period() -> None:
    text = (
        "قالت مصادر أمنية لبنانية إن ثلاثة وثلاثين عاملاً قتلوا في غارات جوية إسرائيلية "
        "استهدفت مزرعة في بلدة القاع أمس، لترتفع حصيلة القتلى في لبنان منذ بدء الحرب إلى "
        "أكثر من ٩٠٠ شخص."
    )
    assert _tolls(text) == [(33, None), (900, "other")]
    # the day's toll is one incident: its attack stays
    assert [c["attributes"]["means"] for c in claims(text, "attack")] == ["air"]
    english = (
        "Israeli air strikes killed 12 people in Khan Younis on Monday, bringing the death "
        "toll since the war began to more than 40,000, the health ministry said."
    )
    assert _tolls(english) == [(12, None), (40000, "other")]


def test_a_period_before_several_tolls_is_the_period_of_each() -> None:
    text = (
        "Since the ceasefire took effect, 400 people have been killed, the ministry said, "
        "and among the dead were 60 children killed in air strikes."
    )
    assert {period for _, period in _tolls(text)} == {"since_truce"}


def test_the_deadliest_since_is_a_comparison_not_a_total() -> None:
    text = (
        "قتل ما لا يقل عن ١٤٤ شخصاً في انفجار خمس سيارات مفخخة وسقوط قذائف هاون على أسواق "
        "مدينة الصدر، في أعنف هجوم تشهده العاصمة منذ عام 2003."
    )
    assert _tolls(text) == [(144, None)]
    # the blast of car bombs is a bombing beside the mortars, not the sound of one
    means = sorted(c["attributes"]["means"] for c in claims(text, "attack"))
    assert means == ["artillery", "explosive"]
    english = (
        "Eight railway workers were killed when a Hezbollah rocket slammed into a depot in "
        "Haifa, the deadliest strike on the city since the fighting began, police said."
    )
    assert _tolls(english) == [(8, None)]
    assert [c["actor"] for c in claims(english, "attack")] == [["HEZBOLLAH"]]
    assert claims(english, "statement") == []  # a rocket that slams into a depot condemns no one
    # a total with no incident beside it still gives no attack
    total = "Since the war began, Israeli attacks have killed 3,000 people in Rafah."
    assert claims(total, "attack") == []


def test_a_killing_by_armed_men_is_an_attack() -> None:
    attack = claims("Insurgents killed 52 young men in a village in Cabo Delgado.", "attack")
    assert [a["attributes"]["means"] for a in attack] == ["other"]
    named = claims("Hamas said Israeli forces killed five Palestinians in Jenin.", "attack")
    assert [a["actor"] for a in named] == [["IDF"]]
    verb_first = claims(
        "قتل مسلحون يشتبه في انتمائهم إلى القوات الديمقراطية المتحالفة ثمانية مدنيين قرب بيني.",
        "attack",
    )
    assert [a["actor"] for a in verb_first] == [["ADF"]]
    subject_first = claims(
        "قالت مصادر إن مسلحين بينهم عناصر في الشرطة قتلوا نحو ٧٠ رجلاً في تلعفر.", "attack"
    )
    assert [a["attributes"]["means"] for a in subject_first] == ["other"]
    militiamen = claims(
        "Syrian forces and allied militiamen killed at least 78 people in Mazraat al-Qubeir.",
        "attack",
    )
    assert [a["actor"] for a in militiamen] == [["SYR"]]
    # one man before the count of those he killed: "قتل جندي أمريكي ١٦ مدنياً"
    one_man = claims("قتل جندي أمريكي ١٦ مدنياً أفغانياً في قريتين بولاية قندهار.", "attack")
    assert [a["actor"] for a in one_man] == [["USA"]]
    assert claims("قتل جندي أمريكي في انفجار عبوة ناسفة ببغداد.", "attack")[0]["actor"] == []


def test_a_passive_toll_or_armed_men_killed_name_no_killer() -> None:
    assert claims("Three Turkish soldiers were killed in Idlib.", "attack") == []
    assert claims("ثلاثة وثلاثين عاملاً قتلوا قرب الحدود.", "attack") == []
    # "قتلت مسلحين اثنين": the armed men are the killed; the army that speaks killed them
    army = claims("قال الجيش الإسرائيلي إن قواته قتلت مسلحين اثنين خرجا من نفق.", "attack")
    assert [a["actor"] for a in army] == [["IDF"]]
    # "بقتل" is a noun after its preposition, not a verb with a subject
    accused = claims("اتهمت منظمة هيومن رايتس ووتش الجيش المالي بقتل نحو ثلاثمئة مدني.", "attack")
    assert all(a["actor"] != ["HRW"] for a in accused)


def test_people_seized_in_any_number_are_abducted() -> None:
    text = (
        "Rebels from the Yarmouk Martyrs Brigade seized 21 Filipino peacekeepers near the "
        "village of Jamla in the Golan Heights."
    )
    attack = claims(text, "attack")
    assert [a["attributes"]["means"] for a in attack] == ["abduction"]
    town = claims("Government forces seized the town after heavy fighting.", "attack")
    assert all(a["attributes"]["means"] != "abduction" for a in town)


def test_persons_named_after_a_verb_of_killing_are_its_toll() -> None:
    text = (
        "A US drone strike near Baghdad airport killed Iranian commander Qassem Soleimani and "
        "Iraqi militia leader Abu Mahdi al-Muhandis."
    )
    assert _tolls(text) == [(2, None)]
    arabic = (
        "شنت إسرائيل موجة غارات على منشآت نووية وعسكرية في إيران، وقتل فيها رئيس أركان الجيش "
        "الإيراني محمد باقري."
    )
    assert _tolls(arabic) == [(1, None)]
    # "the killing of" tells an earlier event, not a toll of this one
    earlier = (
        "Iran fired ballistic missiles at two bases in Iraq hosting US troops, in retaliation "
        "for the killing of Qassem Soleimani."
    )
    assert _tolls(earlier) == []


def test_a_toll_before_a_passive_across_its_subject_and_its_subset() -> None:
    subset = (
        "At least 86 people, including 30 children, were killed in a sarin attack on Khan "
        "Sheikhoun in Idlib province."
    )
    assert sorted(_tolls(subset)) == [(30, None), (86, None)]
    long_subject = "Two members of Syria's General Security were killed when gunmen attacked."
    assert _tolls(long_subject) == [(2, None)]
    # a day after its month is a date, not a list with the number after it
    dated = "Since October 7, 121 Palestinians have been killed in the West Bank."
    assert _tolls(dated) == [(121, "other")]


def test_a_victim_told_as_a_somebody_and_a_killing_by_a_named_party() -> None:
    assert _tolls("Unknown gunmen shot dead a World Food Programme staff member in Taiz.") == [
        (1, None)
    ]
    assert _tolls("The strike killed a total of 30 people.") == [(30, None)]
    passive = claims(
        "Former Yemeni president Ali Abdullah Saleh was killed by Houthi fighters.", "attack"
    )
    assert [a["actor"] for a in passive] == [["HOUTHIS"]]
    # the 23 of M23 is no toll
    clash = (
        "UN helicopters pounded M23 positions north of Goma, and a Tanzanian peacekeeper "
        "was killed in the fighting."
    )
    assert _tolls(clash) == [(1, None)]


def test_a_verb_joined_by_and_before_its_killers_and_their_victims_far_after() -> None:
    text = "وقتل مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام ثمانية مدنيين."
    assert [a["actor"] for a in claims(text, "attack")] == [["BOKO-HARAM"]]
    assert _tolls(text) == [(8, None)]


def test_the_dead_of_a_hacking_or_a_neutralising_are_counted() -> None:
    (toll,) = claims("ADF rebels hacked to death at least 36 civilians in Beni.", "casualties")
    assert toll["figures"]["killed"]["best"] == 36
    (toll,) = claims("وأعلنت الحكومة «تحييد» 17 من المهاجمين.", "casualties")
    assert toll["figures"]["killed"]["best"] == 17
