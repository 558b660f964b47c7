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


def _tolls(text: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "casualties"]


def test_a_nisba_after_the_word_of_attack_names_whose_attack_it_was():
    # "six civilians killed in an Israeli strike": the strike is Israel's, the dead are not
    for text in (
        "قتل ستة مدنيين في غارة إسرائيلية على منزل في الجنوب.",
        "قتل 28 مدنياً على الأقل بينهم 16 طفلاً في غارة إسرائيلية دمرت مبنى سكنياً في بلدة قانا.",
        "قُتل ستة مدنيين في قصف مدفعي إسرائيلي استهدف بلدة كويا بريف درعا الغربي ليل أمس.",
    ):
        (attack,) = _attacks(text)
        assert attack["actor"] == ["IDF"]
        assert attack["recipient"] == []
        assert all(toll["actor"] == ["IDF"] for toll in _tolls(text))
    # the nationality of the dead still names the target
    (attack,) = _attacks("قتل تسعة أشخاص بينهم أمريكيان في هجوم على فندق في كابول.")
    assert attack["recipient"] == ["USA"]


def test_the_side_of_the_dead_after_from_is_not_who_killed_them():
    # "three Burundian soldiers of MINUSCA were killed": of, not by
    text = "قتل ثلاثة جنود بورونديين من بعثة مينوسكا في هجوم على موقعهم شرق البلاد."
    (toll,) = _tolls(text)
    assert toll["actor"] == []
    (attack,) = _attacks(text)
    assert "MINUSCA" in attack["recipient"]
    # "by" still names them
    (toll,) = _tolls("قتل خمسة مدنيين على يد مسلحين من حركة الشباب في قرية قرب مقديشو.")
    assert toll["actor"] == ["AL-SHABAAB"]


def test_forces_named_after_that_are_the_subject_of_the_verb_that_follows():
    text = (
        "أعلن المتحدث العسكري باسم جماعة الحوثي يحيى سريع أن قوات الحوثيين استهدفت سفينة "
        "الشحن البريطانية روبيمار في خليج عدن."
    )
    (attack,) = _attacks(text)
    assert attack["actor"] == ["HOUTHIS"]
    assert attack["recipient"] == ["GBR"]
    # without "that" the verb may be a passive: the soldiers' patrol was hit
    (attack,) = _attacks("قتل ثلاثة جنود أمريكيين استهدفت دوريتهم عبوة ناسفة قرب بغداد.")
    assert attack["actor"] == []
    assert attack["recipient"] == ["USA"]


def test_the_weapons_of_an_act_are_its_subject_s():
    # "the Houthis targeted the US carrier with missiles": the missiles are the Houthis'
    for text in (
        "استهدفت جماعة الحوثي حاملة الطائرات الأمريكية هاري ترومان بصواريخ.",
        "استهدف الحوثيون حاملة الطائرات الأمريكية أيزنهاور بصواريخ باليستية.",
    ):
        (attack,) = _attacks(text)
        assert attack["actor"] == ["HOUTHIS"]
        assert attack["recipient"] == ["USA"]
    # the ب of the instrument may stand on its number; the target is the verb's object
    text = (
        "قالت جماعة الحوثي إنها استهدفت حاملة الطائرات الأمريكية هاري ترومان في شمال البحر "
        "الأحمر بثمانية عشر صاروخاً باليستياً."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["HOUTHIS"], ["USA"])


