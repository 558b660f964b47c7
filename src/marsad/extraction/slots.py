"""What a sentence holds (entities, cues, numbers, dates) and the slot-filling helpers that find
who did what to whom around a trigger, in English (subject first) and Arabic (often verb first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

from marsad.extraction.dates import FoundDate, find_dates
from marsad.extraction.discourse import REFERENCE, Discourse
from marsad.extraction.entries import Entry
from marsad.extraction.figures import Number, find_numbers
from marsad.extraction.gazetteer import Actor, Match
from marsad.extraction.normalize import fold

_CLAUSE_END = re.compile("[;:]")
ACTOR_KINDS = frozenset(
    {"state", "organization", "body", "office", "person", "group", "armed_group", "force"}
)
SOURCE_KINDS = ACTOR_KINDS | {"media"}
# Words that may stand between two coordinated actors ("Israel and Hamas", "مصر وقطر").
_JOINERS = frozenset({"and", ",", "or", "as well as", "او", ", and", "and the", "و"})
_START = attrgetter("start")


@dataclass
class Sentence:
    """One sentence of a normalized block, with its dictionary hits, numbers and dates."""

    text: str
    start: int
    end: int
    entities: list[Match]
    cues: list[Match]
    actors: dict[str, Actor]
    discourse: Discourse
    published: date | None = None
    _by_category: dict[str, list[Match]] = field(default_factory=dict)
    _merged: dict[tuple[str, ...], list[Match]] = field(default_factory=dict)
    # eligible() per set of kinds: the rules ask for the same actors around several triggers.
    _eligible: dict[frozenset[str], list[Match]] = field(default_factory=dict)
    _non_places: list[Match] | None = None  # the entities not named as places
    # The roles found for a trigger (perpetrator, recipient): several rules ask for them again.
    roles: dict[tuple[object, ...], list[str]] = field(default_factory=dict)
    # What the finders of memo.per_trigger() found, by finder and trigger.
    found: dict[tuple[object, ...], tuple[Entry, list[Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for cue in self.cues:
            if cue.entry.category.startswith("MEAS:") and not allowed(self, cue):
                continue  # "treated 45 patients for malaria": no one wounded
            self._by_category.setdefault(cue.entry.category, []).append(cue)

    # Numbers and dates are read only for sentences that have a claim to fill.
    @cached_property
    def numbers(self) -> list[Number]:
        """The numbers of the sentence."""
        return find_numbers(self.text, self.start, self.end)

    @cached_property
    def barriers(self) -> list[int]:
        """Where clauses end for slot filling: reported speech, "that", ";" and ":"."""
        marks = [c.start for c in self.of("ATTR:say", "THAT")]
        marks += [m.start() for m in _CLAUSE_END.finditer(self.text, self.start, self.end)]
        return sorted(marks)

    @cached_property
    def dates(self) -> list[FoundDate]:
        """The dates of the sentence, relative ones read against the published date."""
        return find_dates(self.text, self.published, self.start, self.end)

    def of(self, *categories: str) -> list[Match]:
        """Cues of the given categories, in text order. The list is the sentence's own: read
        it, do not change it."""
        if len(categories) == 1:
            return self._by_category.get(categories[0], [])
        # the rules ask for the same few groups of categories around every trigger
        found = self._merged.get(categories)
        if found is None:
            found = [c for name in categories for c in self._by_category.get(name, [])]
            found.sort(key=_START)
            self._merged[categories] = found
        return found

    def words(self, a: int, b: int) -> int:
        """How many words lie between two positions (0 when adjacent)."""
        if b <= a:
            return 0
        return len(self.text[a:b].split())

    def kind(self, match: Match) -> str:
        """The entity kind of an entity hit."""
        return self.actors[match.entry.value].kind

    def has(self, *categories: str) -> bool:
        """Whether any cue of these categories is in the sentence."""
        return any(self._by_category.get(name) for name in categories)

    def after(self, pos: int, needles: Iterable[str]) -> bool:
        """Whether one of the (normalized) needles occurs after `pos` in the sentence."""
        rest = self.text[pos : self.end]
        return any(needle in rest for needle in needles)


def allowed(sent: Sentence, trigger: Match) -> bool:
    """Whether a cue's context flags hold: n= (a word it needs) and x= (a word that rules it
    out). A verb's complement follows it ("امتنعت الوزارة عن التعليق"); a noun's may be
    anywhere in the sentence."""
    entry = trigger.entry
    if not entry.needs and not entry.excludes:
        return True
    rest = sent.text[trigger.end : sent.end]
    if "v" not in entry.flags:
        rest = sent.text[sent.start : trigger.start] + " " + rest
    if entry.needs and not any(n in rest for n in entry.needs):
        return False
    return not any(x in rest for x in entry.excludes)


def barriers(sent: Sentence) -> list[int]:
    """Positions that end a clause for slot filling: reported-speech verbs, "that", ";" and ":"."""
    return sent.barriers


def word_start(match: Match) -> int:
    """Where the word of a hit starts, its proclitics included (للحشد, بالمدفعية)."""
    return match.start - len(match.prefix)


def candidates(sent: Sentence) -> list[Match]:
    """The sentence's entities that may be a party to an act, its target as well as its actor."""
    return [m for m in sent.entities if sent.kind(m) in ACTOR_KINDS]


