"""Dates in a normalized text, with their precision, relative to the document's date.

Candidate spans are found with one regular expression (month names in English, Modern Standard
Arabic and the Levantine calendar, years after a year word, relative days), and each span is
read here from the groups of that expression. (dateparser once read the month-name spans: on the
gold set and the FigNews posts it never gave another date than this reading, at 13 ms a span; it
is no longer a dependency.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from marsad.extraction.normalize import fold

_MONTHS = {
    # English, with abbreviations
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # Modern Standard Arabic (Egypt and the Gulf)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
# The Syriac month names used in the Levant and Iraq; dateparser does not read them.
LEVANTINE = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
MONTH_NUMBER = {fold(k): v for k, v in {**_MONTHS, **LEVANTINE}.items()}
_LEVANTINE_FOLDED = {fold(k) for k in LEVANTINE}
# Month names that are also common words need a day or a year beside them.
_AMBIGUOUS = {"may", "mar", "jan", "dec", "اب"}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}  # fmt: skip
_WEEKDAY_NUMBER = {fold(k): v for k, v in _WEEKDAYS.items()}
_RELATIVE = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "this morning": 0, "last night": -1,
    "tonight": 0, "earlier today": 0, "the day before yesterday": -2,
    "أمس": -1, "الأمس": -1, "أول أمس": -2, "أول من أمس": -2, "اليوم": 0, "فجر اليوم": 0,
    "صباح اليوم": 0, "مساء اليوم": 0, "ظهر اليوم": 0, "ليلة أمس": -1, "مساء أمس": -1,
    "صباح أمس": -1, "فجر أمس": -1, "ليل أمس": -1, "غدا": 1, "غداً": 1,
}  # fmt: skip
_RELATIVE_DAYS = {fold(k): v for k, v in _RELATIVE.items()}


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_RE = _alternation(MONTH_NUMBER)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SECOND_MONTH = rf"(?:\s*[/(]\s*(?:{_MONTH_RE})\s*\)?)?"
_YEAR_WORDS = "in|عام|العام|سنه|خلال عام|of"
_WEEKDAY_LEAD = r"on\s+|last\s+|يوم\s+"
# A date starts a word with a digit or with the first letter of one of these words. Checking
# that first lets the regex pass over every other position without trying its alternatives.
_LEADS = [*MONTH_NUMBER, *_YEAR_WORDS.split("|"), *_RELATIVE_DAYS]
_LEADS += [*_WEEKDAY_LEAD.split("|"), *_WEEKDAY_NUMBER]
_FIRST = re.escape("".join(sorted({word[0] for word in _LEADS})))
_DATE_RE = re.compile(
    rf"(?<!\w)(?=[\d{_FIRST}])(?:"
    rf"(?:{_DAY}\s+(?:of\s+)?)?(?P<month>{_MONTH_RE})\.?{_SECOND_MONTH}"
    rf"(?:\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?:(?:عام|سنه)\s+)?{_YEAR})?(?!\w)"
    rf"|(?:{_YEAR_WORDS})\s+{_YEAR.replace('year', 'only_year')}(?!\w)"
    rf"|(?P<rel>{_alternation(_RELATIVE_DAYS)})(?!\w)"
    rf"|(?:{_WEEKDAY_LEAD})?(?P<weekday>{_alternation(_WEEKDAY_NUMBER)})"
    rf"(?P<last>\s+الماضي)?(?!\w))"
)
_EXCLUDED_AFTER = ("التالي",)


@dataclass(frozen=True)
class FoundDate:
    """A date in the text: normalized [start, end), ISO date and precision."""

    start: int
    end: int
    date: str
    precision: str


def _past_year(month: int, day: int, base: date) -> int:
    return base.year if (month, day) <= (base.month, base.day) else base.year - 1


def _month_date(match: re.Match[str], published: date | None) -> FoundDate | None:
    month_word = match.group("month")
    month = MONTH_NUMBER[month_word]
    day_text = match.group("day") or match.group("day2")
    year_text = match.group("year")
    if month_word in _AMBIGUOUS and not (day_text or year_text):
        return None
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(year_text) if year_text else None
    if year is None:
        if published is None:
            return None
        year = _past_year(month, day or 1, published)
    try:
        found = date(year, month, day or 1)
    except ValueError:
        return None
    return FoundDate(match.start(), match.end(), found.isoformat(), "day" if day else "month")


def _weekday_date(match: re.Match[str], published: date) -> FoundDate:
    weekday = _WEEKDAY_NUMBER[match.group("weekday")]
    back = (published.weekday() - weekday) % 7
    if back == 0 and (match.group("last") or match.group(0).startswith("last")):
        back = 7
    found = published - timedelta(days=back)
    return FoundDate(match.start(), match.end(), found.isoformat(), "day")


def find_dates(
    text: str, published: date | None, start: int = 0, end: int | None = None
) -> list[FoundDate]:
    """The dates of text[start:end]; relative ones only when the published date is known."""
    found: list[FoundDate] = []
    for match in _DATE_RE.finditer(text, start, len(text) if end is None else end):
        if match.group("month"):
            item = _month_date(match, published)
        elif match.group("only_year"):
            year = match.group("only_year")
            item = FoundDate(match.start(), match.end(), f"{year}-01-01", "year")
        elif match.group("rel"):
            if published is None or text.startswith(_EXCLUDED_AFTER, match.end() + 1):
                continue
            offset = _RELATIVE_DAYS[match.group("rel")]
            day = published + timedelta(days=offset)
            item = FoundDate(match.start(), match.end(), day.isoformat(), "day")
        else:
            item = _weekday_date(match, published) if published else None
        if item is not None:
            found.append(item)
    return found
