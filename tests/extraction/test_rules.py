"""Slot filling and hedges, one behaviour per test, on sentences written for these tests."""

from datetime import date

import pytest

from marsad.extraction.extract import extract


def claims(text, kind=None):
    out = extract(text, published=date(2025, 11, 20))
    return [c for c in out["claims"] if kind is None or c["type"] == kind]


def one(text, kind):
    found = claims(text, kind)
    assert len(found) == 1, found
    return found[0]


def test_arabic_verb_first_actor_then_object():
    c = one("دعت الولايات المتحدة إيطاليا إلى الانضمام إلى قوة الاستقرار الدولية.", "invitation")
    assert (c["actor"], c["recipient"], c["target"]) == (["USA"], ["ITA"], "ISF")
    assert c["evidence"][0]["rule"] == "invite.ar.2"


def test_arabic_subject_first():
    c = one(
        "قالت مصادر إن الولايات المتحدة دعت إيطاليا إلى الانضمام إلى القوة الدولية.", "invitation"
    )
    assert (c["actor"], c["recipient"]) == (["USA"], ["ITA"])
    assert c["evidence"][0]["rule"] == "invite.ar.1"


def test_english_active_and_passive():
    active = one("Washington invited Rome to join the stabilization force.", "invitation")
    passive = one(
        "Italy was invited by the United States to join the Board of Peace.", "invitation"
    )
    assert (active["actor"], active["recipient"]) == (["USA"], ["ITA"])
    assert (passive["actor"], passive["recipient"], passive["target"]) == (["USA"], ["ITA"], "BOP")
    assert passive["evidence"][0]["rule"] == "invite.en.3"


def test_arabic_passive_with_agent():
    c = one("دُعيت باكستان من قبل واشنطن إلى المشاركة في القوة الدولية.", "invitation")
    assert (c["actor"], c["recipient"]) == (["USA"], ["PAK"])


def test_coordinated_recipients():
    c = one("Washington has invited Indonesia and Pakistan to join the ISF.", "invitation")
    assert c["recipient"] == ["IDN", "PAK"]


def test_founding_member_role():
    c = one("The US asked Italy to join the ISF as a founding member.", "invitation")
    assert c["attributes"]["role"] == "founding_member"


def test_passive_killing_in_an_israeli_strike():
    text = "قُتل 12 فلسطينياً وأصيب 30 آخرون في غارة إسرائيلية على جباليا."
    attack, toll = one(text, "attack"), one(text, "casualties")
    assert attack["actor"] == ["IDF"]
    assert attack["attributes"]["means"] == "air"
    assert attack["where"]["pcode"] == "PS0255"
    assert toll["figures"]["killed"]["best"] == 12
    assert toll["figures"]["injured"]["best"] == 30
    assert toll["attributes"]["population"] == "palestinians"


def test_vague_figures_keep_their_words():
    toll = one(
        "Local reports say hundreds of Palestinians have been killed since the truce.", "casualties"
    )
    assert toll["figures"]["killed"]["best"] == 100
    assert toll["figures"]["killed"]["text"] == "hundreds"
    assert toll["attributes"]["period"] == "since_truce"


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("امتنعت رئاسة الوزراء الإيطالية عن التعليق.", "declined_comment", "ITA-PMO"),
        ("ولم ترد وزارة الخارجية الإيطالية على طلبات التعليق.", "no_response", "ITA-MFA"),
        ("ورفض البيت الأبيض تأكيد توجيه دعوة رسمية.", "refused_confirm", "WHITE-HOUSE"),
        ("ونفى مكتب نتنياهو التقارير.", "denied", "ISR-PMO"),
        ("Palazzo Chigi declined to comment.", "declined_comment", "ITA-PMO"),
        (
            "The State Department did not respond to requests for comment.",
            "no_response",
            "USA-DOS",
        ),
        (
            "The White House would not confirm a formal invitation.",
            "refused_confirm",
            "WHITE-HOUSE",
        ),
    ],
)
def test_refusals(text, kind, actor):
    c = one(text, "comment_refusal")
    assert c["attributes"]["kind"] == kind
    assert c["actor"] == [actor]
    assert claims(text, "invitation") == []  # the refused invitation is not claimed as a fact


def test_negation_and_modality():
    negated = one("Italy will not send troops to Gaza.", "contribution")
    future = one("ستُرسل إندونيسيا قوات إلى قوة الاستقرار الدولية.", "contribution")
    proposed = one(
        "The proposed Italian contribution is police training for the ISF.", "contribution"
    )
    assert negated["modality"] == "negated"
    assert future["modality"] == "future"
    assert proposed["modality"] == "proposed"


