"""The parties of an attack, in sentences of the kinds news writes: whose act a word names
(a nisba after the word of attack, a service named with its state, forces after "that"), whom
it hits (the troops named before, the holder of a place), and the act told again or claimed
(a speaker's "it struck", the strike named with its article, the party a speaker says fired)."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _attacks(text: str, language: str = "ar") -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


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
    # the claim's evidence holds the sentence that names the party too
    second = text.index("وقال")
    assert [e["start"] for e in attack["evidence"]] == [0, second]


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
    # an indefinite noun does not take the owner of troops named before; with no owner of its
    # own, the troops are those of the state where they are hit (home_forces.py)
    text = "Insurgents fired mortar rounds at troops near the airport of Mogadishu on Tuesday."
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["SOM"]


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


def test_a_toll_after_another_act_is_that_act_s():
    text = (
        "Syrian government shelling killed seven Turkish soldiers at a Turkish post near Saraqeb "
        "on Monday, and Turkish artillery and F-16 jets struck back, killing 35 Syrian soldiers."
    )
    first = _attacks(text, "en")[0]
    assert (first["actor"], first["recipient"]) == (["SYR"], ["TUR"])


def test_a_place_hit_is_its_supporter_s():
    text = (
        "Air strikes by the Saudi-led coalition destroyed a hospital supported by Medecins Sans "
        "Frontieres in Haydan district late on Monday."
    )
    (attack,) = _attacks(text, "en")
    assert attack["recipient"] == ["MSF"]


def test_the_sides_of_a_clash_named_in_quotes_are_its_parties():
    text = (
        "ارتفعت حصيلة الاشتباكات التي اندلعت بين «اللواء 444 قتال» و«جهاز الردع» في العاصمة "
        "الليبية طرابلس إلى 55 قتيلاً."
    )
    (attack,) = _attacks(text)
    assert (attack["actor"], attack["recipient"]) == (
        ["GROUP:اللواء 444 قتال"],
        ["GROUP:جهاز الردع"],
    )


def test_a_detention_alone_in_its_sentence_is_read():
    # no other cue in the sentence: the verb of detention wakes it
    text = (
        "اعتقلت قوة خاصة أمريكية القيادي في تنظيم القاعدة نزيه عبد الحميد الرقيعي أمام منزله "
        "في طرابلس."
    )
    (attack,) = _attacks(text)
    assert attack["attributes"]["means"] == "abduction"
    assert attack["actor"] == ["USA"]
    assert attack["recipient"][0].startswith("PERSON:")


def _actors(text: str) -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    for claim in extract(text, language="ar")["claims"]:
        found.setdefault(claim["type"], []).append(claim["actor"])
    return found


def test_blame_in_a_later_sentence_names_the_act_s_perpetrator() -> None:
    # an accuser the dictionaries lack between the verb and the accused
    text = (
        "أصيب ثلاثة عسكريين من الجيش اللبناني جراء انفجار عبوة ناسفة بآلية عسكرية في وادي "
        "حميد فجر اليوم. واتهم مصدر أمني مجموعة تابعة لـ«جبهة النصرة» بزرع العبوة."
    )
    assert _actors(text) == {"attack": [["HTS"]], "casualties": [["HTS"]]}
    # "نسب X الهجوم إلى Y": the accused after the إلى that follows the verb and its object
    text = (
        "قالت الحكومة إن ٧٩ مدنياً قُتلوا في هجوم شنّه مسلحون ليل السبت على بلدة سيتنغا. ونسب "
        "المتحدث باسم الحكومة ليونيل بيلغو الهجوم إلى تنظيم «الدولة الإسلامية»، قائلاً إنه جاء "
        "انتقاماً."
    )
    assert _actors(text)["casualties"] == [["ISIS"]]


def test_blame_for_acts_like_it_names_no_perpetrator_of_this_one() -> None:
    text = (
        "أصيب جنديان من الجيش السوري بانفجار عبوة ناسفة على طريق بلدة الحراك شرق درعا. ولم "
        "تتبنَّ أي جهة الهجوم، فيما تتهم فصائل محلية خلايا مرتبطة بتنظيم «الدولة الإسلامية» "
        "بتنفيذ عمليات مماثلة في المنطقة."
    )
    assert _actors(text)["attack"] == [[]]


def test_fire_returned_is_the_act_of_the_side_fired_at() -> None:
    text = (
        "Hamas fighters opened fire on an Israeli army patrol near Rafah on Tuesday. The "
        "soldiers returned fire, the army said."
    )
    acts = [(a["actor"], a["recipient"]) for a in _attacks(text, "en")]
    assert acts == [(["HAMAS"], ["IDF"]), (["IDF"], ["HAMAS"])]
    text = (
        "تعرضت دورية لقوات اليونيفيل لإطلاق نار من مسلحين من حزب الله قرب بلدة العديسة، وردت "
        "القوة على مصادر النيران."
    )
    acts = [(a["actor"], a["recipient"]) for a in _attacks(text)]
    assert acts == [(["HEZBOLLAH"], ["UNIFIL"]), (["UNIFIL"], ["HEZBOLLAH"])]


def test_the_source_that_closes_the_sentence_is_no_perpetrator() -> None:
    text = (
        "Two Chadian peacekeepers were killed when their vehicle struck a landmine near Aguelhok "
        "in northern Mali on Sunday, the UN mission MINUSMA said."
    )
    assert [a["actor"] for a in _attacks(text, "en")] == [[]]
    # a speaker before the act may claim it
    text = "Al-Shabaab said on Saturday it was behind the explosion on a plane over Mogadishu."
    assert [a["actor"] for a in _attacks(text, "en")] == [["AL-SHABAAB"]]


def test_an_army_named_with_a_nisba_the_dictionaries_lack_is_no_other_state_s() -> None:
    # Mali has no nisba (المالي is "financial"): its army by its full words
    text = "قال مسؤول إن طائرات مسيّرة تابعة للجيش المالي قصفت بلدة قرب الحدود الجزائرية."
    assert [a["actor"] for a in _attacks(text)] == [["MLI"]]
    text = "قصفت طائرات تابعة للجيش الأرتيري بلدة حدودية في ولاية كسلا شرق السودان."
    assert all("SDN" not in a["actor"] for a in _attacks(text))


def test_fire_returned_takes_the_means_named_right_after_it() -> None:
    text = (
        "قالت وزارة الدفاع التركية إن جنديين تركيين قُتلا بهجوم صاروخي شنّته جماعات متطرفة على "
        "موقع لقواتها في إدلب اليوم، وإن القوات ردّت بقصف مدفعي على مصادر النيران."
    )
    acts = [(a["actor"], a["attributes"]["means"]) for a in _attacks(text)]
    assert acts == [([], "artillery"), (["TUR"], "artillery")]


def test_one_of_a_nationality_wounded_is_a_victim_not_the_attacker() -> None:
    text = (
        "Gunmen killed three Russian military instructors and wounded a Central African soldier "
        "in an ambush on the road between Bambari and Ippy on Wednesday."
    )
    (attack,) = _attacks(text, "en")
    assert attack["actor"] == []
    assert set(attack["recipient"]) == {"RUS", "CAF"}


def test_the_coalition_s_arms_are_the_coalition_named_before() -> None:
    text = (
        "Yemen's Houthi movement accused the Saudi-led coalition on Monday of violating the "
        "truce, saying coalition artillery had shelled villages in Saada province on Sunday."
    )
    assert [a["actor"] for a in _attacks(text, "en")] == [["SAUDI-COALITION"]]


def test_an_army_that_tells_of_a_strike_killing_armed_men_tells_its_own() -> None:
    text = (
        "Burkina Faso's army said in a statement that air strikes had killed dozens of "
        "terrorists fleeing the area."
    )
    assert [a["actor"] for a in _attacks(text, "en")] == [["BFA"]]
    # not a strike on its own men
    text = "Burkina Faso's army said in a statement that air strikes had killed six civilians."
    assert [a["actor"] for a in _attacks(text, "en")] == [[]]
