"""Persons the dictionaries do not know, read from how news names people.

News introduces a person by a title or a role ("رئيس الوزراء اللبناني الأسبق رفيق الحريري",
"Intelligence chief Wissam al-Hassan") or by a given name everyone recognises ("مقتدى الصدر",
"Khalifa Haftar"), and later by the surname alone ("قوات حفتر", "Haftar said"). A person found
so becomes the entity `PERSON:<name as written>`; gazetteer.py gives such ids their fields. The
words it reads by are in persons_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import ahocorasick

from marsad.extraction.gazetteer import ENTITY, Entry, Match, name_mask
from marsad.extraction.normalize import fold
from marsad.extraction.persons_words import (
    AR_CLITICS,
    AR_COMPLEMENTS,
    AR_GIVEN,
    AR_JOINERS,
    AR_PREPOSED,
    AR_STOP,
    AR_TITLES,
    EN_GIVEN,
    EN_NOT_NAMES,
    EN_PARTICLES,
    EN_TITLES,
    MASDAR,
    ar_word,
    self_ali,
)

Span = Callable[[int, int], bool]
Add = Callable[..., None]
Tokens = list[tuple[int, int]]

PREFIX = "PERSON:"
_TOKEN = re.compile(r"[\w'’\-]+|[^\w\s]")


_WINDOW = 160


@lru_cache(maxsize=1)
def _openers() -> Any:
    """An automaton of the titles and given names that may open a name, with the clitics
    titles take (a regex of some 700 alternatives costs more than the rest of this pass)."""
    words = set(AR_GIVEN) | set(EN_TITLES) | set(EN_GIVEN)
    for title in AR_TITLES:
        words.add(title)
        words.update(clitic + title for clitic in AR_CLITICS)
        if title.startswith("ال"):
            words.add("لل" + title[2:])
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def openers(text: str) -> list[int]:
    """Where opening words start, whole words only, in text order."""
    size = len(text)
    found = []
    for last, length in _openers().iter(text):
        start = last + 1 - length
        if start > 0 and _word_char(text[start - 1]):
            continue
        if last + 1 < size and _word_char(text[last + 1]):
            continue
        found.append(start)
    found.sort()
    return found


class Persons:
    """Person names of one document; surnames carry over from block to block."""

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.surnames: dict[str, str] = {}
        # the dictionary's persons: a title before one of them is already resolved
        self.known = known

    def find(
        self, text: str, original: str, to_original: Callable[[int], int], hits: list[Match]
    ) -> list[Match]:
        """Matches for the persons named in a normalized block, none over a dictionary name."""
        mask = name_mask(text, hits)
        people = {
            m.start for m in hits if m.entry.category == ENTITY and m.entry.value in self.known
        }
        found: list[Match] = []

        def covered(a: int, b: int) -> bool:
            return mask.find(1, a, b) >= 0

        def person(a: int) -> bool:
            return a in people

        def letter(a: int) -> str:
            # the letter as written: folding drops the hamza that tells names from words
            return original[to_original(a)]

        def add(a: int, b: int, lang: str, value: str | None = None) -> None:
            if covered(a, b):
                return
            if value is None:
                person = " ".join(original[to_original(a) : to_original(b)].split())
                value = PREFIX + person
                self._remember(text[a:b], value)
            found.append(Match(a, b, Entry(ENTITY, value, lang)))
            mask[a:b] = b"\x01" * (b - a)

        # Only the words that may open a name are looked at, each with the few words after it.
        consumed = 0
        for begin in openers(text):
            if begin < consumed:
                continue
            stop = min(len(text), begin + _WINDOW)
            tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, begin, stop)]
            if "\u0600" <= text[begin] <= "\u06ff":
                nxt = self._arabic(text, tokens, 0, covered, add, person, letter)
            else:
                nxt = self._english(text, original, to_original, tokens, 0, covered, add)
            consumed = tokens[max(nxt, 1) - 1][1]
        self._apposed(text, original, to_original, covered, add)
        self._later(text, original, to_original, covered, add)
        return found

    @staticmethod
    def _apposed(
        text: str, original: str, to_original: Callable[[int], int], covered: Span, add: Add
    ) -> None:
        """English names told by the role set beside them between commas: "Khalil Ibrahim,
        leader of the Justice and Equality Movement", "The UN humanitarian coordinator in South
        Sudan, Eugene Owusu, condemned"."""
        for mark in _ROLE_AFTER.finditer(text):
            words = list(_CAPITALISED.finditer(original[: to_original(mark.start())]))[-4:]
            _add_name(original, to_original, words, mark.start(), covered, add, text)
        for mark in _NAME_BETWEEN.finditer(text):
            lead = text[max(0, mark.start() - 80) : mark.start()].split()[-8:]
            if not any(w.strip(",") in EN_TITLES for w in lead):
                continue
            end = mark.end() - 1
            words = list(_CAPITALISED.finditer(original[: to_original(end)]))[-4:]
            _add_name(original, to_original, words, end, covered, add, text)

    def _remember(self, name: str, value: str) -> None:
        """The surname of a full name (normalized), for its later mentions."""
        parts = name.split()
        if len(parts) < 2:
            return
        last = parts[-1]
        if last.startswith(("al-", "el-")):
            last = last[3:]
        if len(last) > 2:
            self.surnames.setdefault(last, value)

    @staticmethod
    def _arabic(
        text: str,
        tokens: Tokens,
        i: int,
        covered: Span,
        add: Add,
        person: Callable[[int], bool],
        letter: Callable[[int], str],
    ) -> int:
        word = ar_word(text[tokens[i][0] : tokens[i][1]])
        titled = word in AR_TITLES
        if not titled and word not in AR_GIVEN:
            return i + 1
        j = i + 1 if titled else i
        # a long title's complements may stand between: "الممثل الخاص للأمين العام للأمم المتحدة
        # في العراق مارتن كوبلر"
        limit = min(len(tokens), j + _TITLE_WORDS)
        while j < limit:
            a, b = tokens[j]
            w = text[a:b]
            if w == "علي" and titled and self_ali(text, tokens, j):
                break  # the given name Ali, folded like the preposition
            if w in ("لدي", "في", "الي") and titled and j + 2 < len(tokens):
                nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
                if w == "لدي" or nxt.startswith("ال") or covered(*tokens[j + 1]):
                    # "السفير الأردني لدى ليبيا فواز العيطان", "وكيل الأمين العام للشؤون
                    # الإنسانية في الأمم المتحدة توم فليتشر": the post's country or body
                    j += 2
                    continue
            if w == "عن" and titled and j + 1 < len(tokens):
                nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
                if nxt in AR_COMPLEMENTS or covered(*tokens[j + 1]):
                    j += 2  # النائب عن حزب الكتائب، النائب عن كتلة التغيير
                    continue
            if w == "(" and titled:
                # "رئيس بعثة الأمم المتحدة (يونيتامس) فولكر بيرتس": the body's acronym
                close = next(
                    (c for c in range(j + 1, min(limit, j + 5)) if text[tokens[c][0]] == ")"), None
                )
                if close is not None:
                    j = close + 1
                    continue
            if not w[0].isalpha() or w in AR_STOP or person(a):
                return j
            # "ألبرت", "ألان": a name's own alef carries hamza, the article's never does
            definite = w.startswith(("ال", "لل")) and letter(a) not in "أإآ"
            # "المعنية بالعنف الجنسي", "التنفيذية لمنظمة": a definite word or a complement
            # after its preposition
            definite = definite or w.startswith("بال")
            complement = w in AR_COMPLEMENTS or w[:1] in "لب" and w[1:] in AR_COMPLEMENTS
            if definite or complement or covered(a, b):
                if not titled:
                    return j + 1
                j += 1
                continue
            if w == "باسم" and j + 1 < len(tokens):
                nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
                if nxt.startswith("ال") or covered(*tokens[j + 1]):
                    j += 2  # المتحدث باسم الحكومة
                    continue
            break
        else:
            return j
        if j >= len(tokens):
            return j
        names = [j]
        units = 1
        k = j + 1
        while k < len(tokens) and len(names) < 5:
            a, b = tokens[k]
            w = text[a:b]
            prev = text[tokens[names[-1]][0] : tokens[names[-1]][1]]
            if not w[0].isalpha() or w in AR_STOP or w in AR_TITLES or covered(a, b):
                break
            if text[tokens[names[-1]][1] : a].strip() or w.startswith(AR_PREPOSED):
                break
            joined = prev in AR_JOINERS
            if w[0] == "و" and w[1:] in AR_GIVEN:
                break  # "زكريا الزبيدي ومحمد العارضة": a second person
            definite = w.startswith("ال") and w not in AR_JOINERS
            # "أحمد عبيد بن دغر", "محمد آل جابر": a joiner carries the name on past two words
            if (
                not joined
                and w not in AR_JOINERS
                and (units >= 2 and not definite or w in AR_COMPLEMENTS)
            ):
                break
            if definite and units >= 2 and MASDAR.match(w[2:]):
                break  # "رياك مشار التوقيع": the verbal noun after the name is no surname
            names.append(k)
            k += 1
            if not joined:
                units += 1
                if definite:
                    break
        first = text[tokens[j][0] : tokens[j][1]]
        if first in AR_STOP and first != "علي":
            return j + 1
        one_name = word in _ONE_NAME_TITLES and j == i + 1 and first[:1] not in "بل"
        if units < 2 and not (one_name and first not in _NOT_NAMES):
            return j + 1  # a pope is named by one name: "البابا فرنسيس"
        if units > 1 and text[tokens[names[1]][0] : tokens[names[1]][1]] in _INSTITUTIONS:
            return j + 1  # "صادق البرلمان على إرسال": the verb "approved", not Sadiq
        # a verbal noun of that shape opens with إ (إدخال); أفراح, أوبا are names
        verbal = MASDAR.match(first) and letter(tokens[j][0]) != "أ"
        if first not in AR_GIVEN and (not titled or verbal):
            return j + 1
        add(tokens[j][0], tokens[names[-1]][1], "ar")
        return names[-1] + 1

    @staticmethod
    def _english(
        text: str,
        original: str,
        to_original: Callable[[int], int],
        tokens: Tokens,
        i: int,
        covered: Span,
        add: Add,
    ) -> int:
        a, b = tokens[i]
        word = text[a:b]
        titled = word in EN_TITLES
        if not titled and word not in EN_GIVEN:
            return i + 1
        j = i + 1 if titled else i
        names: list[int] = []
        k = j
        while k < len(tokens) and len(names) < 5:
            s, e = tokens[k]
            raw = original[to_original(s) : to_original(e)]
            if names and text[tokens[names[-1]][1] : s].strip():
                break
            lower = raw.lower().rstrip("-")
            plain = lower not in EN_TITLES and lower not in EN_NOT_NAMES
            if raw[:1].isupper() and not covered(s, e) and plain:
                names.append(k)
            elif names and (lower in EN_PARTICLES or lower.split("-")[0] in EN_PARTICLES):
                names.append(k)
            else:
                break
            k += 1
        if len(names) < 2:
            return i + 1
        last = original[to_original(tokens[names[-1]][0]) : to_original(tokens[names[-1]][1])]
        if last.lower() in EN_PARTICLES:
            names.pop()
        if len(names) < 2:
            return i + 1
        add(tokens[names[0]][0], tokens[names[-1]][1], "en")
        return names[-1] + 1

    def _later(
        self,
        text: str,
        original: str,
        to_original: Callable[[int], int],
        covered: Span,
        add: Add,
    ) -> None:
        """A surname alone names the person named in full before it."""
        for key, value in self.surnames.items():
            latin = not ("\u0600" <= key[0] <= "\u06ff")
            at = text.find(key)
            while at >= 0:
                end = at + len(key)
                begin = at
                if at > 0 and text[at - 1] in AR_CLITICS and not latin:
                    begin = at - 1  # وحفتر، لحفتر
                free_left = begin == 0 or not text[begin - 1].isalnum()
                free_right = end == len(text) or not text[end].isalnum()
                if latin and at >= 3 and text[at - 3 : at] in ("al-", "el-"):
                    free_left = True
                if free_left and free_right and not covered(at, end):
                    if not latin or original[to_original(at)].isupper():
                        add(at, end, "en" if latin else "ar", value)
                at = text.find(key, end)


