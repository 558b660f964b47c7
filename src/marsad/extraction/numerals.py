"""Numbers written in any digit script: Latin, Arabic-Indic (٠-٩) and Eastern Arabic (۰-۹).

Input is normalised to integers; display can go back to either script.
"""

from __future__ import annotations

from typing import Any

_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_EASTERN_ARABIC = "۰۱۲۳۴۵۶۷۸۹"
_TO_LATIN = str.maketrans(
    {
        **{c: str(i) for i, c in enumerate(_ARABIC_INDIC)},
        **{c: str(i) for i, c in enumerate(_EASTERN_ARABIC)},
    }
)
_TO_ARABIC = str.maketrans({str(i): c for i, c in enumerate(_ARABIC_INDIC)})
# Thousands separators that may sit between digits: Arabic (U+066C), comma, spaces, apostrophe.
_GROUPING = "\u066c,\u00a0\u202f '"
_MINUS = "-\u2212"
# The whole numbers a database column holds: 64-bit, SQLite's INTEGER and PostgreSQL's bigint.
# Beyond them a number can be no id, count or figure, and the database would fail on it.
SMALLEST_INT, LARGEST_INT = -(2**63), 2**63 - 1
BEYOND_RANGE = "lies beyond the whole numbers a database stores (-2^63 to 2^63-1)"


def storable(number: int) -> bool:
    """True when a database column can hold the whole number."""
    return SMALLEST_INT <= number <= LARGEST_INT


def to_latin_digits(text: str) -> str:
    """Replace Arabic-Indic and Eastern Arabic digits with Latin ones."""
    return text.translate(_TO_LATIN)


def to_arabic_digits(text: str) -> str:
    """Replace Latin digits with Arabic-Indic ones (for display in Arabic)."""
    return text.translate(_TO_ARABIC)


def parse_int(value: Any) -> int:
    """Read an integer from an int or a string in any digit script, with grouping separators.

    Raises ValueError with a message that says what was wrong.
    """
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true/false")
    if isinstance(value, int):
        return _storable(value)
    if isinstance(value, float):
        if value.is_integer():
            return _storable(int(value))
        raise ValueError("must be a whole number")
    if not isinstance(value, str):
        raise ValueError("must be a whole number")
    text = to_latin_digits(value.strip())
    sign = 1
    if text and text[0] in _MINUS:
        sign, text = -1, text[1:]
    digits = "".join(ch for ch in text if ch not in _GROUPING)
    if not digits or not digits.isascii() or not digits.isdigit():
        raise ValueError("must be a whole number written with digits")
    if any(ch in _GROUPING for ch in text) and not _grouped_correctly(text):
        raise ValueError("has misplaced thousands separators")
    return _storable(sign * int(digits))


def _storable(number: int) -> int:
    if not storable(number):
        raise ValueError(BEYOND_RANGE)
    return number


def _grouped_correctly(text: str) -> bool:
    """'1,234,567' is a grouped number; '1,23' is not (it may be a decimal comma)."""
    groups = [g for g in "".join(" " if ch in _GROUPING else ch for ch in text).split(" ")]
    if any(not g for g in groups):
        return False
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
