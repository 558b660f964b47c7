"""Whom an abduction or attack hit when the text names them by count, nationality or employer
(victims.py, rules_detention.py), in Arabic and English."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _attacks(text: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


def test_a_count_of_foreigners_is_the_target_even_after_a_long_subject():
    text = (
        "خطف مسلحون يرتدون زي الشرطة العراقية خمسة بريطانيين من مبنى تابع لوزارة المالية "
        "في شرق بغداد اليوم."
    )
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "abduction"
    assert attack["recipient"] == ["GBR"]


def test_a_year_before_a_nationality_counts_no_one():
    text = (
        "Since October 2023, Israeli attacks have killed more than 3,000 people in Lebanon, "
        "the health ministry said."
    )
    (toll,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "casualties"]
    assert toll["actor"] == ["IDF"]


def test_staff_working_for_a_body_make_the_body_the_target():
    text = "اختطف مسلحون حوثيون موظفين محليين يعملون لدى الأمم المتحدة في صنعاء."
    (attack,) = _attacks(text)
    assert attack["actor"] == ["HOUTHIS"]
    assert attack["recipient"] == ["UN"]
    text = "Gunmen kidnapped three engineers working for the Chinese company in Kano."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["CHN"]


def test_an_aid_worker_named_with_her_nationality_is_the_target():
    text = (
        "خطف مسلحون عاملة الإغاثة الإيطالية كليمنتينا كانتوني من سيارتها في أحد أحياء "
        "العاصمة الأفغانية مساء الإثنين."
    )
    (attack,) = _attacks(text)
    assert attack["recipient"][0] == "ITA"
    assert any(r.startswith("PERSON:") for r in attack["recipient"])
    text = "Gunmen kidnapped Italian aid worker Clementina Cantoni in Kabul on Monday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["ITA", "PERSON:Clementina Cantoni"]


def test_an_armed_group_detaining_a_body_s_staff_abducts_them():
    text = (
        "Houthi authorities have detained at least 13 United Nations staff members in Yemen, "
        "the UN said on Friday."
    )
    (attack,) = _attacks(text, "en")
    assert attack["attributes"]["means"] == "abduction"
    assert (attack["actor"], attack["recipient"]) == (["HOUTHIS"], ["UN"])


def test_seizing_a_building_takes_no_hostages():
    text = (
        "Separatist forces of the Southern Transitional Council seized the government "
        "headquarters in Aden on Sunday."
    )
    assert not [a for a in _attacks(text, "en") if a["attributes"]["means"] == "abduction"]


def test_the_police_arresting_unnamed_foreigners_is_no_abduction():
    text = "Police in Khartoum arrested three British nationals on Monday, officials said."
    assert not _attacks(text, "en")


def test_the_dead_counted_among_loyal_forces_did_not_attack():
    text = (
        "قُتل خمسة من عناصر القوات الموالية لحكومة الوفاق الوطني عندما فجّر انتحاري من تنظيم "
        "«الدولة الإسلامية» سيارة مفخخة عند بوابة أمنية قرب مصراتة اليوم."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["ISIS"], ["GNA"])
    text = "Rebel forces loyal to Riek Machar killed 20 soldiers in an attack on Bentiu."
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["MACHAR"]


def test_a_ship_named_with_its_cargo_has_the_nationality_after_the_cargo():
    text = (
        "أصيبت ناقلة المواد الكيميائية النرويجية «ستريندا» بصاروخ مضاد للسفن أُطلق من مناطق "
        "سيطرة الحوثيين في اليمن."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["HOUTHIS"], ["NOR"])


def test_a_raid_told_as_a_noun_is_an_attack():
    text = "قُتل شرطيان وسبعة مدنيين خلال عملية دهم في حي غران رافين جنوب بورت أو برنس."
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "other"


def test_a_place_used_or_held_by_a_party_makes_it_the_target():
    text = "وقال الجيش الإسرائيلي إنه استهدف «بنى تحتية» يستخدمها حزب الله في بلدة الخيام."
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["IDF"], ["HEZBOLLAH"])
    (attack,) = _attacks("قصفت الطائرات مواقع يسيطر عليها الحوثيون في صعدة.")
    assert attack["recipient"] == ["HOUTHIS"]


def test_men_the_speaker_counts_as_its_own_make_it_the_target():
    text = (
        "قال الجيش الأمريكي إن سبعة من جنوده قتلوا بانفجار قنبلة مزروعة على جانب الطريق "
        "في شرق أفغانستان."
    )
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "explosive"
    assert attack["recipient"] == ["USA"]
    assert attack["actor"] == []
    text = "The US military said seven of its soldiers were killed by a roadside bomb."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["USA"]


def test_the_speaker_s_own_men_uncounted_are_those_who_acted():
    # "its fighters targeted": its men act, and the speaker is no target
    text = "قال حزب الله إن عناصره استهدفوا دبابة إسرائيلية قرب بلدة العديسة."
    for attack in _attacks(text):
        assert "HEZBOLLAH" not in attack["recipient"]


def test_a_machine_hit_is_the_target_not_the_means():
    text = "استهدف مقاتلو حزب الله دبابة ميركافا إسرائيلية بصاروخ موجه قرب بلدة العديسة."
    (attack,) = _attacks(text)
    assert attack["actor"] == ["HEZBOLLAH"]
    assert attack["recipient"] == ["ISR"]
    text = "Turkish F-16 jets shot down a Russian Su-24 warplane near the Syrian border."
    assert {a["actor"][0] for a in _attacks(text, "en") if a["actor"]} == {"TUR"}
    assert all(a["recipient"] == ["RUS"] for a in _attacks(text, "en"))
    # the drone that strikes is the means, right after its verb
    text = "استهدفت طائرة مسيرة إسرائيلية سيارة في بلدة عيتا الشعب."
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "drone"
    assert attack["actor"] == ["IDF"]


def test_air_defences_bringing_down_drones_is_no_attack():
    text = "Iranian air defences shot down three small drones over Isfahan, state media said."
    assert _attacks(text, "en") == []


def test_notables_of_a_tribe_at_a_meeting_make_the_tribe_the_target():
    text = (
        "قُتل ٤٣ شخصاً في غارة بطائرة مسيّرة استهدفت اجتماعاً لأعيان من قبيلة التبو في مدينة "
        "مرزق، واتهمت حكومة الوفاق قوات حفتر بتنفيذها."
    )
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["GROUP:قبيلة التبو"]
    assert "GROUP:قبيلة التبو" not in attack["actor"]


def test_a_post_or_position_hit_names_its_holder():
    text = "Israeli tanks shelled a Hamas observation post east of Khan Younis on Thursday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["HAMAS"]
    text = "Hezbollah fired two mortar rounds at an Israeli army position near Shebaa."
    (attack,) = _attacks(text, "en")
    assert (attack["actor"], attack["recipient"]) == (["HEZBOLLAH"], ["IDF"])


def test_soldiers_after_that_with_a_plural_verb_of_attack_did_it():
    text = (
        "قال شهود عيان إن جنوداً من قوة بعثة الاتحاد الأفريقي في الصومال (أميصوم) أطلقوا "
        "النار عشوائياً على المارة في مقديشو."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["AUSSOM"], [])
    # after a verb, the accusative fighters are its object
    text = "أقر الجيش الإثيوبي بضربة جوية قائلاً إنها استهدفت مقاتلين من جبهة تحرير شعب تيغراي."
    assert any("TPLF" in a["recipient"] for a in _attacks(text))


def test_a_target_said_to_belong_to_a_party_is_its_but_a_means_belongs_to_who_struck():
    text = "قتل خمسة في غارة بطائرة مسيرة استهدفت خلية تابعة لكتيبة جنين في مخيم جنين."
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["JENIN-BRIGADE"]
    text = "قُتل 23 شخصاً في قصف بالبراميل المتفجرة ألقتها مروحيات تابعة للقوات الحكومية السورية."
    (attack,) = _attacks(text)
    assert attack["recipient"] == []
