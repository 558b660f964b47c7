"""Titles and names of office-holders, resolved by the document's date.

A title with a state ("the US President", "الرئيس الأمريكي", "UN Secretary-General") is an
alias of an office (data/offices.toml). It becomes the person who held the office on the day the
document was published, when a term of the table covers that day; otherwise it stays the office
(a document of unknown date, or one older than the table). A name that several office-holders
share (Bush, الحريري, "King Abdullah") goes to the one whose term is nearest the document's
date, a state the text names breaking ties.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from marsad.extraction.dictionaries import DATA
from marsad.extraction.gazetteer import ENTITY, Actor, Match
from marsad.extraction.normalize import fold


@dataclass(frozen=True)
class Term:
    """One person in one office from `start` to `end` (None: still in office)."""

    office: str
    person: str
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def distance(self, day: date) -> int:
        """Days between the day and the term (0 inside it)."""
        if self.covers(day):
            return 0
        if day < self.start:
            return (self.start - day).days
        assert self.end is not None
        return (day - self.end).days


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The table of terms: rows "OFFICE | PERSON | start | end" of offices.toml."""
    with (DATA / "offices.toml").open("rb") as handle:
        rows = tomllib.load(handle).get("terms", {}).get("rows", [])
    out = []
    for row in rows:
        office, person, start, end = (part.strip() for part in row.split("|"))
        start_day = _day(start)
        if start_day is None:
            raise ValueError(f"offices.toml: a term without a start: {row!r}")
        out.append(Term(office, person, start_day, _day(end)))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_office() -> dict[str, tuple[Term, ...]]:
    table: dict[str, list[Term]] = {}
    for term in terms():
        table.setdefault(term.office, []).append(term)
    return {office: tuple(items) for office, items in table.items()}


@lru_cache(maxsize=1)
def _by_person() -> dict[str, tuple[Term, ...]]:
    table: dict[str, list[Term]] = {}
    for term in terms():
        table.setdefault(term.person, []).append(term)
    return {person: tuple(items) for person, items in table.items()}


def holder(office: str, day: date | None) -> str | None:
    """The person in the office on that day, if the table knows."""
    if day is None:
        return None
    for term in _by_office().get(office, ()):
        if term.covers(day):
            return term.person
    return None


def _nearness(person: str, day: date | None) -> int:
    if day is None:
        return 0
    distances = [t.distance(day) for t in _by_person().get(person, ())]
    return min(distances) if distances else 10**6


_FORMER_AFTER = ("الاسبق", "السابق", "السابقه", "الاسبقه", "المخلوع", "الراحل")
_FORMER_BEFORE = ("former", "ex-", "late", "then-former")


def _former(text: str, hit: Match) -> bool:
    """ "الرئيس الأفغاني الأسبق برهان الدين رباني", "former Malian president": a past holder,
    not the one in office on the day."""
    if not text:
        return False
    after_words = text[hit.end : hit.end + 12].split()
    before_words = text[max(0, hit.start - 10) : hit.start].lower().split()
    return bool(after_words and after_words[0] in _FORMER_AFTER) or bool(
        before_words and before_words[-1] in _FORMER_BEFORE
    )


# Titles whose holder acts for another office-holder: "الممثل الخاص للأمين العام", "المتحدث
# باسم الأمين العام", "special envoy of the Secretary-General", "the Secretary-General's
# spokesman" (folded Arabic).
_FOR_ANOTHER_AR = frozenset(
    fold(w)
    for w in "الممثل ممثل الممثلة ممثلة الخاص الخاصة مبعوث المبعوث المبعوثة نائب نائبة مستشار "
    "المستشار مساعد المساعد المتحدث متحدث المتحدثة الناطق ناطق".split()
)
_FOR_ANOTHER_EN = frozenset(
    "representative envoy deputy adviser advisor spokesman spokeswoman spokesperson "
    "assistant".split()
)


