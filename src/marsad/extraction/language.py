"""Language of a text, from the share of Arabic and Latin letters in it."""

from __future__ import annotations

import re

# Letters only (no digits, no underscore, no marks), then the Arabic and the ASCII ones among
# them; counted with subn so that the work stays in C even on long samples.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]")
_LATIN = re.compile("[A-Za-z]")


def _is_arabic(ch: str) -> bool:
    code = ord(ch)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ar', 'en' or 'other'. Arabic wins when it holds at least 30% of the letters, because
    Arabic reports quote Latin names and acronyms freely."""
    letters_only = _NOT_LETTER.sub("", text[:sample])
    # \\w also takes numerals such as "½" that are not letters; drop them as isalpha does
    if not letters_only.isalpha():
        letters_only = "".join(ch for ch in letters_only if ch.isalpha())
    letters = len(letters_only)
    if not letters:
        return "other"
    arabic = _ARABIC.subn("", letters_only)[1]
    latin = _LATIN.subn("", letters_only)[1]
    if arabic / letters >= 0.3:
        return "ar"
    if latin / letters >= 0.5:
        return "en"
    return "other"
