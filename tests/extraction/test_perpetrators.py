"""Who carried out an attack (rules_attack.py, victims.py, roles.py), on sentences of the
kinds news writes in Arabic and English: the party named with the projectile, the relative
clause or the service of the armed men, a claim or an admission in the sentence after, and
the storming of a place told apart from the other means."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _attacks(text: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


def test_the_soldiers_named_with_the_bullets_fired_them():
    # "by the bullets of American soldiers": the Americans shot, the Italian was shot
    text = "قُتل صحفي إيطالي برصاص جنود أمريكيين عند حاجز على الطريق المؤدي إلى مطار بغداد مساء أمس."
    (attack,) = _attacks(text)
    assert attack["actor"] == ["USA"]
    assert "USA" not in attack["recipient"]
    text = "أصيب ثلاثة مدنيين بنيران عناصر من الجيش اللبناني عند حاجز في عكار أمس."
    (attack,) = _attacks(text)
    assert attack["actor"] == ["LAF"]


def test_a_strike_in_construct_still_names_its_object():
    # "shelling of Hezbollah's positions": the positions were shelled, not shelling
    text = "قصفت مدفعية الجيش الإسرائيلي مواقع لحزب الله قرب بلدة الخيام صباح اليوم."
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["HEZBOLLAH"]


def test_the_party_of_a_relative_clause_fired_the_shells():
    text = "قُتل مصور بريطاني بقذائف هاون أطلقتها كتائب القذافي على وسط مدينة مصراتة أمس."
    (attack,) = _attacks(text)
    assert attack["actor"] == ["GADDAFI"]
    assert "GADDAFI" not in attack["recipient"]


def test_the_state_of_a_security_service_is_the_subject_not_the_target():
    text = (
        "قُتل عشرون نازحاً عندما اقتحمت قوات الأمن السودانية مخيماً للنازحين في جنوب دارفور "
        "وأطلقت النار على السكان."
    )
    attacks = _attacks(text)
    assert sorted(a["attributes"]["means"] for a in attacks) == ["gunfire", "other"]
    assert all(a["actor"] == ["SDN"] for a in attacks)
    assert all("SDN" not in a["recipient"] for a in attacks)


def test_a_claim_in_the_next_sentence_names_the_perpetrator():
    text = (
        "قُتل تسعة جنود في كمين نصبه مسلحون لدوريتهم قرب مدينة جنين أمس. "
        "وأعلنت سرايا القدس مسؤوليتها عن العملية."
    )
    (attack,) = _attacks(text)
    assert attack["actor"] == ["PIJ"]
    text = (
        "Nine soldiers were killed when a roadside bomb struck their patrol near Kandahar. "
        "The Taliban claimed responsibility."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["TALIBAN"]


def test_a_claim_does_not_reach_past_the_sentence_before():
    text = (
        "انفجرت عبوة ناسفة قرب سوق شعبي في بغداد أمس. "
        "وقال شهود إن الانفجار ألحق أضراراً بالمحال. "
        "وتبنى تنظيم داعش هجوماً آخر على حاجز للجيش."
    )
    first = _attacks(text)[0]
    assert first["actor"] == []


def test_an_admission_names_who_struck():
    text = (
        "NATO acknowledged on Monday that one of its air strikes had hit a house in Tripoli by "
        "mistake, killing five civilians."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["NATO"]
    text = "وأقر الجيش الأمريكي بتنفيذ غارة جوية قرب مستشفى في قندوز أمس."
    (attack,) = _attacks(text)
    assert attack["actor"] in (["USA"], ["US-MILITARY"])


def test_the_holder_of_the_place_hit_is_the_target():
    text = (
        "استهدفت الطائرات الإسرائيلية مقار الشرطة والأجهزة الأمنية التابعة لحكومة حماس في "
        "مدينة غزة."
    )
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["HAMAS"]
    text = "Israeli shells struck the main compound of UNRWA in Gaza City on Thursday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["UNRWA"]


def test_forces_loyal_to_a_leader_after_a_verb_of_attack_were_attacked():
    text = (
        "Coalition aircraft pounded forces loyal to President Bashar al-Assad near Deir al-Zor "
        "overnight, a US official said."
    )
    (attack,) = _attacks(text, "en")
    assert "BASHAR-ASSAD" not in attack["actor"]


def test_a_storming_told_apart_is_an_act_of_its_own():
    text = (
        "استشهد فلسطينيان برصاص قوات الاحتلال الإسرائيلي التي اقتحمت مخيم بلاطة شرق نابلس "
        "فجر اليوم بأكثر من ثلاثين آلية عسكرية."
    )
    means = sorted(a["attributes"]["means"] for a in _attacks(text))
    assert means == ["gunfire", "other"]
    # a raid and its gunfire in one phrase stay one act
    text = "اقتحم مسلحون بالرصاص مقر الشرطة في المدينة."
    assert len(_attacks(text)) == 1


def test_a_gunship_strikes_from_the_air():
    text = "A US AC-130 gunship attacked suspected militants near Ras Kamboni on Monday."
    (attack,) = _attacks(text, "en")
    assert attack["attributes"]["means"] == "air"


def test_a_speaker_saying_it_struck_names_itself():
    text = (
        "قُتل خمسة أشخاص في غارة على سيارة قرب مدينة صور أمس. "
        "وقال الجيش الإسرائيلي إنه استهدف قيادياً في حزب الله."
    )
    (attack,) = _attacks(text)
    assert attack["actor"] == ["IDF"]
    text = (
        "قُتل عشرون مدنياً في غارة جوية على سوق في إقليم تيغراي، فيما أقر متحدث باسم الجيش "
        "الإثيوبي بتنفيذ ضربة جوية على البلدة."
    )
    (attack,) = _attacks(text)
    assert attack["actor"] in (["ETH"], ["ETH-ARMY"])


def test_a_denied_responsibility_names_no_perpetrator():
    text = "انفجرت سيارة مفخخة قرب حاجز للجيش في بلدة عرسال أمس. ونفى حزب الله مسؤوليته عن التفجير."
    first = _attacks(text)[0]
    assert first["actor"] == []


def test_fighters_of_a_group_killed_are_the_target():
    text = "قتلت غارات أمريكية ٢٠ مقاتلاً من حزب الله في منطقة القصير أمس."
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["HEZBOLLAH"]


def test_soldiers_firing_into_a_crowd_attack_it():
    text = "Witnesses said American soldiers fired into the crowd in Kabul on Monday."
    (attack,) = _attacks(text, "en")
    assert attack["attributes"]["means"] == "gunfire"
    assert attack["actor"] == ["USA"]


def test_english_victims_named_with_their_service_or_several_nationalities():
    text = "A drone strike killed two senior Iraqi border guard officers near Sidakan on Tuesday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["IRQ"]
    text = "A gang kidnapped 17 American and Canadian missionaries east of Port-au-Prince."
    (attack,) = _attacks(text, "en")
    assert sorted(attack["recipient"]) == ["CAN", "USA"]
    # a nationality with its verb between is no owner of the noun after
    text = "Fighters of Islamic State overran army checkpoints near Arsal on Saturday."
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["ISIS"]


def test_english_objects_after_a_word_of_suspicion_or_number():
    text = "A US gunship attacked suspected al-Qaeda militants near Ras Kamboni on Monday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["AL-QAEDA"]


def test_the_side_loyal_to_a_leader_in_a_clash_is_the_target():
    text = "Heavy clashes broke out with troops loyal to President Abd-Rabbu Mansour Hadi in Aden."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["HADI"]
    assert attack["actor"] == []


def test_a_strike_named_with_its_owner_is_an_attack():
    text = "شنت الولايات المتحدة أولى غاراتها الجوية على مواقع تنظيم الدولة الإسلامية في سوريا."
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "air"
    assert attack["actor"] == ["USA"]
    assert attack["recipient"] == ["ISIS"]


def test_peacekeepers_of_a_mission_hit_are_its_own_not_the_attackers():
    text = (
        "أصيب أربعة من جنود حفظ السلام التابعين لبعثة الأمم المتحدة في مالي (مينوسما) عندما "
        "انفجرت عبوة ناسفة لدى مرور قافلتهم قرب كيدال أمس."
    )
    (attack,) = _attacks(text)
    assert attack["actor"] == []
    assert attack["recipient"] == ["MINUSMA"]


def test_what_the_speaker_calls_its_own_was_hit():
    text = (
        "أعلنت قوة الأمم المتحدة المؤقتة في لبنان (اليونيفيل) أن دبابة إسرائيلية أطلقت قذيفتين "
        "سقطتا قرب دورية لها في بلدة حولا صباح اليوم."
    )
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["UNIFIL"]
    text = "UNIFIL said Israeli drones had dropped four grenades near its peacekeepers on Tuesday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["UNIFIL"]
    # its own fighters before the verb are the attackers, not the target
    text = "Hezbollah said its fighters fired rockets at an Israeli base near Metula."
    (attack,) = _attacks(text, "en")
    assert "HEZBOLLAH" not in attack["recipient"]


def test_the_attack_a_speaker_condemns_is_no_new_attack():
    text = (
        "شنت طائرات حربية إسرائيلية غارات على مطار حماة العسكري مساء أمس، ودانت وزارة الخارجية "
        "السورية الغارات ووصفتها بأنها محاولة لزعزعة الاستقرار."
    )
    attacks = _attacks(text)
    assert [a["actor"] for a in attacks] == [["IDF"]]


def test_a_killing_told_by_its_manner_is_an_attack():
    text = "Five members of an Israeli family were stabbed to death in their home near Nablus."
    (attack,) = _attacks(text, "en")
    assert attack["attributes"]["means"] == "other"
    assert attack["recipient"] == ["ISR"]


def test_a_speaker_saying_it_had_killed_is_the_killer():
    text = "Sudan's army said on Sunday it had killed the rebel commander in North Kordofan."
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["SAF"]


def test_victims_by_broken_plural_demonyms_and_ships_by_their_flag():
    text = "قُتل ثمانية سياح إسبان وسائقان يمنيان عندما فجر انتحاري سيارة مفخخة قرب مأرب."
    (attack,) = _attacks(text)
    assert attack["actor"] == []
    assert attack["recipient"][0] == "ESP"
    text = "استهدفت قوات الحوثيين سفينة الشحن البريطانية روبيمار في خليج عدن بالصواريخ."
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["GBR"]


def test_the_state_of_an_aircraft_shot_down_is_the_target():
    text = "Turkish F-16 jets shot down a Russian Su-24 warplane near the Syrian border."
    attacks = _attacks(text, "en")
    assert attacks[0]["actor"] == ["TUR"]
    assert attacks[0]["recipient"] == ["RUS"]


def test_the_nationalities_among_the_dead_are_the_target():
    text = (
        "A car bomb exploded at a hotel in Tripoli on Tuesday, killing nine people, including "
        "an American and a French citizen."
    )
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["USA", "FRA"]
    text = "قُتل عشرة أشخاص بينهم أمريكيان في انفجار سيارة مفخخة في كابول."
    (attack,) = _attacks(text)
    assert attack["recipient"] == ["USA"]


def test_english_raids_and_a_speaker_who_claims_no_act():
    text = (
        "Israeli troops raided the al-Shifa hospital on Wednesday. The World Health Organization "
        "said it had lost contact with staff inside."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["IDF"]


def test_a_group_claiming_after_an_apposition_is_the_perpetrator_of_the_act_told_before():
    text = (
        "A masked gunman opened fire inside a restaurant in Bamako on Saturday, killing five "
        "people. Eight others were wounded. The group al-Mourabitoun, led by Mokhtar "
        "Belmokhtar, claimed the attack in an audio message."
    )
    out = extract(text, language="en")["claims"]
    assert {tuple(c["actor"]) for c in out if c["type"] in ("attack", "casualties")} == {
        ("MOURABITOUN",)
    }


def test_the_side_whose_fire_it_was_is_the_perpetrator_of_a_passive_toll():
    text = "A man was shot dead and five others were wounded by Israeli fire east of Khan Younis."
    out = extract(text, language="en")["claims"]
    assert {tuple(c["actor"]) for c in out if c["type"] in ("attack", "casualties")} == {("IDF",)}


def test_a_toll_told_after_one_party_s_acts_is_theirs():
    text = (
        "Israeli forces pounded Rafah with artillery and air strikes on Friday. Gaza health "
        "officials said more than 70 Palestinians were killed in Rafah."
    )
    (toll,) = [c for c in extract(text, language="en")["claims"] if c["type"] == "casualties"]
    assert toll["actor"] == ["IDF"]
    # a total of the war stays no one's
    text = (
        "شنت طائرات حربية إسرائيلية غارات على حي الشجاعية فجر اليوم. وارتفعت حصيلة الشهداء "
        "منذ بدء الحرب إلى ٤٣٥ شهيداً."
    )
    tolls = [c for c in extract(text, language="ar")["claims"] if c["type"] == "casualties"]
    assert [t["actor"] for t in tolls] == [[]]
