"""Persons read from titles, given names and later surnames (persons.py)."""

from __future__ import annotations

from datetime import date

from marsad.extraction.extract import extract


def _persons(text: str, lang: str, published: date | None = None) -> dict[str, list[str]]:
    out = extract(text, language=lang, published=published)
    return {
        e["id"]: [text[a:b] for a, b in e["mentions"]]
        for e in out["entities"]
        if e["kind"] == "person"
    }


def test_an_arabic_title_introduces_a_name_past_the_office_words():
    found = _persons("قتل قائد فيلق القدس قاسم سليماني في ضربة جوية.", "ar")
    assert "PERSON:قاسم سليماني" in found


def test_compound_arabic_names_keep_their_parts():
    found = _persons("قتل عبد الغني الككلي قائد الجهاز، واستشهدت الصحفية شيرين أبو عاقلة.", "ar")
    assert "PERSON:عبد الغني الككلي" in found
    assert "PERSON:شيرين أبو عاقلة" in found


def test_a_verbal_noun_after_a_title_is_no_name():
    found = _persons("رفض متحدث باسم البيت الأبيض تأكيد توجيه الدعوة.", "ar")
    assert not [k for k in found if k.startswith("PERSON:")]


def test_the_object_after_a_name_is_no_part_of_it():
    found = _persons("ودان وزير الخارجية العراقي فؤاد حسين الهجوم.", "ar")
    assert "PERSON:فؤاد حسين" in found


def test_a_name_whose_alef_carries_hamza_is_no_article():
    # "ألبرت" is a name, "البعثة" a noun with its article
    found = _persons("ودان رئيس البعثة ألبرت كوندرز الاعتداء على الدورية.", "ar")
    assert "PERSON:ألبرت كوندرز" in found


def test_arabic_names_of_the_shape_of_a_verbal_noun_with_their_hamza():
    # "أفراح" has the shape of a verbal noun (إفراج) but its alef carries a hamza above
    found = _persons("اختطف مسلحون الصحفية العراقية أفراح شوقي من منزلها.", "ar")
    assert "PERSON:أفراح شوقي" in found
    found = _persons("ودان حاكم الولاية أوبا ساني الهجوم.", "ar")
    assert "PERSON:أوبا ساني" in found


def test_a_person_before_another_title_is_no_title_of_the_next():
    found = _persons("وطالب زعيم الجبهة بوتر ميتايير الرئيس جان برتران بالاستقالة.", "ar")
    assert "PERSON:بوتر ميتايير" in found


def test_a_surname_later_names_the_same_person():
    text = "أمر العميد سالم الورفلي قواته بالتقدم. وقال الورفلي إن قواته لن تتوقف."
    found = _persons(text, "ar")
    assert found["PERSON:سالم الورفلي"] == ["سالم الورفلي", "الورفلي"]


def test_english_titles_and_surnames():
    text = (
        "Intelligence chief Wissam al-Hassan was assassinated in Beirut. "
        "Hassan had led the investigation."
    )
    found = _persons(text, "en")
    assert found["PERSON:Wissam al-Hassan"] == ["Wissam al-Hassan", "Hassan"]


def test_a_lowercase_phrase_after_a_title_is_no_name():
    found = _persons("The minister said the talks would resume.", "en")
    assert not [k for k in found if k.startswith("PERSON:")]


def test_a_former_title_before_a_name_is_the_name_and_the_victim():
    text = "اغتيل رئيس الوزراء اللبناني الأسبق رفيق الحريري في انفجار سيارة مفخخة في بيروت."
    out = extract(text, language="ar", published=date(2005, 2, 14))
    attack = next(c for c in out["claims"] if c["type"] == "attack")
    assert attack["recipient"] == ["HARIRI-R"]
    assert "KARAMI" not in {e["id"] for e in out["entities"]}


def test_the_person_killed_or_kidnapped_is_the_target():
    out = extract("خطف مسلحون رئيس البلدية علي حسين من فندق في طرابلس.", language="ar")
    attack = next(c for c in out["claims"] if c["type"] == "attack")
    assert attack["recipient"] == ["PERSON:علي حسين"]
    out = extract(
        "Security analyst Hisham al-Hashimi was shot dead outside his home in Baghdad.",
        language="en",
    )
    attack = next(c for c in out["claims"] if c["type"] == "attack")
    assert attack["recipient"] == ["PERSON:Hisham al-Hashimi"]


def test_libyan_and_gulf_titles_resolve_by_date():
    text = "قال رئيس الوزراء الليبي إن الحكومة ستجري الانتخابات."
    assert "SARRAJ" in _persons(text, "ar", date(2018, 5, 1))
    assert "DBEIBAH" in _persons(text, "ar", date(2022, 5, 1))
    assert not _persons(text, "ar", date(2015, 5, 1))  # rival governments: the office stays
    assert "KHALIFA-ZAYED" in _persons("The UAE President met the envoy.", "en", date(2010, 1, 1))


def test_a_town_aimed_at_abroad_names_its_state_as_target():
    text = "أطلق الحوثيون طائرة مسيرة مفخخة باتجاه خميس مشيط."
    out = extract(text, language="ar", published=date(2021, 1, 1))
    attack = next(c for c in out["claims"] if c["type"] == "attack")
    assert attack["recipient"] == ["SAU"]