# ", leader of", ", the head of": a role after the name it follows (lower-cased block).
_ROLE_AFTER = re.compile(
    r", (?:(?:the|a|an) (?:[\w'-]+ ){0,3})?(?:leader|head|commander|chief|founder|spokesman"
    r"|spokeswoman|director|president|coordinator|envoy|representative|secretary|governor|mayor"
    r"|editor|activist|lawyer|journalist|reporter|photographer|cleric|aide|adviser|advisor"
    r"|captain|official|surgeon|doctor|physician|nurse|engineer|teacher|priest|pastor|missionary"
    r"|businessman|businesswoman|professor|judge|prosecutor|writer|blogger|elder|pilot"
    r"|contractor|consultant|researcher)\b"
)
# ", Eugene Owusu," after a title: two to four words between commas.
_NAME_BETWEEN = re.compile(r"(?<=, )[a-z][\w'-]*(?: [a-z][\w'-]*){1,3},")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")


# Titles whose holder is named by one name (folded), and words after them that are no name.
_ONE_NAME_TITLES = frozenset({"البابا"})
_NOT_NAMES = frozenset({"مجددا", "ايضا", "اليوم", "امس", "كذلك", "الذي"})


def _add_name(
    original: str,
    to_original: Callable[[int], int],
    words: list[re.Match[str]],
    end: int,
    covered: Span,
    add: Add,
    text: str,
) -> None:
    """Add the run of capitalised words that ends right before `end` (normalized offsets), if
    it is two to four words long and names no office."""
    run: list[re.Match[str]] = []
    stop = to_original(end)
    for word in reversed(words):
        gap = original[word.end() : run[0].start() if run else stop]
        if gap.strip() or word.group().lower() in EN_NOT_NAMES | EN_TITLES:
            break
        run.insert(0, word)
    if not 2 <= len(run) <= 4:
        return
    a = text.find(run[0].group().lower(), max(0, end - (stop - run[0].start()) - 2))
    if a < 0 or covered(a, end):
        return
    add(a, end, "en")


_TITLE_WORDS = 12
# Bodies that never are a surname: after a given name that is also a verb they tell the verb's
# subject (folded).
_INSTITUTIONS = frozenset(
    fold(w) for w in "البرلمان المجلس الكونغرس الكنيست الحكومة مجلس البرلمانات".split()
)
