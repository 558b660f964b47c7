"""Armed groups and bodies read from the words that name them (group_names.py)."""

from __future__ import annotations

from marsad.extraction.extract import extract


def _read(text: str) -> list[tuple[str, str]]:
    return [
        (e["id"], e["kind"])
        for e in extract(text)["entities"]
        if e["id"].startswith(("GROUP:", "ORG:"))
    ]


def test_an_arabic_group_is_read_after_its_noun_with_the_noun():
    assert _read("أعلنت جبهة تحرير أزواد سيطرتها على كيدال.") == [
        ("GROUP:جبهة تحرير أزواد", "armed_group")
    ]
    assert _read("احتجز مسلحون من كتيبة «شهداء الصحراء» عشرات الرهائن.") == [
        ("GROUP:كتيبة «شهداء الصحراء»", "armed_group")
    ]


def test_a_tribe_is_read_with_its_definite_name_or_its_kin_word():
    assert _read("هاجم شبان مسلحون من قبيلة المورلي قرى في مقاطعة دوك.") == [
        ("GROUP:قبيلة المورلي", "armed_group")
    ]
    assert _read("اندلعت اشتباكات بين عشيرة البو نمر ومسلحي تنظيم الدولة.") == [
        ("GROUP:عشيرة البو نمر", "armed_group")
    ]
    assert _read("قالت القبيلة إن أبناءها لن يسلموا السلاح.") == []


def test_adjectives_verbs_traffic_and_known_names_are_not_groups():
    assert _read("هاجمت جماعة مسلحة قرية في الشمال.") == []
    assert _read("قتل 32 شخصاً في اشتباكات بين ميليشيات متناحرة في طرابلس.") == []
    assert _read("قالت عصابة يتزعمها زعيم محلي إنها ستقاتل.") == []
    assert _read("أعيد فتح المعبر أمام حركة الأفراد في الاتجاهين.") == []
    assert _read("أعلن تحالف دولي بدء عملياته.") == []
    assert _read("قصفت مقاتلات إسرائيلية مواقع لحركة «حماس».") == []


def test_an_english_group_is_a_capitalised_name_with_or_before_its_noun():
    assert _read("Rebels of the Ras Kamboni Brigades seized the port.") == [
        ("GROUP:Ras Kamboni Brigades", "armed_group")
    ]
    assert _read("A drone struck a base of the Ashab al-Kahf militia.") == [
        ("GROUP:Ashab al-Kahf", "armed_group")
    ]
    assert _read("The International Crisis Group said the truce was fragile.") == [
        ("ORG:International Crisis Group", "organization")
    ]


def test_an_english_name_before_a_lower_case_noun_after_an_owner_or_a_backer():
    assert _read("The Kurdish-led forces blamed the Turkish-backed Sultan Murad faction.") == [
        ("GROUP:Sultan Murad", "armed_group")
    ]
    assert _read("The army drove the Anas al-Dabbashi brigade out of the city.") == [
        ("GROUP:Anas al-Dabbashi", "armed_group")
    ]
    assert _read("The premier blamed Aristide's Pitit Dessalines party for the violence.") == [
        ("ORG:Pitit Dessalines", "organization")
    ]
    # men of a militia need no article; "People's" is part of a name with its own noun
    assert _read("M23 fighters had attacked Raia Mutomboki militiamen in several villages.") == [
        ("GROUP:Raia Mutomboki", "armed_group")
    ]
    assert _read("The opposition People's Democratic Party called for an inquiry.") == [
        ("ORG:People's Democratic Party", "organization")
    ]
    assert _read("Shiite militiamen and Sunni militiamen clashed in Baghdad.") == []


def test_descriptions_are_not_english_groups():
    assert _read("Armed Forces of the Philippines said the convoy was hit.") == []
    assert _read("Fighters of the Islamist group attacked a village.") == []
    assert _read("Soldiers of the Golani Brigade raided the camp.") == []  # the IDF's


