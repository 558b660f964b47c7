"""Names in quotes after the noun of what they name (quoted_names.py), on Arabic sentences."""

from __future__ import annotations

import pytest

from marsad.extraction.extract import extract


def _read(text: str) -> dict[str, tuple[str, list[str]]]:
    out = extract(text, language="ar")
    return {e["id"]: (e["kind"], [text[a:b] for a, b in e["mentions"]]) for e in out["entities"]}


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("أطلق مقاتلون صواريخ على ثكنة «راموت نفتالي» فجر اليوم.", "PLACE:راموت نفتالي", "place"),
        ("هدم المستوطنون البؤرة الاستيطانية «جفعات هرئيل».", "PLACE:جفعات هرئيل", "place"),
        ("فرّ عشرات من مركز احتجاز «تاجوراء» بعد القصف.", "PLACE:تاجوراء", "place"),
        ("نشرت وكالة «ناشر نيوز» صوراً للهجوم.", "MEDIA:ناشر نيوز", "media"),
        ("دعت حملة «بدنا نحاسب» إلى اعتصام أمام البرلمان.", "ORG:بدنا نحاسب", "organization"),
        ("قصفت الطائرات مواقع لقوة «النخبة» قرب الحدود.", "GROUP:النخبة", "armed_group"),
    ],
)
def test_a_name_quoted_after_its_noun_is_an_entity(text: str, entity: str, kind: str) -> None:
    read = _read(text)
    name = entity.partition(":")[2]
    assert read.get(entity) == (kind, [name]), read


def test_a_second_quoted_name_joined_by_and_takes_the_first_ones_kind() -> None:
    read = _read("اندلعت اشتباكات بين الجيش وكتائب مسلحة قرب ثكنة «الفرسان» و«البيداء» أمس.")
    assert read.get("PLACE:الفرسان") == ("place", ["الفرسان"]), read
    assert read.get("PLACE:البيداء") == ("place", ["البيداء"]), read


@pytest.mark.parametrize(
    "text",
    [
        # a speaker's words in quotes, not a name
        "وصف الوزير الغارة بأنها «عدوان سافر» على السيادة.",
        "قال المتحدث إن الجيش رد على «مصادر النيران» في المنطقة.",
        # more than five words in quotes after a noun: a slogan, not a name
        "رفعت حملة «لا للحرب ولا للجوع ولا للحصار بعد اليوم» لافتات.",
    ],
)
def test_quotes_that_name_nothing_are_no_entity(text: str) -> None:
    read = _read(text)
    assert not [e for e in read if e.split(":")[0] in ("PLACE", "ORG", "MEDIA", "GROUP")], read


def test_a_name_the_dictionary_knows_is_not_read_again() -> None:
    read = _read("أعلنت حركة «حماس» أن قناة «الجزيرة» نقلت البيان.")
    assert not [e for e in read if e.startswith(("ORG:", "MEDIA:"))], read
    assert "HAMAS" in read
    assert "ALJAZEERA" in read


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("قُتل 78 مقاتلاً من «فيلق الرحمن» في غارات جوية.", "GROUP:فيلق الرحمن", "armed_group"),
        (
            "اتهم مصدر أمني عناصر من «الحراك التهامي» بالهجوم.",
            "GROUP:الحراك التهامي",
            "armed_group",
        ),
        (
            "وقالت «لجنة المقاومة الشعبية» إن الفعاليات ستتواصل.",
            "ORG:لجنة المقاومة الشعبية",
            "organization",
        ),
        # a place inside is part of the name, and a name read in part yields to the quotes
        (
            "اشتبك «اللواء السابع» مع «كتيبة ثوار طرابلس» جنوب العاصمة.",
            "GROUP:كتيبة ثوار طرابلس",
            "armed_group",
        ),
    ],
)
def test_a_quoted_name_that_opens_with_its_noun_is_an_entity(
    text: str, entity: str, kind: str
) -> None:
    read = _read(text)
    assert read.get(entity) == (kind, [entity.partition(":")[2]]), read


def test_quotes_around_a_known_name_or_another_name_add_no_entity() -> None:
    assert "HAMAS" in _read("أعلنت «حركة حماس» أنها قصفت تل أبيب.")
    assert not [k for k in _read("أعلنت «حركة حماس» أنها قصفت تل أبيب.") if k.startswith("GROUP:")]
    read = _read("سيطر مسلحون من «جبهة المقاومة الثورية»، المعروفة باسم «جيش أكلة لحوم البشر».")
    assert "GROUP:جبهة المقاومة الثورية" in read
    assert not [k for k in read if "أكلة" in k]
