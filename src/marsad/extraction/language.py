"""Language of a text, from the share of Arabic and Latin letters in it."""

from __future__ import annotations

import re

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFEFF))
# The letters of the Arabic blocks only (no digits, marks or punctuation), so that they can be
# counted on the raw text; runs rather than single letters keep the count inside the regex.
_ARABIC_LETTERS = "".join(
    ch for low, high in _ARABIC_BLOCKS for ch in map(chr, range(low, high + 1)) if ch.isalpha()
)
_ARABIC = re.compile(f"[{_ARABIC_LETTERS}]+")
_LATIN = re.compile("[A-Za-z]+")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ar', 'en' or 'other'. Arabic wins when it holds at least 30% of the letters, because
    Arabic reports quote Latin names and acronyms freely."""
    head = text[:sample]
    if head.isascii():
        # every letter is a Latin one: English as soon as there is a letter
        return "en" if _LATIN.search(head) else "other"
    arabic = _count(_ARABIC, head)
    if arabic / len(head) >= 0.3:
        return "ar"  # a share of all the characters: of the letters alone it is larger still
    if not arabic and _surely_latin(head):
        return "en"
    letters = sum(map(str.isalpha, head))
    if not letters:
        return "other"
    if arabic / letters >= 0.3:
        return "ar"
    if _count(_LATIN, head) / letters >= 0.5:
        return "en"
    return "other"


def _surely_latin(text: str) -> bool:
    """Whether Latin letters are at least half of the letters of a text with no Arabic one,
    without testing every character in Python: all its other letters are non-ASCII, so when
    the Latin letters are at least as many as the non-ASCII characters (curly quotes, dashes,
    an accent), they are half of the letters or more."""
    latin = _count(_LATIN, text)
    return latin > 0 and latin >= len(text) - len(text.encode("ascii", "ignore"))