def _for_another(text: str, hit: Match) -> bool:
    """Whether a title names the office another person acts for, not its holder speaking."""
    if not text:
        return False
    begin = hit.start - len(hit.prefix)
    before_words = text[max(0, begin - 24) : begin].lower().split()
    # the ل of "of" may be the hit's clitic or part of the alias ("للأمين العام للأمم المتحدة")
    of = hit.prefix.startswith("ل") or text.startswith("لل", hit.start)
    if of and before_words and before_words[-1] in _FOR_ANOTHER_AR:
        return True  # "الممثل الخاص للأمين العام"
    if before_words[-1:] == ["باسم"]:
        return True  # "المتحدث باسم الأمين العام"
    if len(before_words) >= 3 and before_words[-1] == "the" and before_words[-2] in ("of", "to"):
        return before_words[-3] in _FOR_ANOTHER_EN  # "special envoy of the Secretary-General"
    after_words = text[hit.end : hit.end + 30].lower().split()
    return text.startswith("'s", hit.end) and any(w in _FOR_ANOTHER_EN for w in after_words[:3])


def resolve(
    hits: list[Match],
    published: date | None,
    actors: Mapping[str, Actor],
    context: set[str],
    text: str = "",
) -> list[Match]:
    """Office titles replaced by their holder on the day (not when the text says a former
    holder); shared names given to one person."""
    offices = _by_office()
    people: dict[tuple[int, int], list[str]] = {}
    titled = False
    for hit in hits:
        value = hit.entry.value
        if hit.entry.category != ENTITY:
            continue
        if value in offices:
            titled = True
        elif actors[value].kind == "person":
            people.setdefault((hit.start, hit.end), []).append(value)
    chosen: dict[tuple[int, int], str] = {}
    for span, ids in people.items():
        if len(set(ids)) > 1:
            chosen[span] = min(
                dict.fromkeys(ids),
                key=lambda i: (_nearness(i, published), actors[i].state not in context),
            )
    if not titled and not chosen:
        return hits  # most blocks: no office named, no name two persons share
    out: list[Match] = []
    for hit in hits:
        entry = hit.entry
        if entry.category != ENTITY:
            out.append(hit)
        elif entry.value in offices:
            # the holder in office, not when the text says a former one or names the office
            # another acts for ("the special envoy of the Secretary-General")
            gone = _former(text, hit) or _for_another(text, hit)
            person = None if gone else holder(entry.value, published)
            held = replace(entry, value=person, flags=entry.flags | TITLE) if person else entry
            out.append(hit._replace(entry=held))
        elif chosen.get((hit.start, hit.end), entry.value) == entry.value:
            out.append(hit)
    return out


# The flag of a title read as its holder on the day.
TITLE = frozenset({"title"})
_GAP_WORD = re.compile(r"\S+")
# Words of a post between its title and its holder's name (folded).
_POST_WORDS = frozenset(
    fold(w) for w in "الخاص الخاصة إلى لدى في للأمم الأممي special to for in the envoy".split()
)


def named_after(hits: list[Match], actors: Mapping[str, Actor], text: str) -> list[Match]:
    """Titles that another person's name follows, dropped: "المبعوث الأمريكي الخاص إلى اليمن تيم
    ليندركينغ" names the envoy of the day to Yemen, not the office's holder in the table (an
    office, or its holder, followed by the same person's name stays)."""
    titles = [
        h
        for h in hits
        if h.entry.category == ENTITY and (h.entry.value in _by_office() or TITLE <= h.entry.flags)
    ]
    if not titles:
        return hits
    persons = [
        h for h in hits if h.entry.category == ENTITY and actors[h.entry.value].kind == "person"
    ]
    dropped = set()
    names = [(h.start, h.end) for h in hits if h.entry.category == ENTITY]
    for title in titles:
        for person in persons:
            gap = text[title.end : person.start - len(person.prefix)]
            if person.start < title.end or any(c in gap for c in ",،.("):
                continue
            # only the words of a post may stand between: "الخاص إلى اليمن", "to Yemen"; a
            # verb between ("The US President met Netanyahu") names another person
            words = list(_GAP_WORD.finditer(text, title.end, person.start - len(person.prefix)))
            post = all(
                w.group() in _POST_WORDS or any(a <= w.start() < b for a, b in names) for w in words
            )
            if len(words) <= 3 and post and person.entry.value != title.entry.value:
                dropped.add(id(title))
            break
    return [h for h in hits if id(h) not in dropped]


def titles() -> frozenset[str]:
    """The offices the table gives holders for."""
    return frozenset(_by_office())
