"""Places read after the noun that introduces them (place_names.py), on real Arabic sentences."""

from __future__ import annotations

import pytest

from marsad.extraction.extract import extract


def _places(text: str) -> dict[str, list[str]]:
    out = extract(text, language="ar")
    return {
        e["id"]: [text[a:b] for a, b in e["mentions"]]
        for e in out["entities"]
        if e["kind"] == "place"
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل ثلاثة عمال في غارة على بلدة القاع البقاعية أمس.", "القاع"),
        ("انفجرت سيارة مفخخة في منطقة سن الفيل شرق بيروت.", "سن الفيل"),
        ("اقتحمت القوات مخيم زمزم للنازحين جنوب الفاشر.", "زمزم"),
        ("اغتيل القيادي بانفجار في حي كفرسوسة بدمشق.", "كفرسوسة"),
        ("هاجم مسلحون قاعدة في بلدة حلقان بإقليم هيران.", "حلقان"),
        ("اشتبك الجنود مع مسلحين في حي بيل إير بالعاصمة.", "بيل إير"),
        ("قتل أربعة جنود في مديرية حرف سفيان بمحافظة عمران.", "حرف سفيان"),
        # the noun is part of these names
        ("تسلل مسلحون إلى جبل الدخان داخل الأراضي السعودية.", "جبل الدخان"),
        ("استهدفت غارة مصنعاً في منطقة وادي الربيع جنوب طرابلس.", "وادي الربيع"),
        ("واصل المحتجون اعتصامهم في ساحة العروض بمدينة عدن.", "ساحة العروض"),
    ],
)
def test_a_place_named_after_its_noun_is_an_entity(text: str, name: str) -> None:
    places = _places(text)
    assert f"PLACE:{name}" in places, places
    assert places[f"PLACE:{name}"] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "هرع المسعفون إلى منطقة الحرب بعد القصف.",
        "أعلن الجيش المنطقة منطقة عسكرية مغلقة.",
        "يسكن العمال في حي سكني مكتظ.",
        "أقيم مخيم للنازحين قرب الحدود.",
        "تقدمت القوات في منطقة الشمال أمس.",
        "وصلت التعزيزات إلى مدينة تحت الأرض.",
    ],
)
def test_words_after_a_place_noun_that_name_nothing_are_no_place(text: str) -> None:
    assert not [p for p in _places(text) if p.startswith("PLACE:")]


def test_a_dual_names_the_two_places_joined_by_and() -> None:
    places = _places(
        "سيطرت القوات على مدينتي صبراتة وصرمان، واشتبك مسلحون في منطقتي باب التبانة وجبل محسن."
    )
    for name in ("صبراتة", "صرمان", "باب التبانة", "جبل محسن"):
        assert places.get(f"PLACE:{name}") == [name], places


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen attacked the southern Somali town of Ras Kamboni on Monday.", "Ras Kamboni"),
        ("A car bomb exploded in Baghdad's Karrada district, killing 30.", "Karrada"),
        ("A drone strike on the Makhmour refugee camp killed three people.", "Makhmour"),
        ("Coalition aircraft struck forces near Khasham overnight.", "Khasham"),
        # after "in" or "at", when the words end as a place's name does
        ("Gunmen stormed a police station in Sortony, the governor said.", "Sortony"),
        ("Two soldiers were killed at Ber Dege on Friday.", "Ber Dege"),
        # before nouns of place of any size
        ("Fighting spread across Jonglei state and Kapoeta region.", "Kapoeta"),
        ("Protesters filled Habib Bourguiba Street and marched on.", "Habib Bourguiba"),
        ("A rocket hit the Kamal Adwan hospital gate.", "Kamal Adwan"),
        ("Gunmen stormed the Sahafi hotel in Mogadishu.", "Sahafi"),
        # the second of a pair
        ("Rebels shelled the towns of Nubl and Zahraa on Monday.", "Zahraa"),
        ("Clashes broke out in Tawergha and Bani Walid overnight.", "Tawergha"),
    ],
)
def test_an_english_place_named_beside_its_noun_is_an_entity(text: str, name: str) -> None:
    out = extract(text, language="en")
    places = {e["id"] for e in out["entities"] if e["kind"] == "place"}
    assert f"PLACE:{name}" in places, places


@pytest.mark.parametrize(
    "text",
    [
        "Clashes erupted near Monday's meeting in the capital.",
        "The Army base was hit by rockets.",
        "Talks were held near the end of January.",
        # after "in" or "at": what does not end as a place, and words that are no place
        "Members in Congress voted against the bill.",
        "The statement was read in English and in Arabic.",
        "Reporters at Reuters Television saw the convoy.",
        "A bomb exploded outside a Catholic church and a Coptic church.",
    ],
)
def test_english_words_beside_a_noun_of_place_that_name_nothing(text: str) -> None:
    out = extract(text, language="en")
    assert not [e for e in out["entities"] if e["id"].startswith("PLACE:")]


def test_a_name_the_dictionary_knows_is_not_read_again() -> None:
    places = _places("قصفت الطائرات مدينة غزة وبلدة بيت لاهيا واشتبكوا في حي سيتي سولاي.")
    assert not [p for p in places if p.startswith("PLACE:")], places
    assert places["REGION-CITE-SOLEIL"] == ["سيتي سولاي"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قصفت مسيرة مخزناً في قاعدة التاجي الجوية ليل أمس.", "التاجي"),
        ("أغلق الجيش حاجز زعترة جنوب نابلس بالمكعبات الإسمنتية.", "زعترة"),
        ("نقل المعتقلون إلى سجن صيدنايا قرب دمشق.", "صيدنايا"),
        ("استهدف صاروخ حقل خورمالة النفطي غرب أربيل.", "خورمالة"),
    ],
)
def test_a_facility_named_after_its_noun_is_a_place(text: str, name: str) -> None:
    places = _places(text)
    assert places.get(f"PLACE:{name}") == [name], places


@pytest.mark.parametrize(
    "text",
    [
        "أقام الجيش حاجزاً أمنياً عند مدخل البلدة وحاجز تفتيش آخر.",
        "نقل الجرحى إلى مستشفى ميداني قرب الحدود.",
        "قصفت الطائرات حقل الغاز ومعسكر تدريب للمسلحين.",
        "هاجم مسلحون قاعدة لبعثة حفظ السلام وسجن النساء.",
        "أعلن الجيش أن قاعدة عسكرية تعرضت لهجوم وأن مطار دولي أغلق.",
    ],
)
def test_words_that_describe_a_facility_are_no_place(text: str) -> None:
    assert not [p for p in _places(text) if p.startswith("PLACE:")]


def test_a_seat_of_power_named_by_what_it_is_is_a_place():
    places = _places("حاول المتظاهرون الوصول إلى القصر الرئاسي ثم اعتصموا أمام السراي الحكومي.")
    assert places.get("PLACE:القصر الرئاسي") == ["القصر الرئاسي"], places
    assert places.get("PLACE:السراي الحكومي") == ["السراي الحكومي"], places