def test_arabic_negation():
    c = one("لن ترسل إيطاليا جنوداً إلى القطاع.", "contribution")
    assert c["modality"] == "negated"
    assert c["attributes"]["kind"] == "troops"


def test_still_is_not_a_negation():
    c = one("ولا تزال الخلافات قائمة بين إسرائيل وحماس حول نزع السلاح.", "dispute")
    assert c["modality"] == "asserted"
    assert c["actor"] == ["ISR", "HAMAS"]
    assert c["attributes"]["topic"] == "disarmament"


def test_said_that_gives_the_source_not_the_actor():
    c = one(
        "Reuters said that Egypt accused Israel of violating the ceasefire.", "violation_accusation"
    )
    assert (c["actor"], c["recipient"]) == (["ISR"], ["EGY"])
    assert c["attribution"]["source"] == "REUTERS"
    assert c["attribution"]["source_kind"] == "media"


def test_arabic_said_that():
    c = one("قال المتحدث باسم حماس إن إسرائيل تخرق اتفاق وقف إطلاق النار.", "violation_accusation")
    assert c["actor"] == ["ISR"]


def test_anonymous_sources():
    c = one("وفق مصادر مطلعة، دعت واشنطن روما إلى الانضمام إلى القوة الدولية.", "invitation")
    assert c["attribution"]["source_kind"] == "anonymous"
    assert c["attribution"]["cue"] == "مصادر مطلعة"


def test_statement_stance_and_speaker():
    text = "أعرب مكتب الأمم المتحدة لحقوق الإنسان عن صدمته إزاء استمرار سقوط قتلى مدنيين."
    c = one(text, "statement")
    assert c["actor"] == ["OHCHR-OPT"]
    assert c["attributes"]["stance"] == "shocked"


def test_mandate_tasks_and_limit():
    text = (
        "The ISF will consolidate the ceasefire and secure humanitarian corridors; "
        "it will not take part in direct combat."
    )
    tasks = {c["attributes"]["task"] for c in claims(text, "mandate_task")}
    assert tasks >= {"ceasefire", "humanitarian_corridors"}
    assert one(text, "mandate_limit")["target"] == "ISF"


def test_charter_actions():
    text = "Most G7 states stayed away from the signing of the Board of Peace charter."
    c = one(text, "charter_action")
    assert (c["actor"], c["target"], c["attributes"]["action"]) == (
        ["G7"],
        "BOP-CHARTER",
        "boycotted",
    )


def test_ceasefire_phase():
    c = one("The ceasefire recently entered its second phase.", "ceasefire_phase")
    assert c["attributes"] == {"phase": 2, "event": "entered"}
    assert c["target"] == "GAZA-CEASEFIRE"


def test_corridor_and_trucks():
    text = "دخلت 180 شاحنة مساعدات عبر معبر كرم أبو سالم بعد إعادة فتحه أمس."
    aid = one(text, "aid_delivery")
    assert aid["figures"]["trucks"]["best"] == 180
    assert aid["target"] == "CROSSING-KEREM-SHALOM"
    assert aid["when"] == {"date": "2025-11-19", "precision": "day", "text": "أمس"}


def test_dates_reach_the_claim():
    c = one("Israeli forces opened fire east of Khan Younis on Tuesday, wounding three.", "attack")
    assert c["when"]["date"] == "2025-11-18"
    assert c["where"]["pcode"] == "PS0270"


def test_ships_advisers_and_a_defence_force_are_contributions():
    text = "Italy will send a frigate to the Red Sea to protect Italian shipping."
    (claim,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "contribution"]
    assert (claim["actor"], claim["attributes"]["kind"]) == (["ITA"], "other")
    text = "The Bahamas will send 150 members of its defence force to the mission in Haiti."
    (claim,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "contribution"]
    assert (claim["actor"], claim["attributes"]["kind"]) == (["BHS"], "troops")


def test_a_presidency_named_with_its_state_speaks_for_it():
    out = extract("ودانت الرئاسة العراقية الاعتداء التركي على أراضي البلاد.", language="ar")
    (statement,) = [c for c in out["claims"] if c["type"] == "statement"]
    assert statement["actor"] == ["IRQ"]
    assert statement["attributes"]["stance"] == "condemn"


def test_a_shell_that_caused_no_casualties_gives_no_toll():
    out = extract("سقطت قذيفة على منزل في البلدة لكنها لم تؤد إلى وقوع إصابات.", language="ar")
    assert [c["type"] for c in out["claims"]] == ["attack"]


