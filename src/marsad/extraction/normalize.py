"""Normalization for matching, with a map from normalized offsets back to the original text.

Every change is either one character for one character (alef forms, digits, case) or a
deletion (diacritics, tatweel), so the map is a short list of the places where characters were
dropped, not one integer per character: a text of several megabytes costs a few kilobytes more.
Compatibility characters (Arabic presentation forms such as ﺇﺳﺮﺍﺋﻴﻞ, the ligature ﻻ, full-width
digits) are first read through NFKC one at a time, so a ligature may stand for two letters; the
map then also records where the normalized text runs ahead of the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

# Tashkeel (fathatan .. sukun), superscript alef, small high marks used in print, and tatweel.
_DROPPED = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
_DROPPED += "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
_DROPPED += "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed\u200c\u200d\u200e\u200f\u00ad"
_DROPPED_RE = re.compile("[" + _DROPPED + "]+")

_ONE_FOR_ONE = {
    # alef forms, hamza carriers, alef maqsura, ta marbuta
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ه",
    "ی": "ي",  # Persian yeh, common in pasted text
    "ک": "ك",  # Persian keheh
    # separators: Arabic comma, decimal and thousands signs, semicolon, question mark
    "،": ",",
    "٫": ".",
    "٬": ",",
    "؛": ";",
    "؟": "?",
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "«": '"',
    "»": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\t": " ",
}
_ONE_FOR_ONE.update({chr(0x0660 + i): str(i) for i in range(10)})
_ONE_FOR_ONE.update({chr(0x06F0 + i): str(i) for i in range(10)})
_TABLE: dict[int, int | None] = {ord(k): ord(v) for k, v in _ONE_FOR_ONE.items()}
_TABLE.update({ord(ch): None for ch in _DROPPED})
# The same table as a list indexed by code point: str.translate raises and clears a KeyError for
# every character a dict lacks, which is most of them; a list answers them all up to its end.
_TABLE_LIST: list[int | None] = [_TABLE.get(code, code) for code in range(max(_TABLE) + 1)]

# Arabic presentation forms A and B, half- and full-width forms, Latin ligatures: what NFKC
# rewrites in the texts met in practice. Other code points are left alone (NFKC would also fold
# e.g. superscripts, which carry meaning in footnotes).
_COMPAT_RE = re.compile("[\ufb00-\ufb4f\ufb50-\ufdff\ufe70-\ufeff\uff00-\uffef]")

# Proclitics that may sit in front of a dictionary entry written without them. "لل" stands for
# ل + ال with the alef dropped (للأمم = ل + الأمم); the gazetteer adds that form itself.
CLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال", "وب", "ول", "فب", "فل"}
    | {"ولل", "فلل", "وبال", "وك", "وكال", "س", "وس", "فس", "لي", "ولي"}
)


@dataclass(frozen=True)
class Normalized:
    """A normalized text and the way back to the original offsets."""

    text: str
    original_length: int
    # After normalized index breaks[k], the original index is ahead by shifts[k] characters.
    breaks: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def to_original(self, index: int) -> int:
        """Original offset of the normalized character at `index` (or of the end)."""
        if index >= len(self.text):
            return self.original_length
        if not self.breaks:
            return index  # nothing dropped or expanded: the offsets are the same
        k = bisect_right(self.breaks, index) - 1
        return index + (self.shifts[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of a normalized span; the end takes in trailing diacritics."""
        return self.to_original(start), self.to_original(end)


def _lower_keep_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters (e.g. U+0130) lower to two; keep their length as it was.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalize(text: str) -> Normalized:
    """Fold Arabic letter forms, digits and case for matching, keeping an offset map."""
    if text.isascii():
        # of the ASCII characters the table changes only the tab, and none lowers to two
        return Normalized(text.lower().replace("\t", " "), len(text))
    if _COMPAT_RE.search(text):
        return _normalize_compat(text)
    folded = _lower_keep_length(text).translate(_TABLE_LIST)
    breaks: list[int] = []
    shifts: list[int] = []
    if len(folded) == len(text):
        return Normalized(folded, len(text), breaks, shifts)  # nothing was dropped
    dropped = 0
    for run in _DROPPED_RE.finditer(text):
        start, end = run.span()
        breaks.append(start - dropped)
        dropped += end - start
        shifts.append(dropped)
    return Normalized(folded, len(text), breaks, shifts)


def _normalize_compat(text: str) -> Normalized:
    """The slow path for texts with compatibility characters: character by character, with
    the original index of every normalized character, compressed into breaks and shifts."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        expanded = unicodedata.normalize("NFKC", char) if _COMPAT_RE.match(char) else char
        folded = _lower_keep_length(expanded).translate(_TABLE_LIST)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    breaks: list[int] = []
    shifts: list[int] = []
    current = 0
    for position, index in enumerate(origin):
        if index - position != current:
            current = index - position
            breaks.append(position)
            shifts.append(current)
    return Normalized("".join(pieces), len(text), breaks, shifts)


def fold(text: str) -> str:
    """Normalize a dictionary entry the same way as texts (no offset map needed)."""
    return " ".join(normalize(text).text.split())
