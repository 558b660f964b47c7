"""Sentence splitting with offsets, for Arabic and Latin punctuation and newlines."""

from __future__ import annotations

import re
from collections.abc import Callable

_CLOSERS = "\"')]}»\u201d"
# Full stop, question or exclamation mark (Arabic ones are folded to these by normalize, but the
# raw forms are accepted too) and ellipsis.
_MARKS = ".!?\u061f\u06d4\u2026"
# A candidate end: a line break, or a run of marks before a space or the end of the text, closing
# quotes and brackets aside ("2.5", "youtu.be", "U.S.-led" are no ends). The regex opens with
# one character class, which lets its search skip from candidate to candidate.
_END = re.compile(rf"[\n{_MARKS}](?:(?<=\n)|[{_MARKS}]*(?=[{re.escape(_CLOSERS)}]*(?:\s|\Z)))")
# Words that end with a full stop without ending a sentence (compared lower-case, no dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st vs etc inc corp co ltd jr sr prof rep sen gov"
    " jan feb mar apr jun jul aug sep sept oct nov dec approx est fig al e.g i.e u.s u.n u.k"
    " p.m a.m".split()
)
# Abbreviations only before a number: "No. 2803", "Art. 5".
_BEFORE_NUMBERS = frozenset({"no", "nos", "art", "para", "p", "pp"})
# Beyond this many characters a "sentence" (a line with no punctuation, a table, a dump) is
# cut at the next space, so that the work per sentence stays bounded.
MAX_SENTENCE = 1500


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'":
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    if word in _BEFORE_NUMBERS:
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    # Initials and dotted acronyms: "J.", "U.S.", "U.N."
    return (len(word) == 1 and word.isalpha() and word.isascii()) or "." in word


def _ends_here(text: str, match: re.Match[str], cased: Callable[[int], str]) -> bool:
    if match.group() == "\n":
        return True
    end = match.end()
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    if match.group() == "." and _is_abbreviation(text, match.start()):
        return False
    # A lower-case Latin word after the dot continues the sentence ("approx. five").
    while end < len(text) and text[end] == " ":
        end += 1
    after = cased(end) if end < len(text) else ""
    return not (after.isascii() and after.islower())


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.find(" ", start + MAX_SENTENCE, end)
        if cut < 0 or cut - start > 2 * MAX_SENTENCE:
            cut = start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def split_sentences(
    text: str, original: str | None = None, to_original: Callable[[int], int] | None = None
) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of `text`, surrounding spaces left out. For a
    normalized text (lower-cased), `original` and `to_original` give each letter's case back:
    whether the word after a full stop opens a sentence is read there."""
    if original is None or to_original is None:
        cased: Callable[[int], str] = text.__getitem__
    else:
        cased = lambda i: original[to_original(i)]  # noqa: E731
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if not _ends_here(text, match, cased):
            continue
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        spans.extend(_trimmed(text, start, end))
        start = end
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    return _cut_long(text, start, end)