def test_a_council_or_committee_is_read_with_its_definite_words():
    def bodies(text: str) -> list[str]:
        return [e["id"] for e in extract(text)["entities"] if e["id"].startswith("BODY:")]

    assert bodies("أعلن المجلس العسكري الانتقالي في السودان حل الحكومة.") == [
        "BODY:المجلس العسكري الانتقالي"
    ]
    assert bodies("قالت لجنة الإشراف الخماسية إن الخروقات مستمرة.") == [
        "BODY:لجنة الإشراف الخماسية"
    ]
    assert bodies("شكلت الحكومة لجنة تحقيق في الحادث.") == []  # a committee, not a name
    assert bodies("أكد المجلس الجديد أن اجتماعه المقبل في القاهرة.") == []
    assert [
        (e["id"], e["kind"]) for e in extract("The Gush Etzion Regional Council said.")["entities"]
    ] == [("BODY:Gush Etzion Regional Council", "body")]


def test_a_body_in_construct_and_with_its_state_but_not_its_demonym():
    def ids(text: str) -> list[str]:
        return [e["id"] for e in extract(text)["entities"]]

    assert ids("أكدت مفوضية حقوق الإنسان أن الوضع خطير.") == ["BODY:مفوضية حقوق الإنسان"]
    assert "BODY:لجنة أطباء السودان" in ids("اتهمت لجنة أطباء السودان قوات الدعم السريع.")
    # the demonym stays the state's: the parliament of Lebanon speaks for Lebanon too
    assert ids("أقر مجلس النواب اللبناني القانون.") == ["BODY:مجلس النواب", "LBN"]


def test_services_and_guards_are_read_with_their_definite_words():
    for text, name in (
        ("أعلن جهاز مكافحة الإرهاب أن مسلحي داعش شنوا هجمات.", "BODY:جهاز مكافحة الإرهاب"),
        ("اقتحمت قوات الحرس الجمهوري ساحة الحرية.", "BODY:الحرس الجمهوري"),
    ):
        assert name in {e["id"] for e in extract(text, language="ar")["entities"]}
    # a device is no service
    assert extract("عثر على جهاز تفجير في السيارة.", language="ar")["entities"] == []


def test_a_body_s_name_ends_before_the_object_of_its_verb():
    out = extract("ونفى المجلس العسكري المسؤولية عن إطلاق النار على المتظاهرين.", language="ar")
    assert "BODY:المجلس العسكري" in {e["id"] for e in out["entities"]}


def test_a_group_named_in_quotes_as_claiming_an_act_is_its_perpetrator():
    text = (
        "أعلنت «المقاومة الإسلامية في العراق» مسؤوليتها عن هجوم بصواريخ استهدف قاعدة عين "
        "الأسد الجوية في محافظة الأنبار."
    )
    (attack,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["GROUP:المقاومة الإسلامية في العراق"]
    text = "تبنت «سرايا الأشتر» التفجير الذي استهدف حافلة للشرطة في المنامة."
    (attack,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]
    assert attack["actor"] == ["GROUP:سرايا الأشتر"]
    # a name the dictionaries know stays theirs
    assert "HAMAS" in {e["id"] for e in extract("وتبنت «حماس» الهجوم.", language="ar")["entities"]}


def test_a_ministry_of_no_named_state_is_named_but_no_party():
    out = extract("وقالت وزارة الداخلية إن مسلحين هاجموا حاجزاً للشرطة في بغداد.", language="ar")
    entities = {e["id"]: e for e in out["entities"]}
    assert entities["BODY:وزارة الداخلية"]["kind"] == "body"
    assert all("BODY:وزارة الداخلية" not in c["actor"] for c in out["claims"])
    # with its state's adjective the ministry is the state's: no entity of its own
    out = extract("وأعلنت وزارة الخارجية السورية رفضها للقرار.", language="ar")
    assert not [e for e in out["entities"] if e["id"].startswith("BODY:")]