def test_a_second_verb_of_speech_keeps_the_first_one_s_subject():
    # "and demanded the Iraqi government protect": Iran demands, Iraq is called on
    text = (
        "ودانت وزارة الخارجية الإيرانية الاعتداء، وطالبت الحكومة العراقية بحماية البعثات "
        "الدبلوماسية."
    )
    statements = [c for c in extract(text, language="ar")["claims"] if c["type"] == "statement"]
    call = next(s for s in statements if s["attributes"]["stance"] == "call")
    assert (call["actor"], call["recipient"]) == (["IRN"], ["IRQ"])


def test_a_second_verb_with_its_complement_first_has_no_subject_of_its_own():
    # "and demanded sanctions on the settlers": the ministry demands, not the settlers
    text = "ودانت وزارة الخارجية الفلسطينية الإعدام الميداني وطالبت بفرض عقوبات على المستوطنين."
    statements = [c for c in extract(text, language="ar")["claims"] if c["type"] == "statement"]
    assert [(s["actor"], s["attributes"]["stance"]) for s in statements] == [
        (["PSE"], "condemn"),
        (["PSE"], "call"),
    ]


def test_describing_an_act_as_a_crime_condemns_it():
    text = (
        "قتل ١٤ جندياً تنزانياً في هجوم على قاعدتهم، ووصف الأمين العام للأمم المتحدة أنطونيو "
        "غوتيريش الهجوم بأنه جريمة حرب."
    )
    out = extract(text, language="ar", published=date(2017, 12, 8))
    statements = [c for c in out["claims"] if c["type"] == "statement"]
    assert [(s["actor"], s["attributes"]["stance"]) for s in statements] == [
        (["GUTERRES"], "condemn")
    ]
    text = "President Vladimir Putin called the downing a stab in the back."
    (statement,) = extract(text, language="en")["claims"]
    assert statement["attributes"]["stance"] == "condemn"
    # a description that judges nothing is no stance
    text = "ووصف المتحدث الوضع في المدينة بأنه هادئ."
    assert [c for c in extract(text, language="ar")["claims"] if c["type"] == "statement"] == []


def _protest(text: str) -> dict[str, object]:
    (protest,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "protest"]
    return protest


def test_a_protest_addresses_whom_its_demand_names_before_it():
    text = (
        "قُتل ١٧ شخصاً في أعمال عنف رافقت احتجاجات في كينشاسا أمس طالب خلالها آلاف المتظاهرين "
        "الرئيس جوزيف كابيلا بالتنحي."
    )
    assert _protest(text)["recipient"] == ["KABILA-J"]


def test_a_protest_at_a_party_s_seat_addresses_it():
    text = (
        "اقتحم آلاف المتظاهرين مقر كتيبة أنصار الشريعة في بنغازي ليل أمس وأضرموا النار في عدد "
        "من مبانيه."
    )
    (addressee,) = _protest(text)["recipient"]
    assert "أنصار الشريعة" in addressee
    # a seat named by its state's adjective is a building, not a party
    text = "تظاهر المئات أمام المقر الحكومي الليبي في طرابلس أمس."
    assert _protest(text)["recipient"] == []


def test_torching_and_stoning_make_a_protest_a_riot():
    text = (
        "Thousands of protesters took to the streets of Khartoum for a third day, torching petrol "
        "stations and demanding the fall of President Omar al-Bashir."
    )
    forms = [
        c["attributes"]["form"]
        for c in extract(text, language="en")["claims"]
        if c["type"] == "protest"
    ]
    assert forms == ["riot"]


def test_armed_men_attacking_with_no_word_of_shooting_use_no_means():
    text = "قتل مسلحون أكثر من 160 قروياً في هجوم على قرية أوغوساغو وسط مالي."
    claims = extract(text, language="ar")["claims"]
    assert [c["attributes"]["means"] for c in claims if c["type"] == "attack"] == ["other"]
    # English gunmen shoot
    text = "Gunmen attacked a police post in Kidal on Sunday, killing two officers."
    means = [
        c["attributes"]["means"]
        for c in extract(text, language="en")["claims"]
        if c["type"] == "attack"
    ]
    assert means == ["gunfire"]


def test_describing_the_act_as_a_crime_after_the_main_clause_is_a_condemnation() -> None:
    text = (
        "وأعلن الرئيس الكولومبي خوان مانويل سانتوس تعليق جولة المفاوضات مع الجماعة في كيتو، "
        "واصفاً الهجوم بأنه «عمل إرهابي جبان»."
    )
    stances = [
        c["attributes"]["stance"]
        for c in extract(text, language="ar")["claims"]
        if c["type"] == "statement"
    ]
    assert stances == ["condemn"]
