"""Whom an attack is aimed at and who speaks to whom (roles.py, rules_speech.py), on Arabic
sentences of the kinds news writes."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language="ar")["claims"] if c["type"] == kind]


def test_the_victims_named_with_the_toll_are_the_target_not_the_perpetrator():
    text = (
        "قُتل ثلاثة جنود بورونديين من بعثة مينوسكا وأصيب اثنان آخران عندما هاجم مسلحون "
        "موقعهم في بلدة ديكوا وسط جمهورية أفريقيا الوسطى أمس."
    )
    (attack,) = _claims(text, "attack")
    assert "MINUSCA" in attack["recipient"]
    assert "MINUSCA" not in attack["actor"]


def test_positions_of_the_rebels_name_the_rebels_as_the_target():
    text = "قصفت القوات الحكومية اليمنية بالمدفعية مواقع للمتمردين الحوثيين في محافظة صعدة."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["YEM"]
    assert attack["recipient"] == ["HOUTHIS"]


def test_a_second_verb_joined_by_and_keeps_the_speaker_and_calls_on_the_party_after_it():
    text = (
        "أعرب مدير الوكالة الدولية للطاقة الذرية محمد البرادعي عن قلقه من توسيع إيران منشأة "
        "التخصيب في نطنز، ودعا طهران إلى التعاون الكامل مع مفتشي الوكالة."
    )
    calls = [c for c in _claims(text, "statement") if c["attributes"]["stance"] == "call"]
    assert [(c["actor"], c["recipient"]) for c in calls] == [(["PERSON:محمد البرادعي"], ["IRN"])]


def test_a_joined_verb_of_expressing_keeps_the_titled_speaker_of_the_first_verb():
    text = (
        "دعا المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ، خلال زيارته عدن، إلى حوار يقوده "
        "اليمنيون أنفسهم، وأعرب عن قلقه من تجدد المعارك في مأرب."
    )
    stances = {c["attributes"]["stance"]: c["actor"] for c in _claims(text, "statement")}
    assert stances["concern"] == stances["call"]
    assert stances["concern"] != ["YEM"]


def test_a_stance_after_a_participle_of_saying_is_the_main_speaker_s():
    text = (
        "قال الرئيس الكيني وليام روتو في نيروبي إن بلاده سترسل مئتي شرطي إلى هايتي، مضيفاً أنه "
        "يؤيد تحويل البعثة إلى بعثة أممية."
    )
    supports = [c for c in _claims(text, "statement") if c["attributes"]["stance"] == "support"]
    assert [c["actor"] for c in supports] == [["WILLIAM-RUTO"]]


def test_english_soldiers_before_an_active_verb_of_attack_fired_and_were_not_fired_at():
    text = (
        "Peacekeepers of the UN mission MONUSCO opened fire at the Kasindi border post with "
        "Uganda on Sunday, killing two people."
    )
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["MONUSCO"]
    assert "UN" not in attack["recipient"]
    text = "Two peacekeepers were killed when militants opened fire on their convoy near Goma."
    (attack,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == []


def test_armed_men_named_by_whom_they_belong_to_carry_out_the_act():
    text = (
        "خطف مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام أكثر من مئة طالبة من مدرسة ثانوية "
        "في بلدة شيبوك بولاية بورنو."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["BOKO-HARAM"]
    assert "BOKO-HARAM" not in attack["recipient"]
    # after "مع" the armed men and their party are the other side of the fighting
    clash = (
        "سيطر مقاتلو كتائب القسام على مقر جهاز الأمن الوقائي في غزة بعد معارك عنيفة مع عناصر "
        "موالين لحركة فتح."
    )
    assert [a["actor"] for a in _claims(clash, "attack")] == [["HAMAS"]]


def test_soldiers_after_an_active_verb_are_its_subject_not_its_victims():
    text = (
        "داهم جنود من قوة الاتحاد الأوروبي في البوسنة (يوفور) فجر اليوم منزل نجل رادوفان "
        "كاراديتش في بلدة بالي."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["EUFOR"]
    assert attack["recipient"] == []


def test_a_raid_carried_out_by_and_a_party_s_own_forces_name_the_perpetrator():
    raid = _claims(
        "قال مسؤولون إن عشرة مدنيين قتلوا خلال مداهمة نفذتها قوات صومالية بمساندة جنود "
        "أمريكيين لقرية باريري.",
        "attack",
    )
    assert "SOM" in raid[0]["actor"]
    own = _claims(
        "امتنع متحدث باسم الجيش الأمريكي عن التعليق على تقارير أفادت بأن قواته داهمت مكتب "
        "الارتباط الإيراني في أربيل.",
        "attack",
    )
    assert [a["actor"] for a in own] == [["USA"]]


def test_the_party_named_at_the_verb_did_it_whatever_the_first_act_aimed_at():
    text = (
        "أطلق حزب الله صواريخ على مواقع للجيش الإسرائيلي في مزارع شبعا، وردت إسرائيل بقصف "
        "مدفعي على أطراف كفرشوبا."
    )
    actors = [a["actor"] for a in _claims(text, "attack")]
    assert ["HEZBOLLAH"] in actors
    assert ["IDF"] in actors
    # the victims' nationality next to an abduction is not its perpetrator
    (kidnap,) = _claims("اختطف مسلحون ثلاثة يابانيين قرب الفلوجة.", "attack")
    assert kidnap["actor"] == []


def test_a_word_of_attack_that_names_no_one_takes_the_party_of_another():
    from marsad.extraction.extract import extract

    text = (
        "Israel launched its largest military operation in years in the Jenin refugee camp, "
        "with drone strikes and hundreds of troops."
    )
    attacks = [c for c in extract(text)["claims"] if c["type"] == "attack"]
    assert [a["actor"] for a in attacks] == [["IDF"]]


def test_the_party_a_town_is_seized_from_is_the_target():
    from marsad.extraction.extract import extract

    text = (
        "Turkish-backed Syrian National Army factions seized the northern city of Manbij from "
        "the Kurdish-led Syrian Democratic Forces on Monday."
    )
    (attack,) = [c for c in extract(text)["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["SNA"]
    assert attack["recipient"] == ["SDF"]


def _english(text: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language="en")["claims"] if c["type"] == kind]


def test_a_person_after_a_passive_of_harm_was_not_harmed():
    text = (
        "Israeli jets struck a depot outside Homs on Friday; four guards were killed and no "
        "civilians were hurt, while President Bashar al-Assad condemned the raid."
    )
    attacks = _english(text, "attack")
    assert attacks
    assert all("BASHAR-ASSAD" not in a["recipient"] for a in attacks)


def test_the_party_that_uses_a_place_hit_is_the_target():
    text = (
        "American drones fired missiles on Tuesday at a training camp used by al-Shabaab "
        "fighters near Kismayo, a regional official said."
    )
    (attack,) = _english(text, "attack")
    assert attack["recipient"] == ["AL-SHABAAB"]


def test_the_subject_of_a_passive_is_no_perpetrator_even_when_it_is_the_only_armed_party():
    text = (
        "Three Nepalese peacekeepers of the UN mission in southern Lebanon, UNIFIL, were shot "
        "dead near Houla on Sunday, the mission said."
    )
    (attack,) = _english(text, "attack")
    assert attack["actor"] == []
    assert "NPL" in attack["recipient"]


def test_a_protest_demanding_the_fall_of_a_ruler_addresses_him():
    text = (
        "Tens of thousands of protesters marched in Damascus on Friday demanding the fall of "
        "President Bashar al-Assad, activists said."
    )
    (protest,) = _english(text, "protest")
    assert protest["recipient"] == ["BASHAR-ASSAD"]


def test_a_protest_denouncing_a_decision_addresses_whoever_took_it():
    text = "تظاهر آلاف السودانيين في الخرطوم تنديداً بقرار مجلس الأمن الدولي فرض عقوبات جديدة."
    (protest,) = _claims(text, "protest")
    assert protest["recipient"] == ["UNSC"]


def test_demanding_something_with_bi_calls_on_the_party_before_it():
    text = "طالبت فرنسا دمشق بسحب قواتها من الأراضي اللبنانية دون إبطاء."
    calls = [c for c in _claims(text, "statement") if c["attributes"]["stance"] == "call"]
    assert [(c["actor"], c["recipient"]) for c in calls] == [(["FRA"], ["SYR"])]


def test_fighting_between_two_parties_is_an_attack_of_the_first_on_the_second():
    text = "Heavy fighting between the Sudanese army and the SPLA engulfed Abyei on Wednesday."
    (attack,) = _english(text, "attack")
    assert (attack["actor"], attack["recipient"]) == (["SAF"], ["SPLA"])
    refusal = "Italy will not take part in the fighting, the minister said."
    assert _english(refusal, "attack") == []


def test_the_organisation_named_before_is_the_owner_of_the_positions_hit():
    text = (
        "تقدمت فصائل معارضة نحو مدينة الباب لطرد تنظيم الدولة الإسلامية منها، فيما شنت "
        "مقاتلات تركية غارات على مواقع التنظيم شمالي المدينة."
    )
    attacks = _claims(text, "attack")
    assert any(a["actor"] == ["TUR"] and a["recipient"] == ["ISIS"] for a in attacks)


def test_the_group_or_the_party_stands_only_for_one_named_with_that_noun():
    named = "تبنت جماعة بوكو حرام الهجوم. وقصف الجيش النيجيري مواقع الجماعة قرب مايدوغوري."
    (attack,) = _claims(named, "attack")
    assert attack["recipient"] == ["BOKO-HARAM"]
    other = "تبنت حركة حماس الهجوم. وقصفت الطائرات الإسرائيلية مواقع الحزب في الجنوب."
    assert all("HAMAS" not in a["recipient"] for a in _claims(other, "attack"))


def test_the_minister_named_after_his_state_speaks():
    text = "ودان وزير الخارجية العراقي فؤاد حسين الهجوم واستدعى القائم بالأعمال التركي."
    (statement,) = _claims(text, "statement")
    assert statement["actor"] == ["PERSON:فؤاد حسين"]


def test_the_envoy_named_by_his_title_speaks_and_calls():
    text = (
        "ودان المبعوث الأممي إلى سوريا ستافان دي ميستورا الهجوم، داعياً جميع الأطراف إلى ضبط النفس."
    )
    statements = _claims(text, "statement")
    assert [s["actor"] for s in statements] == [["PERSON:ستافان دي ميستورا"]] * 2
    # the object of a verb is no speaker: Egypt condemned, the president was killed
    text = "دانت مصر اغتيال الرئيس الأسبق رفيق الحريري في بيروت."
    (statement,) = _claims(text, "statement")
    assert statement["actor"] == ["EGY"]


def test_an_english_speaker_stands_before_the_relative_clause_about_him():
    text = "UN Secretary-General Ban Ki-moon, who was visiting Israel, condemned the shelling."
    (statement,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "statement"]
    assert statement["actor"] == ["BAN-KI-MOON"]


def test_protesters_a_speaker_calls_on_hold_no_protest():
    text = "ودعا الرئيس رينيه بريفال المحتجين إلى وقف أعمال العنف."
    assert not _claims(text, "protest")
    (call,) = _claims(text, "statement")
    assert call["actor"] == ["PREVAL"]


def test_an_act_attributed_by_witnesses_is_the_accused_party_s():
    text = "قُتل 27 شخصاً في قصف مدفعي نسبه سكان إلى قوات الدعم السريع على أحياء سكنية في الفاشر."
    (attack,) = _claims(text, "attack")
    assert (attack["actor"], attack["recipient"]) == (["RSF"], [])


def test_a_march_fired_at_is_no_drone():
    text = "قُتل ثلاثة محتجين عندما أطلقت قوات الأمن السودانية النار على مسيرة في الخرطوم."
    attacks = _claims(text, "attack")
    assert [(a["actor"], a["attributes"]["means"]) for a in attacks] == [(["SDN"], "gunfire")]


def test_the_striker_s_account_of_whom_it_eliminated_aims_the_strike_told_before():
    text = (
        "استُشهد شخص جراء غارة نفذتها مسيّرة إسرائيلية على سيارة قرب مدينة صور ظهر اليوم. "
        "وقال الجيش الإسرائيلي إنه قضى على قائد وحدة الصواريخ التابعة لحزب الله في المنطقة."
    )
    attacks = _claims(text, "attack")
    assert [(a["actor"], a["recipient"], a["attributes"]["means"]) for a in attacks] == [
        (["IDF"], ["HEZBOLLAH"], "drone")
    ]


def test_barrel_bombs_dropped_by_government_helicopters_are_an_air_strike_of_the_state():
    text = (
        "قُتل ١٩ شخصاً عندما ألقت مروحيات تابعة للقوات الحكومية السورية براميل متفجرة على سوق "
        "شعبية في حلب."
    )
    attacks = _claims(text, "attack")
    assert [(a["actor"], a["attributes"]["means"]) for a in attacks] == [(["SYR"], "air")]


def test_a_spokesman_s_denial_is_the_party_s_he_speaks_for():
    for text, language in (
        ("ونفى المتحدث باسم حركة طالبان ذبيح الله مجاهد اعتقال أي متظاهرة.", "ar"),
        ("Taliban spokesman Zabihullah Mujahid denied the report.", "en"),
    ):
        (denial,) = [c for c in extract(text, language=language)["claims"]]
        assert (denial["type"], denial["actor"]) == ("comment_refusal", ["TALIBAN"])