def test_capitalised_office_words_are_no_name():
    found = _persons("The spokesman said the Chief Executive Officer would resign.", "en")
    assert not [k for k in found if k.startswith("PERSON:")]


def test_a_name_after_a_title_and_its_constituency_or_a_verbal_noun_shape():
    # "أنطوان" has the shape of a verbal noun (انفعال); a bare surname after it makes it a name
    found = _persons("اغتيل النائب عن حزب الكتائب أنطوان غانم في انفجار سيارة مفخخة.", "ar")
    assert found["PERSON:أنطوان غانم"] == ["أنطوان غانم"]
    assert not _persons("أعلن الرئيس انسحاب القوات من المدينة.", "ar")
    assert not _persons("تحدث النائب عن الموضوع مطولا.", "ar")


def test_an_english_correspondent_is_a_title():
    found = _persons("BBC correspondent Alan Johnston was abducted by gunmen in Gaza.", "en")
    assert "PERSON:Alan Johnston" in found


def test_the_words_of_a_title_are_no_name():
    text = "دعا وكيل الأمين العام للشؤون الإنسانية في الأمم المتحدة توم فليتشر الجيش إلى هدنة."
    persons = [e["id"] for e in extract(text)["entities"] if e["kind"] == "person"]
    assert persons == ["TOM-FLETCHER"]


def test_an_english_name_told_by_the_role_beside_it():
    text = (
        "The army said it had killed Khalil Ibrahim, leader of the Justice and Equality Movement."
    )
    assert "PERSON:Khalil Ibrahim" in _persons(text, "en")
    text = "The mission's coordinator in Juba, Marta Ruedas, condemned the attack on the convoy."
    assert "PERSON:Marta Ruedas" in _persons(text, "en")
    text = "Gunmen kidnapped Margaret Hassan, the British-born director of CARE International."
    assert "PERSON:Margaret Hassan" in _persons(text, "en")
    # a list of places between commas is no name
    text = "The envoy visited Juba, Wau and Malakal on Monday."
    assert not [k for k in _persons(text, "en") if k.startswith("PERSON:")]


def test_a_long_title_with_its_post_leads_to_the_name_and_the_name_ends_before_its_object():
    text = (
        "ودعت الممثلة الخاصة للأمين العام للأمم المتحدة في العراق جينين هينيس-بلاسخارت "
        "السلطات إلى ضبط النفس."
    )
    assert "PERSON:جينين هينيس-بلاسخارت" in _persons(text, "ar", date(2020, 1, 1))
    (call,) = [c for c in extract(text, language="ar")["claims"] if c["type"] == "statement"]
    assert call["actor"] == ["PERSON:جينين هينيس-بلاسخارت"]
    text = (
        "دعا الممثل الخاص للأمين العام للأمم المتحدة في العراق مارتن كوبلر القادة العراقيين "
        "إلى ضبط النفس."
    )
    assert "PERSON:مارتن كوبلر" in _persons(text, "ar", date(2013, 1, 1))


def test_a_joiner_carries_a_name_on_past_two_words():
    text = "ودعا السفير السعودي لدى اليمن محمد آل جابر الأطراف إلى الحوار، فيما طالب محتجون برحيل "
    text += "حكومة أحمد عبيد بن دغر."
    persons = _persons(text, "ar")
    assert persons.get("PERSON:محمد آل جابر") == ["محمد آل جابر"], persons
    assert persons.get("PERSON:أحمد عبيد بن دغر") == ["أحمد عبيد بن دغر"], persons


def test_a_feminine_title_and_its_complements_after_a_preposition_introduce_a_name():
    found = _persons("ودانت المديرة التنفيذية لمنظمة اليونيسف كاثرين راسل الهجوم.", "ar")
    assert "PERSON:كاثرين راسل" in found
    found = _persons(
        "دعت ممثلته الخاصة المعنية بالعنف الجنسي مارغوت فالستروم إلى محاسبة الجناة.", "ar"
    )
    assert "PERSON:مارغوت فالستروم" in found
    found = _persons("ودانت منسقة الشؤون الإنسانية في جنوب السودان سارة نيانتي الهجوم.", "ar")
    assert "PERSON:سارة نيانتي" in found


def test_a_pope_is_named_by_one_name() -> None:
    out = extract(
        "ودان البابا فرنسيس «الاعتداء الإرهابي» على الكنيسة في بوركينا فاسو.", language="ar"
    )
    assert "PERSON:فرنسيس" in {e["id"] for e in out["entities"]}
    statements = [c for c in out["claims"] if c["type"] == "statement"]
    assert [s["actor"] for s in statements] == [["PERSON:فرنسيس"]]


def test_a_leader_after_the_words_of_leading_and_a_prosecutor_after_his_seat():
    found = _persons(
        "اتهمت «جبهة الخلاص الوطني» بزعامة توماس سيريلو قوات دفاع شعب جنوب السودان بشن هجوم.",
        "ar",
    )
    assert "PERSON:توماس سيريلو" in found
    found = _persons("بحسب ما أعلن المدعي العام في واهيغويا لامين كابوري، الذي فتح تحقيقاً.", "ar")
    assert "PERSON:لامين كابوري" in found
