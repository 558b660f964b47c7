from datetime import date

import pytest

from marsad.extraction.dates import find_dates
from marsad.extraction.normalize import normalize

PUBLISHED = date(2025, 11, 20)  # a Thursday


def first(text, published=PUBLISHED):
    norm = normalize(text).text
    found = find_dates(norm, published)
    return (found[0].date, found[0].precision) if found else None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("في 10 تشرين الأول 2025", ("2025-10-10", "day")),
        ("منذ أيلول 2025", ("2025-09-01", "month")),
        ("في كانون الثاني", ("2025-01-01", "month")),
        ("يوم 3 آب 2025", ("2025-08-03", "day")),
        ("في 10 تشرين الأول/أكتوبر 2025", ("2025-10-10", "day")),
        ("في 20 نوفمبر 2025", ("2025-11-20", "day")),
        ("في 3 ديسمبر", ("2024-12-03", "day")),
        ("on October 10, 2025", ("2025-10-10", "day")),
        ("on 10 October", ("2025-10-10", "day")),
        ("in 2024", ("2024-01-01", "year")),
        ("عام 2023", ("2023-01-01", "year")),
    ],
)
def test_month_names_and_years(text, wanted):
    assert first(text) == wanted


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("قصف فجر اليوم", "2025-11-20"),
        ("أمس", "2025-11-19"),
        ("أول أمس", "2025-11-18"),
        ("yesterday", "2025-11-19"),
        ("on Tuesday", "2025-11-18"),
        ("يوم الثلاثاء", "2025-11-18"),
        ("الخميس الماضي", "2025-11-13"),
        ("الأحد الماضي", "2025-11-16"),
    ],
)
def test_relative_days_count_from_the_published_date(text, day):
    assert first(text) == (day, "day")


def test_relative_days_need_a_published_date():
    assert first("أمس", published=None) is None
    assert first("في 3 ديسمبر", published=None) is None
    assert first("في 3 ديسمبر 2025", published=None) == ("2025-12-03", "day")


def test_common_words_are_not_dates():
    assert first("اليوم التالي للحرب") is None
    assert first("it may happen") is None
    assert first("أب لثلاثة أطفال") is None