def test_an_act_claimed_by_its_speaker_is_still_an_act():
    (attack,) = _attacks("أعلنت جماعة الحوثي أنها استهدفت سفينة أمريكية في البحر الأحمر.")
    assert attack["actor"] == ["HOUTHIS"]
    assert attack["recipient"] == ["USA"]
    # after the strike it restates, the claim is that strike: one attack, with its target
    text = (
        "قُتل خمسة أشخاص في غارة على سيارة قرب مدينة صور أمس. "
        "وقال الجيش الإسرائيلي إنه استهدف قيادياً في حزب الله."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (["IDF"], ["HEZBOLLAH"])
    assert attack["attributes"]["means"] == "air"


def test_soldiers_run_into_are_not_the_perpetrators():
    # the only armed party named is the object of the act, not its subject
    text = (
        "A Palestinian driver rammed his car into a group of Israeli soldiers near the "
        "settlement of Mevo Dotan on Friday, killing two, the military said."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == []
    # a side named after a noun of fighting is still one
    (attack,) = _attacks("Clashes between Fatah and Islamist militants killed 11 people.", "en")
    assert attack["actor"] == ["FATAH"]


def test_an_attack_praised_or_condemned_is_no_new_attack_by_the_speaker():
    text = (
        "A Palestinian driver rammed his car into Israeli soldiers near Jenin on Friday, the "
        "military said. Hamas praised the attack but did not claim responsibility."
    )
    assert all("HAMAS" not in a["actor"] for a in _attacks(text, "en"))
    text = "Italy summoned the Israeli ambassador and condemned the attack on UNIFIL positions."
    assert _attacks(text, "en") == []
    # concern at fighting that goes on is about fighting still told as news
    text = (
        "أعرب المبعوث الأممي عن قلقه من استمرار المعارك في محيط منبج بين فصائل مدعومة من تركيا "
        "وقوات سوريا الديمقراطية."
    )
    assert len(_attacks(text)) == 1


def test_a_toll_told_after_the_strike_is_that_strike_s():
    # the strike named again with its article is the same act: one attack, and the dead are
    # its perpetrator's
    text = (
        "The US military dropped its largest non-nuclear bomb on a tunnel complex used by "
        "Islamic State fighters in Nangarhar province on Thursday, the Pentagon said. "
        "Afghanistan's defence ministry said on Friday that 36 militants were killed in the strike."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["USA"]
    (toll,) = _tolls(text, "en")
    assert toll["actor"] == ["USA"]
    # a strike at another place is another act
    text = (
        "قُتل خمسة مدنيين في غارة إسرائيلية على بلدة قانا أمس. وفي مدينة صور، أسفرت الغارة "
        "عن إصابة ثلاثة أشخاص."
    )
    assert len(_attacks(text)) == 2


def test_blame_in_a_later_sentence_reaches_the_attack_past_its_toll():
    text = (
        "A suicide bomber blew himself up next to a convoy carrying Britain's ambassador in "
        "Sanaa on Monday, officials said. Three bystanders were wounded. Officials blamed "
        "al-Qaeda in the Arabian Peninsula."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["AL-QAEDA"]


def test_the_troops_fired_at_are_those_named_before_in_the_sentence():
    text = (
        "About 400 Ugandan soldiers of the African Union mission landed in Mogadishu on Tuesday, "
        "and insurgents fired mortar rounds at the troops as they disembarked, witnesses said."
    )
    (attack,) = _attacks(text, "en")
    assert "UGA" in attack["recipient"]
    # an indefinite noun names victims of its own, or none
    text = "Insurgents fired mortar rounds at troops near the airport of Mogadishu on Tuesday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == []


def test_a_service_named_with_its_state_after_the_verb_did_the_act():
    # "the Afghan police opened fire": the police fired, in Afghanistan; it is no target
    for text in (
        "قُتل أربعة أشخاص عندما فتحت الشرطة الأفغانية النار على آلاف المحتجين في جلال آباد.",
        "فتحت الشرطة الأفغانية النار في مدينة جلال آباد أمس.",
    ):
        (attack,) = _attacks(text)
        assert (attack["actor"], attack["recipient"]) == (["AFG"], [])


def test_a_means_named_by_a_noun_beside_a_verb_of_attack_is_an_attack():
    # "unknown warplanes targeted al-Watiya air base": no party named, still an air strike
    text = "استهدفت طائرات حربية مجهولة قاعدة الوطية الجوية غرب ليبيا ليل السبت."
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "air"
    # aircraft seen, with no act and no party, are no attack
    assert _attacks("شوهدت طائرات حربية في سماء المدينة مساء أمس.") == []


def test_a_state_s_forces_detaining_a_named_person_abduct_him():
    text = (
        "اعتقلت قوات الأمن في جنوب السودان النائب الأول للرئيس رياك مشار من منزله في جوبا مساء أمس."
    )
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "abduction"
    assert (attack["actor"], attack["recipient"]) == (["SSD"], ["MACHAR"])
    # the police arresting unnamed suspects is no abduction
    assert _attacks("اعتقلت الشرطة في جنوب السودان عشرة مشتبه بهم في جوبا أمس.") == []


def test_an_english_speaker_saying_its_warplanes_struck_names_itself():
    text = (
        "France's military said on Thursday that its warplanes had killed about 30 jihadists in "
        "an air strike near the village of Bounti in central Mali on Sunday."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == ["FRA"]


def test_the_party_a_speaker_says_fired_is_the_perpetrator():
    text = (
        "A mortar bomb that Turkey said was fired by Syrian government forces killed a woman in "
        "the Turkish border town of Akcakale on Wednesday."
    )
    assert all(a["actor"] == ["SYR-ARMY"] for a in _attacks(text, "en"))
    assert _attacks(text, "en")


def test_english_soldiers_who_did_something_else_first_are_no_victims():
    text = (
        "Iraqi counter-terrorism forces arrested 22 suspected Islamic State members in raids "
        "across Kirkuk and Salahuddin provinces."
    )
    (attack,) = _attacks(text, "en")
    assert "IRQ" not in attack["recipient"]
    # soldiers killed in the raids are its victims
    (attack,) = _attacks("Iraqi soldiers killed in the raids near Kirkuk were buried.", "en")
    assert "IRQ" in attack["recipient"]
