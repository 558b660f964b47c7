"""References to a party named before (discourse.py): "the group", "the mission", the forces
of "the group", in Arabic and English."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str, kind: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == kind]


def _mentions(text: str, entity: str, language: str = "ar") -> int:
    found = {e["id"]: e for e in extract(text, language=language)["entities"]}
    return len(found[entity]["mentions"]) if entity in found else 0


def test_the_mission_is_the_international_mission_named_before():
    text = (
        "قتل جنديان هنديان من بعثة الأمم المتحدة في جنوب السودان عندما هاجم نحو ألفي شاب مسلح "
        "قاعدة البعثة في أكوبو."
    )
    assert _mentions(text, "UNMISS") == 2
    text = (
        "UNMISS said two Indian peacekeepers were killed. Gunmen attacked the mission's base "
        "in Akobo, the mission said."
    )
    assert _mentions(text, "UNMISS", "en") == 3


def test_the_mission_never_stands_for_a_state_s_own_army():
    # the Lebanese army is a force of a state: "the mission" cannot point back to it
    text = "انتشر الجيش اللبناني في الجنوب. وقال رئيس البعثة إن الوضع هادئ."
    assert _mentions(text, "LAF") == 1


def test_the_forces_of_the_group_are_the_group_s():
    text = (
        "أعلن المتحدث العسكري باسم جماعة الحوثي يحيى سريع أن قوات الجماعة استهدفت سفينة "
        "الشحن البريطانية روبيمار في خليج عدن بعدد من الصواريخ البحرية."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["HOUTHIS"]
    assert attack["recipient"] == ["GBR"]


def test_the_group_in_english_is_the_armed_group_named_before():
    text = (
        "Al Shabaab fighters stormed the African Union's main base at Mogadishu airport on "
        "Thursday. The group said it had targeted a party of invaders."
    )
    assert _mentions(text, "AL-SHABAAB", "en") == 2
    # a group of people is no armed group, even after one was named
    text = "A group of protesters gathered outside the embassy in Beirut."
    assert all(e["kind"] != "armed_group" for e in extract(text, language="en")["entities"])
    text = (
        "Hamas said it would respond to the raid. The group of protesters gathered outside the "
        "embassy in Beirut."
    )
    assert _mentions(text, "HAMAS", "en") == 1


def test_the_army_is_the_state_s_army_named_before():
    text = (
        "قالت منظمة أطباء بلا حدود إن طائرة يستخدمها الجيش السوداني ألقت قنابل على مستشفاها. "
        "ونفى المتحدث باسم الجيش العقيد الصوارمي خالد سعد أن تكون قواته قصفت أي منشأة مدنية."
    )
    (denial,) = _claims(text, "comment_refusal")
    assert denial["actor"] == ["SAF"]
    # a police force or a command abroad is no army
    text = "انتشرت شرطة كوسوفو في الشمال. وقال الجيش إن الوضع هادئ."
    assert _mentions(text, "XKX-POLICE") == 1


def test_the_coalition_is_the_coalition_named_before():
    text = (
        "Saudi-led coalition air strikes hit a detention centre in Dhamar on Sunday, the ICRC "
        "said. The coalition said it had struck a site used to store drones."
    )
    assert _mentions(text, "SAUDI-COALITION", "en") == 2


def test_a_party_referred_back_to_is_not_guessed_as_the_attacker():
    # "the military said" is the army speaking: no perpetrator is guessed from it
    text = (
        "A Palestinian driver rammed his car into a group of Israeli soldiers near Jenin on "
        "Friday, killing two, the military said."
    )
    attacks = _claims(text, "attack", "en")
    assert [a["actor"] for a in attacks] == [[]]


def test_government_forces_are_the_forces_of_the_state_the_text_is_about():
    # the town lies in Somalia: the government whose forces fought is Somalia's
    text = (
        "سيطر مقاتلو حركة الشباب على بلدة عدن يابال في إقليم شبيلي الوسطى بعد معارك مع القوات "
        "الحكومية."
    )
    (attack,) = _claims(text, "attack")
    assert (attack["actor"], attack["recipient"]) == (["AL-SHABAAB"], ["SOM"])
    text = (
        "A member of Syria's security forces was killed on Monday in clashes between government "
        "troops and fighters of the Kurdish-led SDF in Aleppo."
    )
    assert _mentions(text, "SYR", "en") == 2


def test_government_aircraft_are_the_state_s_and_a_place_before_them_leaves_them_a_party():
    text = "Government warplanes struck the town of Kafranbel in Syria, killing 13 people."
    assert [a["actor"] for a in _claims(text, "attack", "en")] == [["SYR"]]
    text = "قصفت طائرات النظام بلدة كفرنبل في ريف إدلب السوري ما أدى إلى مقتل 13 شخصاً."
    assert [a["actor"] for a in _claims(text, "attack")] == [["SYR"]]
    # "In Sudan, government troops": the state is named as a place, its troops as the party
    text = "In Sudan, government troops attacked the village of Tawila, killing 20 people."
    assert [a["actor"] for a in _claims(text, "attack", "en")] == [["SDN"]]


def test_a_ceasefire_agreement_is_gaza_s_only_in_a_text_about_gaza():
    text = (
        "South Sudan's army and rebels loyal to Riek Machar accused each other on Sunday of "
        "violating a ceasefire agreement signed in Addis Ababa."
    )
    out = extract(text, language="en")
    assert "GAZA-CEASEFIRE" not in {e["id"] for e in out["entities"]}
    assert all(c["target"] != "GAZA-CEASEFIRE" for c in out["claims"])
    # South Sudan's army is no Sudan's army
    assert "SAF" not in {e["id"] for e in out["entities"]}
    text = "Israel and Hamas accused each other of violating the ceasefire agreement."
    accusations = extract(text, language="en")["claims"]
    assert [a["target"] for a in accusations] == ["GAZA-CEASEFIRE"] * 2
    text = "اتهمت حماس إسرائيل بخرق اتفاق وقف إطلاق النار في رفح."
    assert _claims(text, "violation_accusation")[0]["target"] == "GAZA-CEASEFIRE"


def test_the_government_that_accuses_is_the_state_of_the_text():
    text = (
        "قتل جنديان من القوات الحكومية في هجوم بطائرة مسيرة على موقع عسكري في جبهة مأرب، "
        "واتهمت الحكومة الحوثيين بخرق التهدئة."
    )
    (accusation,) = _claims(text, "violation_accusation")
    assert (accusation["actor"], accusation["recipient"]) == (["HOUTHIS"], ["YEM"])
    text = (
        "Two government soldiers were killed in a Houthi drone attack on the Marib front, and "
        "the government accused the Houthis of violating the truce."
    )
    (accusation,) = _claims(text, "violation_accusation", "en")
    assert (accusation["actor"], accusation["recipient"]) == (["HOUTHIS"], ["YEM"])


def test_the_government_named_with_its_state_is_not_read_twice():
    # "الحكومة اليمنية" names Yemen once; the reference would shift the accused after it
    text = "اتهمت الحكومة اليمنية الحوثيين بخرق الهدنة في تعز."
    (accusation,) = _claims(text, "violation_accusation")
    assert accusation["actor"] == ["HOUTHIS"]
    assert _mentions(text, "YEM") == 1
    # "the government of Mali" names Mali itself, and "government-held" is no party
    assert _mentions("The government of Mali said the government-held town fell.", "MLI", "en") == 1


def test_the_un_named_with_its_mission_is_the_mission():
    text = (
        "Protesters hurled stones at the headquarters of the UN peacekeeping mission MONUC in "
        "Goma on Monday."
    )
    (protest,) = _claims(text, "protest", "en")
    assert protest["recipient"] == ["MONUC"]
    text = (
        "أضرم محتجون غاضبون النار في أجزاء من قاعدة لبعثة الأمم المتحدة لتحقيق الاستقرار في "
        "الكونغو الديمقراطية (مونوسكو) في مدينة بيني."
    )
    assert _mentions(text, "MONUSCO") == 2
    assert _mentions(text, "UN") == 0


def test_the_un_that_speaks_of_its_mission_stays_the_un():
    text = "The UN said MONUSCO troops had fired on the protesters in Goma."
    assert _mentions(text, "UN", "en") == 1


def test_the_army_of_a_text_that_names_no_army_is_its_state_s():
    text = (
        "قُتل 22 شخصاً في غارة جوية استهدفت حي دار السلام في مدينة أم درمان غربي العاصمة "
        "السودانية صباح اليوم. واتهمت قوات الدعم السريع الجيش بتنفيذ الغارة."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["SAF"]
    # "حي دار السلام" is a quarter of Omdurman, not Tanzania's city
    assert "TZA" not in {e["id"] for e in extract(text, language="ar")["entities"]}
    text = "The army accused the RSF of violating the truce by attacking positions in Sudan."
    (accusation,) = _claims(text, "violation_accusation", "en")
    assert accusation["recipient"][0] == "SAF"  # and Sudan, whose army accuses


def test_an_army_named_by_its_nisba_or_a_uniform_is_no_reference():
    text = "قتل مدنيان في أفغانستان، وأقر الجيش الأمريكي بتنفيذ غارة في محيط المستشفى."
    assert _mentions(text, "AFG") == 1
    text = "هاجم مسلحون يرتدون زي الجيش مبنى البنك المركزي العراقي في بغداد."
    assert _mentions(text, "IRQ-ARMY") == 0


def test_a_bare_health_ministry_is_gaza_s_only_in_a_text_about_gaza():
    text = "قُتل 22 شخصاً في أم درمان بالسودان، بحسب وزارة الصحة."
    assert _mentions(text, "GAZA-MOH") == 0
    assert _mentions(text, "BODY:وزارة الصحة") == 1  # a ministry of its own
    assert _mentions("قُتل 31 مدنياً قرب بلدة سونغو وسط مالي اليوم.", "MLI") == 1
    text = "قُتل 22 شخصاً في غارة على مدينة غزة، بحسب وزارة الصحة."
    assert _mentions(text, "GAZA-MOH") == 1


def test_the_militia_is_the_militia_named_before_with_its_noun() -> None:
    text = (
        "قُتل ٦٠ نازحاً في هجوم شنّه مسلحون من ميليشيا «كوديكو» على مخيم للنازحين في إيتوري. "
        "ونفى متحدث باسم الميليشيا أي علاقة لها بالهجوم."
    )
    assert [c["actor"] for c in _claims(text, "comment_refusal")] == [["CODECO"]]


def test_no_comment_from_the_organisation_is_the_organisation_s() -> None:
    text = (
        "اغتال مسلحان ضابطاً في جهاز الأمن السياسي في مدينة زنجبار. واتهم المصدر عناصر تنظيم "
        "القاعدة بتنفيذ العملية. ولم يصدر أي تعليق عن التنظيم."
    )
    assert [c["actor"] for c in _claims(text, "comment_refusal")] == [["AL-QAEDA"]]