def barrier_between(sent: Sentence, a: int, b: int) -> bool:
    """Whether a clause ends between two positions."""
    return any(a <= mark < b for mark in sent.barriers)


def _crosses(marks: list[int], a: int, b: int) -> bool:
    return any(a <= m < b for m in marks)


def _gap(sent: Sentence, a: int, b: int) -> str:
    return " ".join(sent.text[a:b].split())


def _joined(sent: Sentence, left: Match, right: Match) -> bool:
    gap = _gap(sent, left.end, right.start)
    if right.prefix.startswith("و") and gap == "":
        return True
    return gap in _JOINERS or gap.rstrip(",") in _JOINERS


# Who can be invited, asked or accused: not a force, a treaty or a plan.
_PATIENTS = ACTOR_KINDS - {"force"}
_LOCATIVE = ("in", "at", "inside", "within", "في", "داخل")
# Folded as the text is (الرئاسة → الرياسه).
_GOVERNMENT = frozenset(
    fold(w)
    for w in "الحكومة السلطات الخارجية الرئاسة الحكومات الدبلوماسية الوزارة السفارة القيادة "
    "الجيش".split()
)


_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western central شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي".split()
)


def locative(sent: Sentence, match: Match) -> bool:
    """A state named as a place ("training in Egypt", "في مصر", "بمصر") is not an actor."""
    if match.entry.lang == "ar" and match.prefix in ("ب", "وب", "فب"):
        return sent.kind(match) == "state"
    words = sent.text[max(sent.start, match.start - 24) : match.start].split()
    if len(words) >= 2 and words[-1] in _COMPASS:
        words.pop()  # "in northeast Syria", "في شمال سوريا"
    return bool(words) and words[-1] in _LOCATIVE


def eligible(sent: Sentence, kinds: frozenset[str] = ACTOR_KINDS) -> list[Match]:
    """Entity hits of the given kinds, in text order, leaving out states named as places
    ("in Egypt and Jordan": both)."""
    cached = sent._eligible.get(kinds)
    if cached is None:
        cached = sent._eligible[kinds] = _eligible(sent, kinds)
    return list(cached)


def _eligible(sent: Sentence, kinds: frozenset[str]) -> list[Match]:
    if sent._non_places is None:
        sent._non_places = _not_places(sent)
    return [match for match in sent._non_places if sent.kind(match) in kinds]


def _not_places(sent: Sentence) -> list[Match]:
    """The entity hits not named as places, whatever their kind: found once per sentence, as
    eligible() is asked for several sets of kinds."""
    found = []
    previous: Match | None = None
    place = False
    for match in sent.entities:
        # "In Sudan, government troops attacked": a reference after a place is no place
        place = locative(sent, match) or (
            place
            and previous is not None
            and match.entry.flags != REFERENCE
            and _joined(sent, previous, match)
        )
        previous = match
        if not place:
            found.append(match)
    return found


def chain(sent: Sentence, items: list[Match], index: int, step: int) -> list[Match]:
    """The entity at `index` with the ones coordinated to it, walking in direction `step`."""
    found = [items[index]]
    i = index
    while 0 <= i + step < len(items):
        a, b = (items[i], items[i + step]) if step > 0 else (items[i + step], items[i])
        if not _joined(sent, a, b):
            break
        i += step
        found.append(items[i])
    return sorted(found, key=lambda m: m.start)


def before(
    sent: Sentence,
    pos: int,
    *,
    max_words: int = 10,
    kinds: frozenset[str] = ACTOR_KINDS,
    stop: list[int] | None = None,
) -> list[Match]:
    """The nearest actor (with those coordinated to it) ending before `pos` in the clause."""
    items = eligible(sent, kinds)
    for index in range(len(items) - 1, -1, -1):
        match = items[index]
        if match.end > pos:
            continue
        if sent.words(match.end, pos) > max_words or (stop and _crosses(stop, match.end, pos)):
            return []
        return chain(sent, items, index, -1)
    return []


