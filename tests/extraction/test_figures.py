import pytest

from marsad.extraction.figures import find_numbers
from marsad.extraction.normalize import normalize


def read(text):
    norm = normalize(text).text
    return [(norm[n.start : n.end], n.low, n.best, n.high) for n in find_numbers(norm)]


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("قتل ١٢ فلسطينياً", 12),
        ("12,500 people", 12500),
        ("ثلاثة شهداء", 3),
        ("ثلاثة وعشرون شهيدا", 23),
        ("twenty-five killed", 25),
        ("two hundred and fifty", 250),
        ("خمسمئة شاحنة", 500),
        ("مئتي شاحنة", 200),
        ("خمسة آلاف جندي", 5000),
        ("20 ألف جندي", 20000),
        ("$50 million", 50_000_000),
        ("1.5 مليار دولار", 1_500_000_000),
        ("مقتل أحد عشر شخصاً", 11),
        ("إحدى عشرة امرأة", 11),
        ("ثلاثة عشر جندياً", 13),
    ],
)
def test_digits_in_any_script_and_number_words(text, best):
    assert read(text)[0][2] == best


def test_one_of_and_anyone_are_no_number():
    # "أحد" is a number only before "عشر": "أحد جنوده" is one of his soldiers, "لم يصب أحد"
    # is no one
    assert read("قتل أحد جنوده") == []
    assert read("لم يصب أحد بأذى") == []


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("عشرات الشهداء", 10),
        ("dozens of people", 12),
        ("مئات الفلسطينيين", 100),
        ("hundreds of Palestinians", 100),
        ("آلاف النازحين", 1000),
        ("tens of thousands", 10_000),
        ("عشرات الآلاف", 10_000),
    ],
)
def test_vague_words_follow_acled(text, best):
    assert read(text)[0][2] == best


@pytest.mark.parametrize(
    "text", ["between 20 and 30 dead", "ما بين 20 و30 شهيدا", "من 20 إلى 30 قتيلا", "20-30 killed"]
)
def test_ranges_keep_low_and_high(text):
    words, low, best, high = read(text)[0]
    assert (low, best, high) == (20, 20, 30)
    assert "20" in words
    assert "30" in words


def test_hours_and_points_are_not_figures():
    assert read("خلال 24 ساعة") == []
    assert read("a 20-point plan") == []


@pytest.mark.parametrize(
    ("text", "words", "reading"),
    [
        # a bare number is exact; the qualifier before it says how it is bounded
        ("قتل 12 فلسطينيا", "12", (12, 12, 12)),
        ("at least 25 killed", "at least 25", (25, 25, None)),
        ("more than 40 injured", "more than 40", (40, 40, None)),
        ("استشهد ما لا يقل عن 40 مواطنا", "ما لا يقل عن 40", (40, 40, None)),
        ("أصيب أكثر من 100 شخص", "اكثر من 100", (100, 100, None)),
        ("تجاوزت الحصيلة 45 شهيدا", "تجاوزت الحصيلة 45", None),
        ("about 300 trucks", "about 300", (None, 300, None)),
        ("أصيب نحو 100 آخرين", "نحو 100", (None, 100, None)),
        ("up to 20 people", "up to 20", (None, 20, 20)),
        ("ما يصل إلى 20 ألف جندي", "ما يصل الي 20 الف", (None, 20_000, 20_000)),
        ("dozens of trucks", "dozens", (None, 12, None)),
    ],
)
def test_qualifiers_bound_exact_numbers(text, words, reading):
    found = read(text)
    if reading is None:  # the qualifier must sit right before the number
        assert found[0][1:] == (45, 45, 45)
        return
    assert found[0] == (words, *reading)


def test_short_multipliers_only_after_a_dollar_sign():
    assert read("$12m in aid")[0][2] == 12_000_000
    assert read("$1.5bn")[0][2] == 1_500_000_000
    assert read("a 500m road")[0][2] == 500


def test_digits_glued_to_a_name_are_no_number():
    assert read("M23 rebels killed 12 people") == [("12", 12, 12, 12)]
    assert [r[2] for r in read("two F-16 jets and a Su-24")] == [2]
    assert [r[2] for r in read("متمردي حركة إم23")] == []
    assert [r[2] for r in read("٤ شهداء و١٣ إصابة")] == [4, 13]  # و is "and"


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون مقر الفيلق ٢٠٩ قرب مزار شريف",
        "قصفت قوات الدعم السريع مقر الفرقة 22 مشاة",
        "Israel violated resolution 1701",
        "John Smith, 45, was shot outside his home",
    ],
)
def test_units_texts_and_ages_are_no_figures(text):
    assert read(text) == []


def test_a_count_after_a_comma_is_still_a_count():
    assert [best for _, _, best, _ in read("the blast killed 7, police said; 5, 6 and 9 more")][
        :1
    ] == [7]
