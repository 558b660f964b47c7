"""Assaults, protests, targets and modality (issue 15): the cases the rules were built for."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.extraction.extract import extract
from marsad.extraction.morphology import imperfect, past, verb


def claims(text: str, kind: str | None = None) -> list[dict[str, Any]]:
    found = extract(text, published=date(2025, 11, 20))["claims"]
    return [c for c in found if kind is None or c["type"] == kind]


def test_verbs_are_inflected_by_rule() -> None:
    assert {"هاجموا", "هاجمت", "هاجما", "هاجمه"} <= set(past("هاجم"))
    assert {"يستهدفون", "تستهدف", "يستهدفان"} <= set(imperfect("ستهدف"))
    forms = verb("اغتال", "غتال", "اغتيل")
    assert {"اغتالوا", "يغتال", "اغتيل", "اغتيلت"} <= set(forms)
    assert "فجر" not in verb("فجر", "فجر", skip=("فجر",))  # "dawn"


def test_inflected_triggers_and_victims_without_a_numeral() -> None:
    attack = claims("هاجموا موقعاً للجيش الإسرائيلي شرق رفح", "attack")[0]
    assert attack["attributes"]["means"] == "other"
    assert attack["actor"] == []
    assert attack["recipient"] == ["IDF"]
    toll = claims("قتل شخص وأصيب جنديين في قصف على رفح.", "casualties")[0]
    assert toll["figures"]["killed"]["best"] == 1
    assert toll["figures"]["injured"]["best"] == 2
    toll = claims("A man was shot dead and five others were wounded in Rafah.", "casualties")[0]
    assert (toll["figures"]["killed"]["best"], toll["figures"]["injured"]["best"]) == (1, 5)


def test_explosives_and_abductions_are_means_of_their_own() -> None:
    bomb = claims("قتل 35 شخصاً في تفجير سيارة مفخخة في سوق شعبية.", "attack")
    assert [c["attributes"]["means"] for c in bomb] == ["explosive"]
    assert claims("A roadside bomb hit a patrol near Rafah.", "attack")[0]["attributes"] == {
        "means": "explosive"
    }
    kidnap = claims("Gunmen kidnapped two Italian engineers near Rafah.", "attack")[0]
    assert kidnap["attributes"]["means"] == "abduction"
    assert kidnap["actor"] == []
    assert kidnap["recipient"] == ["ITA"]
    # a drone that carries explosives is a drone strike, an air strike by a drone one too
    assert [
        c["attributes"]["means"] for c in claims("قصفت طائرة مسيرة مفخخة منزلاً في رفح.", "attack")
    ] == ["drone"]


def test_the_target_of_an_attack_is_filled() -> None:
    shells = claims("Algeria fired two artillery shells at Morocco.", "attack")[0]
    assert shells["actor"] == ["DZA"]
    assert shells["recipient"] == ["MAR"]
    assert shells["target"] == "MAR"
    passive = claims("Hamas was attacked by Israel in Rafah.", "attack")[0]
    assert passive["actor"] == ["IDF"]
    assert passive["recipient"] == ["HAMAS"]
    toll = claims("Two Moroccan soldiers were killed by Algerian fire.", "casualties")[0]
    assert toll["actor"] == ["DZA"]  # the victims' nationality is not the perpetrator


def test_no_default_perpetrator() -> None:
    found = claims("Germany expressed concern over the demolition of homes in Rafah.", "attack")
    assert found
    assert found[0]["actor"] == []
    strikes = claims("استشهد ثلاثة مواطنين في غارة على خان يونس. وأصيب طفل في قصف على رفح.")
    assert all(c["actor"] == [] for c in strikes)


def test_refusals_forecasts_and_negations() -> None:
    refused = claims("Italy refused to send troops to the force.", "contribution")
    assert refused
    assert all(c["modality"] == "negated" for c in refused)
    refused = claims("رفضت إيطاليا إرسال قوات إلى غزة.", "contribution")
    assert refused
    assert all(c["modality"] == "negated" for c in refused)
    forecast = claims("رجحت واشنطن توجيه ضربات إلى قطر.", "attack")[0]
    assert forecast["modality"] == "hypothetical"
    assert forecast["recipient"] == ["QAT"]
    assert (
        claims("Israel plans to expand its ground operation in Rafah.", "attack")[0]["modality"]
        == "future"
    )
    assert claims("لم يستهدف القصف المدرسة ولا على دبابات الجيش.", "attack") == []
    assert claims("Germany refused to join air strikes on Qatar.", "attack") == []


def test_background_totals_carry_a_period() -> None:
    total = claims(
        "Since the war began, 5,000 people have been killed in Rafah, the ministry said.",
        "casualties",
    )[0]
    assert total["attributes"]["period"] == "other"


def test_protests_by_form() -> None:
    def forms(text: str) -> list[str]:
        return [c["attributes"]["form"] for c in claims(text, "protest")]

    assert forms("خرج آلاف المتظاهرين إلى شوارع رفح مطالبين برحيل الحكومة.") == ["demonstration"]
    assert forms("Protesters stormed and set fire to the Italian embassy in Cairo.") == ["riot"]
    assert forms("نفذ موظفو القطاع العام إضراباً مفتوحاً عن العمل.") == ["strike"]
    assert forms("نظم أهالي الأسرى اعتصاماً أمام مقر الصليب الأحمر.") == ["sit_in"]
    # "in protest at" gives the reason for another act
    assert forms("Ministers walked out of the cabinet in protest at the decision.") == []
    embassy = claims("Protesters stormed and set fire to the Italian embassy in Cairo.", "protest")
    assert embassy[0]["recipient"] == ["ITA"]
    assert claims("Protesters stormed the Italian embassy in Cairo.", "attack") == []


def test_whoever_called_or_declared_a_protest_is_its_actor() -> None:
    def actors(text: str) -> list[list[str]]:
        return [c["actor"] for c in claims(text, "protest")]

    text = "عمّ الإضراب الشامل مدن الضفة الغربية استجابة لدعوة القوى الوطنية والإسلامية."
    assert actors(text) == [["PS-NATIONAL-ISLAMIC-FORCES"]]
    text = "أعلنت نقابة الأطباء في جنوب السودان إضراباً مفتوحاً في المستشفيات الحكومية."
    assert actors(text) == [["BODY:نقابة الأطباء"]]
    text = "Thousands marched in Khartoum, called by the Sudanese Professionals Association."
    assert actors(text) == [["SPA-SUDAN"]]


def test_the_one_a_demand_is_made_of_is_the_protest_s_recipient() -> None:
    def recipients(text: str) -> list[list[str]]:
        return [c["recipient"] for c in claims(text, "protest")]

    text = "خرج عشرات الآلاف في مسيرات في الخرطوم، مطالبين المجلس العسكري الانتقالي بتسليم السلطة."
    assert recipients(text) == [["BODY:المجلس العسكري الانتقالي"]]
    # the demand of a departure goes first
    text = (
        "بدأ آلاف المحتجين اعتصاماً في الخرطوم، مطالبين الجيش بالانحياز إلى الشارع وبتنحي "
        "الرئيس عمر البشير."
    )
    assert recipients(text) == [["BASHIR"]]


def test_describing_an_act_in_words_of_outrage_condemns_it_and_tells_no_new_act() -> None:
    text = "ووصف الأمين العام للأمم المتحدة بان كي مون القصف بأنه «مشين ولا يمكن تبريره»."
    assert [(c["actor"], c["attributes"]["stance"]) for c in claims(text, "statement")] == [
        (["BAN-KI-MOON"], "condemn")
    ]
    assert claims(text, "attack") == []
    text = "Human Rights Watch called the killing an extrajudicial execution."
    assert [c["actor"] for c in claims(text, "statement")] == [["HRW"]]
    # institutions are no founding members: a call to keep them is no invitation
    text = "ودعا السفير السعودي محمد آل جابر جميع الأطراف إلى الحفاظ على مؤسسات الدولة."
    assert claims(text, "invitation") == []


def test_a_march_told_apart_from_a_strike_is_a_protest_of_its_own() -> None:
    text = (
        "تظاهر آلاف الفلسطينيين في نابلس مطالبين برحيل الحكومة، فيما أضرب سائقو سيارات الأجرة "
        "وأغلقوا الطرق."
    )
    assert sorted(c["attributes"]["form"] for c in claims(text, "protest")) == [
        "demonstration",
        "strike",
    ]
    # a general strike with its marches is one act, the strike
    text = "شل الإضراب العام المدينة وخرجت مسيرات تؤيده."
    assert [c["attributes"]["form"] for c in claims(text, "protest")] == ["strike"]


def test_force_taken_or_threatened_is_an_attack() -> None:
    def means(text: str) -> list[str]:
        return [c["attributes"]["means"] for c in claims(text, "attack")]

    # taking a town or a base by force; "control" of an area is no act
    assert means("سيطر مسلحو تنظيم الدولة الإسلامية على مدينة الموصل بعد انسحاب الجيش.") == [
        "other"
    ]
    assert means("The Rapid Support Forces captured the city of El Fasher after a siege.") == [
        "other"
    ]
    assert means("يعيش آلاف النازحين في المدينة الخاضعة لسيطرة الحوثيين.") == []
    # hostages, crews and ships held by force
    assert means("احتجز مسلحون عشرات الرهائن الأجانب في منشأة الغاز.") == ["abduction"]
    assert means("Houthi forces seized a ship in the Red Sea and took its crew.") == ["abduction"]
    # an abduction told beside an attack with its own verb is an act of its own
    assert means(
        "قال منسق الأمم المتحدة إن ميليشيات الجنجويد هاجمت بلدة طويلة فقتلت أكثر من ٧٥ شخصاً "
        "وخطفت نحو ١٥٠ امرأة."
    ) == ["other", "abduction"]
    assert means("A NATO air strike on two hijacked fuel tankers near Kunduz.") == ["air"]
    # truck bombs are bombings, not air strikes
    assert means("Truck bombs outside two ministries in Baghdad killed about 100 people.") == [
        "explosive"
    ]


def test_who_threatens_force_is_its_perpetrator() -> None:
    (attack,) = claims(
        "لوّح الرئيس المصري عبد الفتاح السيسي بتدخل عسكري مباشر في ليبيا إذا تقدمت القوات نحو سرت.",
        "attack",
    )
    assert attack["modality"] == "hypothetical"
    assert attack["actor"] == ["EGY"]


def test_the_speaker_is_not_among_the_harmed() -> None:
    (attack,) = claims(
        "A homemade bomb brought down the Russian airliner, killing all 224 people on board, "
        "Russia's security chief Alexander Bortnikov said.",
        "attack",
    )
    assert all(not r.startswith("PERSON") for r in attack["recipient"])


def test_troops_arriving_to_join_a_force_of_another_setting_are_a_contribution() -> None:
    (given,) = claims(
        "The first 400 Kenyan police officers arrived in Port-au-Prince to lead the "
        "Multinational Security Support mission.",
        "contribution",
    )
    assert given["actor"] == ["KEN"]
    # a town of another setting is no reason to give the contribution to Gaza
    (deployed,) = claims(
        "South African President Cyril Ramaphosa authorised the deployment of 1,495 soldiers "
        "to Mozambique.",
        "contribution",
    )
    assert deployed["actor"] == ["ZAF"]
    assert deployed["target"] != "PS02"


def test_a_warning_is_a_concern_and_hedges_what_it_warns_of() -> None:
    found = claims(
        "The UN warned that 14 million people could face famine if fighting around Hodeidah "
        "continues."
    )
    assert [(c["type"], c["attributes"].get("stance")) for c in found] == [("statement", "concern")]
    # "would" alone is a forecast (future); the warning makes it hypothetical
    (attack,) = claims("The army warned that Hamas would attack Israeli positions.", "attack")
    assert attack["modality"] == "hypothetical"


def test_asking_a_party_to_act_is_a_call_and_being_asked_is_not() -> None:
    (call,) = claims(
        "Mali's foreign minister asked the UN Security Council to withdraw the MINUSMA "
        "peacekeeping mission without delay.",
        "statement",
    )
    assert call["attributes"]["stance"] == "call"
    assert call["recipient"] == ["UNSC"]
    assert claims("The force would not be asked to fight Hamas, Rubio said.", "statement") == []


def test_a_march_is_a_protest_and_no_drone() -> None:
    found = claims("قُتل خمسة أشخاص برصاص قناصة خلال مسيرة طلابية ضد نقص الخبز.")
    assert ("protest", "demonstration") in [(c["type"], c["attributes"].get("form")) for c in found]
    assert all(c["attributes"].get("means") != "drone" for c in found if c["type"] == "attack")


def test_a_verb_in_the_future_before_the_act_makes_it_future() -> None:
    (attack,) = claims(
        "قال مسؤول حوثي إن الجماعة ستوسع هجماتها لتشمل السفن المتجهة إلى البحر المتوسط.",
        "attack",
    )
    assert attack["modality"] == "future"
    # "سيارة" opens with سي and is a car, not a future
    (bomb,) = claims("انفجرت سيارة مفخخة في سوق ببغداد.", "attack")
    assert bomb["modality"] == "asserted"


def test_seas_rivers_bases_and_persons_of_the_region_are_known() -> None:
    from marsad.extraction.extract import extract

    def ids(text: str) -> list[str]:
        return [e["id"] for e in extract(text)["entities"]]

    assert "WATER-RED-SEA" in ids("استهدف الحوثيون سفينة في البحر الأحمر.")
    assert "BASE-AIN-AL-ASAD" in ids("Rockets struck the Ain al-Asad air base in Anbar.")
    assert "SISTANI" in ids("دعا آية الله علي السيستاني إلى الهدوء.")
    assert "PEDERSEN" in ids("UN envoy Geir Pedersen arrived in Damascus.")


def test_a_call_for_a_protest_is_a_protest_to_come_by_the_caller():
    text = "دعت اللجنة الشعبية لمقاومة الجدار في نعلين إلى مسيرة غضب عقب صلاة الجمعة المقبلة."
    claims = extract(text, language="ar")["claims"]
    assert [(c["type"], c["modality"]) for c in claims] == [("protest", "future")]
    assert claims[0]["actor"] == ["BODY:اللجنة الشعبية"]
    text = "The opposition called for a general strike on Monday."
    (claim,) = extract(text, language="en")["claims"]
    assert (claim["type"], claim["attributes"]["form"], claim["modality"]) == (
        "protest",
        "strike",
        "future",
    )


def test_a_single_bullet_is_gunfire():
    text = "استشهد طفل برصاصة في الرأس أطلقها جندي إسرائيلي في قرية نعلين."
    attacks = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    assert [(a["attributes"]["means"], a["actor"]) for a in attacks] == [("gunfire", ["IDF"])]


def test_a_march_is_no_drone_and_addresses_the_mission_it_wants_gone():
    text = "خرج آلاف الأردنيين في مسيرة جابت شوارع عمان."
    claims = extract(text, language="ar")["claims"]
    assert [c["type"] for c in claims] == ["protest"]
    text = "تظاهر مئات في بانغي للمطالبة برحيل بعثة مينوسكا."
    (claim,) = extract(text, language="ar")["claims"]
    assert claim["recipient"] == ["MINUSCA"]
    # the drone of a strike stays one
    text = "استهدفت مسيرة إسرائيلية سيارة في النبطية."
    (claim,) = extract(text, language="ar")["claims"]
    assert claim["attributes"]["means"] == "drone"


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("A clearly marked US diplomatic convoy came under fire in Khartoum on Monday.", "gunfire"),
        (
            "A depositor held staff and customers hostage for seven hours in a Beirut bank.",
            "abduction",
        ),
        ("Two French journalists were seized by gunmen outside a house in Kidal.", "abduction"),
        ("The rebels were holding 19 soldiers and policemen captive, the army said.", "abduction"),
        (
            "Gaddafi's forces fired cluster munitions into residential areas of Misrata.",
            "artillery",
        ),
    ],
)
def test_acts_told_without_a_verb_of_attack(text: str, means: str) -> None:
    (attack,) = claims(text, "attack")
    assert attack["attributes"]["means"] == means