def after(
    sent: Sentence,
    pos: int,
    *,
    max_words: int = 10,
    kinds: frozenset[str] = ACTOR_KINDS,
    stop: list[int] | None = None,
    skip: Iterable[str] = (),
    names_only: bool = False,
) -> list[Match]:
    """The nearest actor (with those coordinated to it) starting after `pos` in the clause.

    With `names_only`, Arabic demonyms are passed over: after a verb, "العرض الأمريكي" is the
    American offer, not the United States as subject."""
    items = eligible(sent, kinds)
    skipped = set(skip)
    for index, match in enumerate(items):
        if match.start < pos or match.entry.value in skipped:
            continue
        if names_only and match.entry.adjective and match.entry.lang == "ar":
            begin = match.start - len(match.prefix)  # the word starts at its article
            word = sent.text[max(sent.start, begin - 12) : begin].split()[-1:]
            if not (word and word[0] in _GOVERNMENT):
                continue  # "العرض الأمريكي" is an offer; "الحكومة الكندية" is Canada
        if sent.words(pos, match.start) > max_words or (stop and _crosses(stop, pos, match.start)):
            return []
        return chain(sent, items, index, 1)
    return []


def marked(
    sent: Sentence,
    category: str,
    pos: int,
    *,
    max_words: int = 12,
    passed: frozenset[str] = frozenset(),
) -> list[Match]:
    """The actor right after a marker cue (by, من قبل, according to) that follows `pos`; cues
    whose words are in `passed` are passed over."""
    for cue in sent.of(category):
        if passed and sent.text[cue.start : cue.end] in passed:
            continue
        if _FROM_LAND.match(sent.text, cue.end):
            continue  # "أُطلقا من الأراضي السورية", "fired from Syrian territory": whence
        if cue.start >= pos and sent.words(pos, cue.start) <= max_words:
            found = after(sent, cue.end, max_words=2) or _owner_after(sent, cue.end)
            if found:
                return found
    return []


# Where an act came from, not who did it: "من الأراضي السورية", "from Lebanese territory".
_FROM_LAND = re.compile(
    r"\s+(?:ال)?(?:اراضي|داخل|جهه|ناحيه|جانب الحدود)(?!\S)|\s+\w+ (?:territory|soil)\b"
)


# An agent named by what it owns: "شنها الطيران الحربي التابع للجيش السوداني", "by warplanes
# belonging to the army": up to three words, then a word of holding right before the owner.
_OWNED_BY = re.compile(
    r"\s*(?:\S+\s+){1,3}"
    r"(?:التابع|التابعه|التابعين|التابعون|تابع|تابعه|تابعين|belonging to)\s+(?:the\s+)?"
)


def _owner_after(sent: Sentence, pos: int) -> list[Match]:
    found = after(sent, pos, max_words=5)
    if found and _OWNED_BY.fullmatch(sent.text, pos, word_start(found[0])):
        return found
    return []


_DEFINITE_EN = frozenset("the this that these those".split())


def definite(sent: Sentence, cue: Match) -> bool:
    """Whether a noun cue is definite: with its article ("الهجوم", "بالغارة") or after "the",
    "this" (an act the text has told, or names as known)."""
    if cue.entry.lang == "ar":
        return "ال" in cue.prefix + sent.text[cue.start :][:2]
    lead = sent.text[max(sent.start, cue.start - 8) : cue.start].split()
    return bool(lead) and lead[-1].lower() in _DEFINITE_EN


def adjective_near(sent: Sentence, trigger: Match, *, window: int = 2) -> list[Match]:
    """A demonym right beside a noun trigger: "Israeli strike", "غارة إسرائيلية"."""
    for match in sent.entities:
        if sent.kind(match) not in ACTOR_KINDS:
            continue
        if not match.entry.adjective and not _nisba_written(sent, match):
            continue
        if trigger.entry.lang == "ar" and match.start >= trigger.end:
            between = sent.text[trigger.end : word_start(match)].split()
            # "غارات جوية إسرائيلية": adjectives between; "قرى لبنانية": a noun's own
            if len(between) <= window and all(
                w.endswith(_NISBA_ENDS) or w.lstrip("لب") in _DOERS for w in between
            ):
                return [match]
        if trigger.entry.lang == "en" and match.end <= trigger.start:
            if sent.words(match.end, trigger.start) <= window:
                return [match]
    return []


