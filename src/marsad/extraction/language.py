"""Language of a text, from the share of Arabic and Latin letters in it."""

from __future__ import annotations


def _is_arabic(ch: str) -> bool:
    code = ord(ch)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ar', 'en' or 'other'. Arabic wins when it holds at least 30% of the letters, because
    Arabic reports quote Latin names and acronyms freely."""
    arabic = latin = other = 0
    for ch in text[:sample]:
        if not ch.isalpha():
            continue
        if _is_arabic(ch):
            arabic += 1
        elif ch.isascii():
            latin += 1
        else:
            other += 1
    letters = arabic + latin + other
    if not letters:
        return "other"
    if arabic / letters >= 0.3:
        return "ar"
    if latin / letters >= 0.5:
        return "en"
    return "other"
