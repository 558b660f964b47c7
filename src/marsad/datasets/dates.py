"""Dates as the real files write them: ISO, ACLED's `6-Jun-25`, COGAT's `25 Feb 2024` and
`2 Sept 2024`. Written out by hand so that a file's reading never depends on the locale."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/]+([A-Za-z]+)\.?[\s\-/,]+(\d{4}|\d{2})$")


def parse_date(text: str) -> date:
    """Read `2025-06-06`, `6-Jun-25`, `25 Feb 2024`, `2 Sept 2024` or `6 June 2025`.

    Two-digit years are 20xx below 70 and 19xx from 70: ACLED's coverage starts in 1997.
    Raises ValueError for anything else, including impossible days such as `31 Feb 2024`.
    """
    value = text.strip()
    iso = _ISO.match(value)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return date(year, month, day)
    match = _DAY_MONTH_YEAR.match(value)
    if not match:
        raise ValueError(f"{text!r} is not a date")
    day_text, month_text, year_text = match.groups()
    month_number = MONTHS.get(month_text.lower())
    if month_number is None:
        raise ValueError(f"{month_text!r} is not a month")
    year_number = int(year_text)
    if len(year_text) == 2:
        year_number += 2000 if year_number < 70 else 1900
    return date(year_number, month_number, int(day_text))


def parse_datetime(text: str) -> datetime:
    """Read an ISO date and time such as `2024-09-10T14:31:37`."""
    return datetime.fromisoformat(text.strip())