# Endings of Arabic adjectives (folded): "جوية", "مدفعي", "الإسرائيليين".
_NISBA_ENDS = ("يه", "ي", "يين", "يون", "يتين", "يان")


# Nouns of who or what strikes between an act and the nisba that names them (folded):
# "خطف قراصنة صوماليون", "غارات جوية لمقاتلات تركية".
_DOERS = frozenset(
    fold(w)
    for w in "قراصنة مسلحون مسلحين مقاتلون مقاتلين متمردون متمردين جنود قوات طائرات مقاتلات "
    "مروحيات طائرة مروحية مسيرة مسيرات دبابات زوارق سفن".split()
)


def _nisba_written(sent: Sentence, match: Match) -> bool:
    """A state's name written as its feminine nisba with the article: "المدفعية السورية"
    ("سورية" is also Syria's name)."""
    return match.entry.lang == "ar" and sent.text[match.start - 2 : match.start] == "ال"


def _national(sent: Sentence, actor_id: str) -> bool:
    """A state's own force or body (the Carabinieri, a parliament) is no common target."""
    parent = sent.actors[actor_id].parent
    return sent.actors[actor_id].kind in ("force", "body") and bool(
        parent and sent.actors[parent].kind == "state"
    )


def thing_near(
    sent: Sentence, pos: int, kinds: Iterable[str], skip: Iterable[str] = ()
) -> str | None:
    """The entity of the first kind listed that is nearest to a position (a target)."""
    skipped = set(skip)
    for kind in kinds:
        found = [
            m
            for m in sent.entities
            if sent.kind(m) == kind
            and m.entry.value not in skipped
            and m.entry.value not in ("UNSC", "IDF", "CENTCOM")
            and not _national(sent, m.entry.value)
        ]
        best = nearest(found, pos)
        if best is not None:
            return best.entry.value
    return None


def ids(matches: Iterable[Match]) -> list[str]:
    """Entity ids in order, without repeats."""
    return list(dict.fromkeys(m.entry.value for m in matches))


def nearest(items: Iterable[Match], pos: int) -> Match | None:
    """The hit nearest to a position."""
    best: Match | None = None
    for item in items:
        distance = min(abs(item.start - pos), abs(item.end - pos))
        if best is None or distance < min(abs(best.start - pos), abs(best.end - pos)):
            best = item
    return best


def subject_object(sent: Sentence, trigger: Match) -> tuple[list[Match], list[Match]]:
    """(actor, recipient) around a trigger, for both word orders and the passive."""
    stop = barriers(sent)
    arabic = trigger.entry.lang == "ar"
    flags = trigger.entry.flags
    if "p" in flags:
        # "Italy was invited by the US" / "دعيت إيطاليا من قبل الولايات المتحدة"; in Arabic
        # a subject right before the verb is the patient too: "باكستان تلقت دعوة"
        if arabic:
            patient = before(sent, trigger.start, max_words=2, stop=stop, kinds=_PATIENTS)
            patient = patient or after(sent, trigger.end, kinds=_PATIENTS)
            patient = patient or before(sent, trigger.start, max_words=4, stop=stop)
        else:
            patient = before(sent, trigger.start)
        agent = marked(sent, "BY", trigger.end)
        skip = ids(patient)
        return [a for a in agent if a.entry.value not in skip], patient
    if arabic:
        near_left = before(sent, trigger.start, max_words=2, stop=stop)
        right = after(sent, trigger.end, max_words=3, stop=stop, names_only=True)
        if "v" in flags and right and not near_left:
            # verb first: فعل + فاعل + مفعول به
            obj = after(sent, right[-1].end, max_words=6, stop=stop, names_only=True)
            return right, obj
        if "v" not in flags and not near_left:
            # a noun and its possessor: مساهمة إيطاليا, دعوة واشنطن
            owner = after(sent, trigger.end, max_words=1, stop=stop, names_only=True)
            if owner:
                rest = after(sent, owner[-1].end, max_words=6, stop=stop, names_only=True)
                return owner, rest
        subject = near_left or before(sent, trigger.start, max_words=8, stop=stop)
        obj = after(sent, trigger.end, max_words=6, stop=stop, skip=ids(subject), names_only=True)
        return subject, obj
    subject = before(sent, trigger.start, max_words=8, stop=stop)
    obj = after(sent, trigger.end, max_words=6, stop=stop, skip=ids(subject))
    return subject, obj
