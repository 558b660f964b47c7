"""Who carried out an act when Arabic names the doer after it: a relative clause of blame
("التي حمّلت الجيش المسؤولية"), the masculine "شنّته" of a bombardment, and the forces named
right after such a word, which did the act and are no victims of it."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _claims(text: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language="ar")["claims"] if c["type"] == kind]


def test_the_party_blamed_in_a_relative_clause_did_the_act() -> None:
    text = (
        "قُتل ٥٤ شخصاً في غارة جوية استهدفت سوقاً شعبية في بلدة طرة، بحسب مجموعة «محامو الطوارئ» "
        "الحقوقية، التي حمّلت الجيش السوداني المسؤولية."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["SAF"]
    (toll,) = _claims(text, "casualties")
    assert toll["actor"] == ["SAF"]


def test_the_accuser_before_the_verb_is_not_accused() -> None:
    text = "واتهمت وزارة الصحة الجيش السوداني بقصف السوق."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["SAF"]


def test_the_forces_that_launched_a_bombardment_are_its_perpetrator() -> None:
    text = "قُتل سبعة في قصف مدفعي شنّته القوات السورية على بلدة القصر."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["SYR"]
    assert "SYR" not in attack["recipient"]


def test_the_front_named_again_is_the_front_named_before() -> None:
    text = "اتهمت إسرائيل الجبهة الشعبية لتحرير فلسطين بتنفيذه. ودانت الجبهة الاعتقال."
    (condemn,) = _claims(text, "statement")
    assert condemn["actor"] == ["PFLP"]


def test_a_crowd_gathered_demanding_of_a_titled_person() -> None:
    text = (
        "وتجمّع مئات المعلمين أمام مقر مجلس الوزراء في رام الله، مطالبين رئيس الوزراء محمد اشتية "
        "بـ«الوفاء بالتزاماته»."
    )
    (protest,) = _claims(text, "protest")
    assert protest["recipient"] == ["SHTAYYEH"]
    assert _claims(text, "statement") == []


def test_a_ransom_demanded_is_no_call() -> None:
    text = "خطف مسلحون تاجراً من بلدة سعدنايل، مطالبين عائلته بفدية قدرها ٤٠٠ ألف دولار."
    assert _claims(text, "statement") == []


def test_rockets_fired_from_a_state_s_territory_are_not_that_state_s() -> None:
    text = "سقط صاروخان من طراز «غراد» أُطلقا من الأراضي السورية على حي سكني في مدينة الهرمل."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == []


def test_a_speaker_whose_vehicle_was_hit_did_not_hit_it() -> None:
    text = (
        "وقال الجيش الإسرائيلي إن عبوة ناسفة كبيرة انفجرت بمركبة مدرعة تابعة له خلال انسحابها، "
        "ما أدى إلى إصابة سبعة من جنوده."
    )
    (attack,) = _claims(text, "attack")
    assert (attack["actor"], attack["recipient"]) == ([], ["IDF"])


def test_gunmen_who_burn_houses_are_no_rioters() -> None:
    text = (
        "قُتل ١٧ شخصاً عندما هاجم مسلحون من عصابة «غران غريف» بلدة ليانكور، وأطلقوا النار على "
        "السكان وأضرموا النار في عشرات المنازل."
    )
    assert _claims(text, "protest") == []
    text = "أضرم محتجون غاضبون النار في مبنى البلدية احتجاجاً على انقطاع الكهرباء."
    assert [p["attributes"]["form"] for p in _claims(text, "protest")] == ["riot"]


def test_condemning_in_a_participle_or_a_relative_clause() -> None:
    text = (
        "وأعلن الرئيس خوان مانويل سانتوس تعليق المفاوضات مع الجماعة، مديناً «العمل الإرهابي الجبان»."
    )
    (condemn,) = _claims(text, "statement")
    assert condemn["attributes"]["stance"] == "condemn"
    text = (
        "واتهم الرئيس عبد ربه منصور هادي جماعة الحوثي بتنفيذ الهجوم الذي وصفه بـ«الجبان والإرهابي»."
    )
    (condemn,) = _claims(text, "statement")
    assert (condemn["attributes"]["stance"], condemn["actor"]) == ("condemn", ["HADI"])
    # "مدينة" is a city, and a second verb of the same speaker says nothing new
    assert _claims("وصل الوفد إلى مدينة الفاشر أمس.", "statement") == []
    text = "ودانت وزارة الخارجية الإيرانية التفجير ووصفته بأنه «عمل إرهابي جبان»."
    assert [c["actor"] for c in _claims(text, "statement")] == [["IRN"]]


def test_the_state_of_a_town_struck_yields_to_the_party_the_strike_is_named_with() -> None:
    text = "قُتل 13 شخصاً في غارات جوية إسرائيلية استهدفت بلدة بيت جن بريف دمشق فجر اليوم."
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["IDF"]


def test_an_indefinite_postponement_negates_nothing_after_it() -> None:
    text = "وأُرجئت الجلسة إلى أجل غير مسمى، فيما دانت جمعية الصحفيين الهايتيين الاعتداء."
    (condemn,) = _claims(text, "statement")
    assert condemn["modality"] == "asserted"
    (refused,) = _claims("لن ترسل إيطاليا قوات غير قتالية إلى البعثة.", "contribution")
    assert refused["modality"] == "negated"


def test_regret_is_concern() -> None:
    (concern,) = _claims("وأعرب الأمين التنفيذي للهيئة ورقنه جبيهو عن أسفه للقرار.", "statement")
    assert concern["attributes"]["stance"] == "concern"


def test_armed_men_of_a_force_far_before_their_verb_did_the_act() -> None:
    text = (
        "قالت البعثة المشتركة في دارفور (يوناميد) إن مسلحين من «قوات الدعم السريع» التابعة لجهاز "
        "الأمن والمخابرات الوطني هاجموا قرى عدة حول منطقة أم قونجا، ما أدى إلى مقتل ١٢ مدنياً."
    )
    (attack,) = _claims(text, "attack")
    assert attack["actor"] == ["RSF"]


def test_the_man_whose_family_home_is_demolished_is_its_target() -> None:
    text = "هدمت القوات الإسرائيلية منزل عائلة الأسير منتصر شلبي في بلدة ترمسعيا."
    (attack,) = _claims(text, "attack")
    assert (attack["attributes"]["means"], attack["recipient"]) == (
        "demolition",
        ["PERSON:منتصر شلبي"],
    )


def test_a_nisba_after_the_villages_struck_is_not_the_striker() -> None:
    (attack,) = _claims("قصفت المدفعية السورية قرى لبنانية في منطقة الهرمل.", "attack")
    assert attack["actor"] == ["SYR"]
    (attack,) = _claims("قُتل عشرة مسلحين في غارات جوية لمقاتلات تركية قرب جرابلس.", "attack")
    assert attack["actor"] == ["TUR"]


def test_a_threat_to_kill_hostages_under_a_condition() -> None:
    text = "هددت جماعة الحوثي بقتل الرهائن إذا لم تفرج الحكومة عن أسراها."
    (threat,) = _claims(text, "attack")
    assert (threat["actor"], threat["modality"]) == (["HOUTHIS"], "hypothetical")
