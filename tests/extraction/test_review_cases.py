"""Sentences that the rules of the owners of what was hit, short forms, capitals, callers and
force announced, and those of the state whose forces are hit, fire returned and blame named
later, must not misread (each was misread by a first version of them)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.extraction.extract import extract


def _claims(text: str, kind: str, language: str = "en", **kw: Any) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language, **kw)["claims"] if c["type"] == kind]


def _ids(text: str, language: str = "en", **kw: Any) -> dict[str, list[str]]:
    out = extract(text, language=language, **kw)
    return {e["id"]: [text[a:b] for a, b in e["mentions"]] for e in out["entities"]}


def test_force_announced_with_its_act_keeps_one_act_in_its_tense() -> None:
    attacks = _claims("Israel will step up strikes on Gaza, the defence minister said.", "attack")
    assert [(a["actor"], a["modality"]) for a in attacks] == [(["IDF"], "future")]


def test_a_party_to_be_crushed_is_no_attacker() -> None:
    attacks = _claims("Netanyahu said Hamas would be crushed.", "attack")
    assert all(a["actor"] != ["HAMAS"] for a in attacks)


def test_an_attack_told_beside_a_disaster_stays_an_attack() -> None:
    text = "An earthquake shook the north on Monday while Israeli jets struck Gaza, killing five."
    assert [a["attributes"]["means"] for a in _claims(text, "attack")] == ["air"]


def test_a_machine_s_owner_is_the_target_of_its_own_act_only() -> None:
    text = "Russia shot down a drone over Kursk and Ukraine struck a depot in Belgorod."
    assert all("RUS" not in a["recipient"] for a in _claims(text, "attack"))
    text = "The Turkish defence ministry said its jets shot down a Syrian helicopter."
    assert [a["recipient"] for a in _claims(text, "attack")] == [["SYR"]]


def test_datelines_and_captions_in_parentheses_are_no_short_forms() -> None:
    found = _ids("KABUL, Afghanistan (AP) — A bomb killed five people. AP reporters saw it.")
    assert all("AP" not in mentions for mentions in found.values())
    found = _ids("Netanyahu (File) said the report was false. The file shows nothing.")
    assert found["NETANYAHU"] == ["Netanyahu"]
    assert not [k for k in _ids("قال المتحدث (صور) إن الهجوم وقع.", "ar") if ":" in k]


def test_a_title_before_a_verb_and_another_person_stays_the_holder() -> None:
    found = _ids("The US President met Netanyahu at the White House.", published=date(2025, 3, 1))
    assert "TRUMP" in found


def test_men_counted_as_the_subject_s_own_are_its_not_the_speaker_s() -> None:
    text = "The UN said Mali's army lost seven of its soldiers in an ambush near Gao."
    assert [a["recipient"] for a in _claims(text, "attack")] == [["MLI"]]


def test_a_leader_named_with_led_by_is_no_organiser() -> None:
    text = "Thousands protested in Khartoum against the council led by Abdel Fattah al-Burhan."
    assert all(p["actor"] == [] for p in _claims(text, "protest"))


def test_a_description_in_quotes_is_no_group_and_a_place_of_residents_no_speaker() -> None:
    found = _ids("قال الجيش إن «جماعة إرهابية» هاجمت الحاجز.", "ar")
    assert not [k for k in found if k.startswith("GROUP:")]
    found = _ids("Residents of Tehran said they heard explosions.")
    assert "IRN" not in found


def test_armed_men_of_a_group_who_seize_a_town_are_the_group() -> None:
    text = "سيطر مسلحون من «جبهة المقاومة الثورية» على مدينة غونايف بعد هجوم على مركز الشرطة."
    attacks = _claims(text, "attack", "ar")
    assert any(a["actor"] == ["GROUP:جبهة المقاومة الثورية"] for a in attacks)
    assert all("GROUP:جبهة المقاومة الثورية" not in a["recipient"] for a in attacks)


def test_the_union_that_declares_a_strike_is_its_actor() -> None:
    text = "The Lebanese Forces declared a general strike across Beirut on Monday."
    assert [p["actor"] for p in _claims(text, "protest")] == [["LEBANESE-FORCES"]]


def test_a_machine_after_its_preposition_is_the_means_not_what_was_hit() -> None:
    text = "استهدف مقاتلو حزب الله موقعاً إسرائيلياً بطائرة مسيرة قرب الحدود."
    attacks = _claims(text, "attack", "ar")
    assert [a["attributes"]["means"] for a in attacks] == ["drone"]


def test_the_attackers_killed_in_answer_are_the_attacked_side_s_doing() -> None:
    text = (
        "قُتل سبعة جنود تشاديين في هجوم شنّه مسلحو جماعة «بوكو حرام» على موقع للجيش، بحسب "
        "المتحدث باسم الجيش الذي أضاف أن القوات ردّت على الهجوم وقتلت ١٧ من المهاجمين."
    )
    tolls = {c["figures"]["killed"]["best"]: c["actor"] for c in _claims(text, "casualties", "ar")}
    assert tolls == {7: ["BOKO-HARAM"], 17: ["TCD"]}


def test_a_demonym_whose_hamza_folds_to_an_article_takes_the_article() -> None:
    assert "DEU" in _ids("قال الجيش الألماني إن جنوده سيغادرون.", "ar")
    assert "DEU" in _ids("قالت الحكومة الألمانية إنها سترسل مدربين.", "ar")


def test_a_given_name_that_is_also_a_verb_before_a_parliament_is_the_verb() -> None:
    found = _ids("صادق البرلمان الألماني اليوم على إرسال نحو ١٢٠٠ عسكري.", "ar")
    assert not [k for k in found if k.startswith("PERSON:")]
    assert "DEU" in found
    assert "PERSON:صادق المهدي" in _ids("قال صادق المهدي إن الحكومة فشلت.", "ar")


def test_a_denial_with_its_object_pronoun_or_of_an_act_is_a_claim() -> None:
    text = "واتهمت «فجر ليبيا» مصر بشن غارات جوية على مواقعها، وهو ما نفته القاهرة."
    assert [c["actor"] for c in _claims(text, "comment_refusal", "ar")] == [["EGY"]]
    text = "The Houthis denied responsibility for an attack on a tanker in the Gulf of Aden."
    assert [c["actor"] for c in _claims(text, "comment_refusal")] == [["HOUTHIS"]]
    assert _claims(text, "attack") == []


def test_an_act_judged_a_breach_accuses_its_party_and_the_judge_accuses() -> None:
    text = (
        "توغلت قوة إسرائيلية في قرية صيدا الحانوت بريف القنيطرة. ودانت وزارة الخارجية السورية "
        "التوغل، واعتبرته «انتهاكاً صارخاً» لاتفاق فض الاشتباك لعام ١٩٧٤."
    )
    (attack,) = _claims(text, "attack", "ar")
    assert (attack["actor"], attack["recipient"]) == (["IDF"], [])
    (accusation,) = _claims(text, "violation_accusation", "ar")
    assert (accusation["actor"], accusation["recipient"]) == (["IDF"], ["SYR"])


def _parties(text: str, language: str = "en") -> list[tuple[list[str], list[str]]]:
    return [(a["actor"], a["recipient"]) for a in _claims(text, "attack", language)]


def test_soldiers_who_act_are_no_home_state_s_target() -> None:
    # the soldier who fires is the attacker, not one of a nationality wounded
    text = "A Malian soldier opened fire on civilians at a market in Mopti on Sunday."
    assert _parties(text) == [(["MLI"], [])]
    for text in (
        "Soldiers shot dead two men at a checkpoint near Kandahar on Monday, officials said.",
        "Gunmen attacked a village near Tillaberi, killing 37 civilians, before troops arrived.",
        # the place of someone else's past, in a clause of its own
        "The attack, which killed two soldiers, was carried out by a Somali militant who had "
        "trained in Yemen.",
    ):
        assert all(not recipient for _, recipient in _parties(text))


def test_fire_returned_after_the_act_it_answers_keeps_both_acts() -> None:
    text = (
        "The Lebanese army said it had returned fire after Israeli troops fired at its soldiers "
        "near Kfar Kila."
    )
    assert _parties(text) == [(["IDF"], ["LAF"]), (["LAF"], ["IDF"])]
    # the attackers found again by the fallbacks do not return their own fire
    text = (
        "أطلق مسلحون من حزب الله النار على دورية للجيش اللبناني قرب الحدود، وردت الدورية على "
        "مصادر النيران."
    )
    assert _parties(text, "ar") == [(["HEZBOLLAH"], ["LAF"]), (["LAF"], ["HEZBOLLAH"])]


def test_armed_men_of_another_act_or_named_are_not_the_attackers_told_before() -> None:
    text = (
        "Hamas fighters fired rockets at Sderot on Monday. Israeli forces killed three militants "
        "in a separate raid in Jenin."
    )
    assert all("HAMAS" not in r for _, r in _parties(text)[1:])
    text = (
        "ISIS fighters attacked a checkpoint near Tikrit. Meanwhile in Syria, Turkish drones "
        "killed four Kurdish fighters near Qamishli."
    )
    assert all("ISIS" not in r for _, r in _parties(text)[1:])


def test_an_army_telling_of_its_own_men_killed_tells_no_strike_of_its_own() -> None:
    text = "قال الجيش الصومالي إن هجوماً انتحارياً قتل خمسة جنود وثلاثة من المهاجمين."
    assert all("SOM" not in a for a, _ in _parties(text, "ar"))
    text = "The Nigerian army said an ambush on a convoy near Damboa killed 10 soldiers."
    assert all("NGA" not in a for a, _ in _parties(text))


def test_an_armed_group_closing_the_sentence_may_claim_the_act() -> None:
    text = (
        "A suicide bomber attacked a military base in Mogadishu on Monday, killing six soldiers, "
        "al-Shabaab said in a statement."
    )
    assert [a for a, _ in _parties(text)] == [["AL-SHABAAB"]]


def test_blame_named_later_needs_an_act_and_is_no_target() -> None:
    # blamed for negligence, not for the act
    text = (
        "قتل جنديان في هجوم على حاجز عسكري في ريف إدلب. واتهم ناشطون معارضون الحكومة السورية "
        "بالتقصير في حماية المنطقة."
    )
    tolls = _claims(text, "casualties", "ar")
    assert all("SYR" not in t["actor"] for t in tolls)
    text = (
        "قتل ٣٠ قروياً في هجوم على قرية في ولاية بورنو. ونسبت الحكومة النيجيرية الهجوم إلى جماعة "
        "بوكو حرام."
    )
    assert _parties(text, "ar") == [(["BOKO-HARAM"], [])]
    # "similar" in a clause of its own does not unsay the blame
    text = (
        "قتل خمسة أشخاص في تفجير في مقديشو. واتهمت الحكومة الصومالية حركة الشباب بالهجوم، وطالبت "
        "بإجراءات مماثلة لتلك المتخذة في كينيا."
    )
    assert [a for a, _ in _parties(text, "ar")] == [["AL-SHABAAB"]]


def test_an_army_s_kind_is_not_an_unknown_owner_and_a_pope_s_adverb_no_name() -> None:
    text = "قتل عشرة مسلحين في الصومال أمس. وقصف الجيش الوطني مواقع لحركة الشباب قرب كيسمايو."
    assert any(a for a, _ in _parties(text, "ar"))
    assert "PERSON:بشدة" not in _ids("أدان البابا بشدة الهجوم على الكنيسة في بوركينا فاسو.", "ar")


# The review of the fifteenth held-out set's rules (aimed and owned, killers, totals, fire,
# road blocks, numbers): each passage misread by a first version of those rules.
def _brief(text: str, language: str) -> list[tuple[str, str | None, list[str], list[str]]]:
    out = extract(text, language=language, published=date(2024, 5, 1))
    return [
        (
            c["type"],
            (c.get("attributes") or {}).get("means") or (c.get("attributes") or {}).get("period"),
            c["actor"],
            c["recipient"],
        )
        for c in out["claims"]
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Kenyan and Somali troops exchanged fire with al-Shabaab militants near Dhobley.",
            [("attack", "gunfire", ["SOM"], ["AL-SHABAAB"])],
        ),
        (
            "en",
            "The army, which has besieged the city since March, killed 12 civilians in shelling "
            "on Tuesday.",
            [("attack", "artillery", [], []), ("casualties", None, [], [])],
        ),
        (
            "ar",
            "استهدف هجوم لحركة الشباب قاعدة عسكرية في شبيلي السفلى.",
            [("attack", "other", ["AL-SHABAAB"], ["SOM"])],
        ),
        ("en", "Residents said soldiers blocked the road to the hospital for hours.", []),
        ("en", "A landslide blocked the main road, residents said.", []),
        ("en", "Rebels seized three villages, sending hundreds of women and children fleeing.", []),
        ("en", "Critics attacked the plan, saying it would not protect civilians.", []),
        (
            "en",
            "A Sudanese campaign group said at least 150 people were killed in El Fasher.",
            [("casualties", None, [], [])],
        ),
        (
            "ar",
            "قال الصحفي إنه استهدف من قبل القوات الإسرائيلية أثناء تغطيته في جنين.",
            [("attack", "other", ["IDF"], [])],
        ),
        (
            "ar",
            "قصفت الطائرات الروسية معسكرات عسكرية للمعارضة في إدلب.",
            [("attack", "air", ["RUS"], [])],
        ),
        (
            "en",
            "Hundreds protested outside parliament against the sacking of army chief Valery "
            "Zaluzhny.",
            [("protest", None, [], [])],
        ),
        (
            "ar",
            "قصفت المدفعية الإسرائيلية بلدة الخيام فاشتعلت النيران في عدد من المنازل.",
            [("attack", "artillery", ["IDF"], [])],
        ),
        (
            "en",
            "Militants ambushed a convoy after the troops left their base, killing 10 Pakistani "
            "soldiers.",
            [("attack", "other", [], ["PAK"]), ("casualties", None, [], [])],
        ),
    ],
)
def test_misreads_of_the_first_version_of_the_fifteenth_set_s_rules(
    language: str, text: str, expected: list[tuple[str, str | None, list[str], list[str]]]
) -> None:
    assert _brief(text, language) == expected


@pytest.mark.parametrize(
    ("text", "figure", "best"),
    [
        ("In Mogadishu, 20, mostly civilians, were killed when a car bomb exploded.", "killed", 20),
        ("أرسلت إثيوبيا كتيبة 800 جندي إلى الصومال.", "troops", 800),
        ("أرسلت تركيا الاثنين ألف جندي إضافي إلى شمال سوريا.", "troops", 1000),
    ],
)
def test_counts_that_look_like_ages_or_unit_numbers_stay_counts(
    text: str, figure: str, best: int
) -> None:
    language = "en" if text.isascii() else "ar"
    out = extract(text, language=language, published=date(2024, 5, 1))
    found = [c["figures"][figure]["best"] for c in out["claims"] if figure in c["figures"]]
    assert found == [best]


def test_the_means_of_a_shelling_is_not_read_across_a_comma() -> None:
    claims = _brief("بعد ساعات من مسيرة حاشدة في المدينة، قصفت قوات النظام حي الوعر.", "ar")
    assert [c[1] for c in claims if c[0] == "attack"] == ["other"]


def test_the_posts_of_another_act_of_the_sentence_give_no_state() -> None:
    claims = _brief(
        "A drone strike killed two civilians at a market in Kidal, while gunmen attacked an army "
        "base in Niger's Tillaberi region.",
        "en",
    )
    assert claims[0][:2] == ("attack", "drone")
    assert claims[0][3] == []


# Misreads found by the review of the rules of 7 December 2026 (evening), each with its
# near-miss that still holds.


def _en(text: str) -> list[dict[str, Any]]:
    return extract(text, language="en")["claims"]


def _ar(text: str) -> list[dict[str, Any]]:
    return extract(text, language="ar")["claims"]


def test_patients_treated_for_illness_are_no_wounded() -> None:
    assert _en("MSF said it treated 45 patients for malaria in the camp last week.") == []
    (toll,) = _en("The Red Cross said it had treated 45 people for tear gas inhalation.")
    assert toll["figures"]["injured"]["best"] == 45


def test_pursuing_a_political_solution_is_no_force() -> None:
    text = "The Sudanese army said it would pursue a political solution alongside operations."
    assert [c for c in _en(text) if c["type"] == "attack"] == []


def test_a_relative_clause_of_condemnation_beside_the_condemning_verb_adds_nothing() -> None:
    text = "ندد رئيس الحكومة بالتفجير الذي وصفه بـ«الجبان» واستهدف حاجزاً للجيش في عرسال."
    assert [c for c in _ar(text) if c["type"] == "statement" and c["actor"] == ["LAF"]] == []


def test_condolences_offered_are_no_contribution() -> None:
    text = "The Lebanese president offered condolences to the families of the victims."
    assert [c for c in _en(text) if c["type"] == "contribution"] == []


def test_forces_ready_to_strike_are_hypothetical() -> None:
    (attack,) = _en("The RSF commander said his forces were ready to strike El Fasher.")
    assert (attack["actor"], attack["modality"]) == (["RSF"], "hypothetical")


def test_a_general_strike_said_to_begin_indefinite() -> None:
    (strike,) = _ar("وأعلنت النقابة أن إضراباً عاماً سيبدأ الأسبوع المقبل.")
    assert strike["modality"] == "future"


def test_the_speaker_s_fire_at_men_who_attacked_is_the_speaker_s() -> None:
    text = "Somali forces said they fired at al-Shabaab fighters who attacked a base near Afgoye."
    attacks = [c for c in _en(text) if c["type"] == "attack"]
    assert ["SOM"] in [c["actor"] for c in attacks]
    text = "NATO acknowledged on Sunday that one of its air strikes had hit a house in Tripoli."
    (attack,) = [c for c in _en(text) if c["type"] == "attack"]
    assert attack["actor"] == ["NATO"]
