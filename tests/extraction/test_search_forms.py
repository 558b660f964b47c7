"""Shortcuts taken for speed give what the plain forms give: the unnamed places' expressions
searched from their first possible letter, the language of Latin posts settled without testing
every character, and the role finders' answers kept per sentence and trigger."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extraction import language, place_names
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.memo import per_trigger
from marsad.extraction.slots import Sentence

# The English marks as first written, with \b and a look-behind at their start.
_EN_MARKS_PLAIN = re.compile(
    r"\b(?:town|village|city|settlement|port|district|region|province|suburb|slum|area"
    r"|neighbourhood|neighborhood|outskirts|towns|villages|cities|hamlet|hamlets) of (?=\S)"
    r"|\bnear (?=\S)"
    r"|(?<=\S) (?=(?:district|refugee camps?|camps?|area|air base|military base|base"
    r"|border post|border crossing|crossing|settlement|oil field|prison|toll gate|region|province"
    r"|governorate|county|neighbou?rhood|slum|airport|port|river|square|street|highway"
    r"|roundabout|checkpoint|hospital|valley|hotel|mosque|church|palace|junction|market|bridge)"
    r"\b)"
)
_PIECES = [
    *place_names._EN_OF,
    *"near camp base prison area air military refugee toll gate oil field of in at".split(),
    *"camps crossing square street hospital river airport port state neighbourhood".split(),
    *"hotel mosque palace junction market bridge".split(),
    *["مدينة", "بلدة", "حي", "وادي", "بمخيم", "منطقة", "غزة", "الفاشر"],
    *[" ", " ", "  ", "\n", ",", "-", "_", "x", "Near", "1", "é"],
]
texts = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_english_marks_open_with_their_words_and_find_the_same(text):
    start = max(0, place_names._first(place_names._LATIN_LETTER, text) - 1)
    fast = [m.span() for m in place_names._EN_MARKS.finditer(text, start)]
    assert fast == [m.span() for m in _EN_MARKS_PLAIN.finditer(text)]


_EN_AT_PLAIN = re.compile(r"\b(?:in|at|In|At) (?=[A-ZÀ-Ý]|(?:al|el|ad|ar|as|ash|an|at)-)")
_AT_PIECES = ["in", "at", "In", "At", "win", "Cat", " ", "-", "Nasir", "al-", "ash-Shaab", "the"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_AT_PIECES), max_size=10).map("".join))
def test_in_and_at_open_with_their_words_and_find_the_same(text):
    fast = [m.span() for m in place_names._EN_AT_MARKS.finditer(text)]
    assert fast == [m.span() for m in _EN_AT_PLAIN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_place_nouns_searched_from_the_first_arabic_letter_find_the_same(text):
    pattern = place_names._NOUN_THEN_WORDS
    start = place_names._first(place_names._ARABIC_LETTER, text)
    fast = [m.span(1) for m in pattern.finditer(text, start)]
    assert fast == [m.span(1) for m in pattern.finditer(text)]


def _language_plain(head: str) -> str:
    """detect_language as first written: the letters counted one by one."""
    if head.isascii():
        return "en" if language._LATIN.search(head) else "other"
    arabic = language._count(language._ARABIC, head)
    if arabic / len(head) >= 0.3:
        return "ar"
    letters = sum(map(str.isalpha, head))
    if not letters:
        return "other"
    if arabic / letters >= 0.3:
        return "ar"
    return "en" if language._count(language._LATIN, head) / letters >= 0.5 else "other"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab Z.’“”—éßΩЖ中٢ابت😀", max_size=30))
def test_latin_posts_get_the_language_the_letter_count_gives(text):
    assert language.detect_language(text) == _language_plain(text)


def test_a_finder_runs_once_per_sentence_and_trigger_and_each_caller_gets_a_copy():
    calls: list[Match] = []

    @per_trigger
    def finder(sent: Sentence, trigger: Match) -> list[str]:
        calls.append(trigger)
        return [sent.text[trigger.start : trigger.end]]

    sent = Sentence("strike on Gaza", 0, 14, [], [], {}, None)  # no discourse needed
    trigger = Match(0, 6, Entry("T:attack", "air", "en"))
    first = finder(sent, trigger)
    first.append("changed by the caller")
    assert finder(sent, trigger) == ["strike"]
    other = Match(0, 6, Entry("T:attack", "other", "en"))  # the same span, another entry
    assert finder(sent, other) == ["strike"]
    assert calls == [trigger, other]
