"""Dictionaries (actors, places, cues) and their Aho-Corasick scan over a normalized text.

One automaton holds the Arabic and the English entries: the two scripts never collide, so a
text is scanned once whatever its language. Each hit is then checked for word boundaries, with
Arabic proclitics allowed in front (وإيطاليا, بالبيت الأبيض, للأمم المتحدة) and demonym
endings behind (الإيطالية, الإسرائيليين).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from marsad.extraction import prebuilt
from marsad.extraction.dictionaries import raw_actors
from marsad.extraction.entries import ENTITY as ENTITY
from marsad.extraction.entries import Entry as Entry
from marsad.extraction.entries import actor_entries, cue_entries
from marsad.extraction.entries import expand as expand
from marsad.extraction.normalize import CLITICS, fold

DATA = Path(__file__).resolve().parent / "data"
_AR_ADJ_ENDINGS = frozenset(
    {"", "ه", "ين", "ون", "ان", "تين", "تان", "ا", "يه", "يين", "يون", "ات"}
)
_EN_ADJ_ENDINGS = frozenset({"", "s"})
_ARTICLE_CLITICS = frozenset(c for c in CLITICS if c.endswith("ال") or c.endswith("لل"))
_VERB_ONLY_CLITICS = frozenset({"س", "وس", "فس", "لي", "ولي"})


@dataclass(frozen=True)
class Actor:
    """An actor or place of the dictionary, with the fields the contract's entities carry."""

    id: str
    kind: str
    name_en: str
    name_ar: str
    iso3: str | None = None
    pcode: str | None = None
    parent: str | None = None
    admin1: str | None = None
    force: str | None = None
    state: str | None = None
    # for a place: tells apart places that share a name (capitals rank above every town)
    population: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # unpickled through __init__, as Entry (entries.py)
        return (Actor, tuple(getattr(self, f.name) for f in fields(self)))


class Match(NamedTuple):
    """A dictionary hit: normalized [start, end), the entry, and the clitic in front of it.

    A named tuple rather than a dataclass: a text yields tens of thousands of them."""

    start: int
    end: int
    entry: Entry
    prefix: str = ""

    @property
    def category(self) -> str:
        """The entry's category (E for an actor, T:<type> for a trigger, ...)."""
        return self.entry.category


def name_mask(text: str, hits: list[Match]) -> bytearray:
    """A byte per character of the block, 1 under every entity name among the hits: what the
    readers of names the dictionaries lack look up, in C, to read none over a known name."""
    mask = bytearray(len(text))
    for m in hits:
        if m.entry.category == ENTITY:
            mask[m.start : m.end] = b"\x01" * (m.end - m.start)
    return mask


# The entities read from the text rather than the dictionaries, by the prefix of their id.
READ_KINDS = {
    "PERSON:": "person",  # persons.py
    "PLACE:": "place",  # place_names.py
    "GROUP:": "armed_group",  # group_names.py
    "ORG:": "organization",  # group_names.py
    "BODY:": "body",  # group_names.py
    "MEDIA:": "media",  # quoted_names.py
}


class Actors(dict[str, Actor]):
    """The dictionary's actors, and the persons, places, groups, bodies and outlets read from the
    text: their id ("PERSON:<name as written>", "PLACE:<…>", "GROUP:<…>", "ORG:<…>", "BODY:<…>",
    "MEDIA:<…>") carries all there is to know of them."""

    def __missing__(self, key: str) -> Actor:
        prefix, colon, name = key.partition(":")
        kind = READ_KINDS.get(prefix + colon)
        if kind is None:
            raise KeyError(key)
        return Actor(id=key, kind=kind, name_en=name, name_ar=name)


@dataclass(frozen=True)
class Lexicon:
    """The loaded dictionaries and their automaton."""

    actors: dict[str, Actor]
    entries: list[Entry]
    automaton: Any
    patterns: int


def _actor(raw: dict[str, Any]) -> Actor:
    return Actor(
        id=raw["id"],
        kind=raw["kind"],
        name_en=raw["name_en"],
        name_ar=raw["name_ar"],
        iso3=raw.get("iso3") or None,
        pcode=raw.get("pcode") or None,
        parent=raw.get("parent") or None,
        admin1=raw.get("admin1") or None,
        force=raw.get("force") or None,
        state=raw.get("state") or None,
        population=raw.get("population"),
    )


# Where the built dictionaries are kept between processes (prebuilt.py); None: not kept.
_kept_in: Path | None = None


def use_prebuilt(directory: Path | None) -> None:
    """Keep the built dictionaries in `directory` and load them from there, or (None) build
    them in each process. Call it before the first extraction; a worker process calls it too."""
    global _kept_in
    if directory != _kept_in:
        _kept_in = directory
        lexicon.cache_clear()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionaries and their automaton, once per process: loaded from the directory
    use_prebuilt() names when built there already, else built."""
    if _kept_in is None:
        return build_lexicon()
    return prebuilt.load_or_build(_kept_in, build_lexicon, Lexicon)


def build_lexicon() -> Lexicon:
    """Load the dictionaries and build the automaton."""
    ranked = raw_actors()
    actors = Actors()
    phrases: list[tuple[str, Entry]] = []
    rank_of: dict[str, int] = {}
    for rank, raw in ranked:
        if raw["id"] in actors:
            continue  # a curated actor keeps its id against a generated one
        actors[raw["id"]] = _actor(raw)
        rank_of[raw["id"]] = rank
        phrases += actor_entries(raw)
    # A phrase of several actors goes to those of the best-ranked source only.
    best: dict[str, int] = {}
    for text, entry in phrases:
        if entry.category == ENTITY:
            key = fold(text)
            best[key] = min(best.get(key, 9), rank_of[entry.value])
    phrases = [
        (text, entry)
        for text, entry in phrases
        if entry.category != ENTITY or rank_of[entry.value] == best[fold(text)]
    ]
    # cues_ar.tsv, cues_en.tsv and the event triggers (cues_events_*.tsv, the Arabic one
    # generated by morphology.py)
    for path in sorted(DATA.glob("cues_*.tsv")):
        phrases += cue_entries(path)
    entries: list[Entry] = []
    by_key: dict[str, list[int]] = {}
    seen: set[tuple[str, Entry]] = set()
    for text, entry in phrases:
        key = fold(text)
        if not key or (entry.category == ENTITY and (key, entry) in seen):
            continue
        seen.add((key, entry))
        forms = [(key, entry)]
        if entry.lang == "ar" and key.startswith("ال") and len(key) > 3:
            if text.startswith(("أل", "إل", "آل")):
                # "ألماني" folds to "الماني", which looks as if it had the article: its own
                # article ("الألماني") is a form of its own
                forms.append(("ال" + key, _with_article_form(entry)))
            else:
                # للأمم المتحدة: ل + الأمم with the alef of the article dropped
                forms.append(("لل" + key[2:], _with_article_form(entry)))
        for form, item in forms:
            entries.append(item)
            by_key.setdefault(form, []).append(len(entries) - 1)
    automaton = ahocorasick.Automaton()
    for key, ids in by_key.items():
        automaton.add_word(key, _payload(key, [entries[i] for i in ids]))
    automaton.make_automaton()
    return Lexicon(actors, entries, automaton, len(by_key))


class _Payload(NamedTuple):
    """What the automaton returns for a key: its entries and what the scan needs to know of
    them before looking at each one."""

    length: int
    entries: tuple[Entry, ...]
    # No entry may run on into the next letters (no stem, no demonym ending).
    closed_right: bool
    # No entry may have letters glued in front (only Arabic entries take proclitics).
    closed_left: bool
    # No entry needs its case checked in the original text.
    uncased: bool


def _payload(key: str, entries: list[Entry]) -> _Payload:
    return _Payload(
        len(key),
        tuple(entries),
        not any(e.stem or e.adjective for e in entries),
        all(e.lang != "ar" for e in entries),
        all(e.cased is None for e in entries),
    )


def _with_article_form(entry: Entry) -> Entry:
    return Entry(
        entry.category,
        entry.value,
        entry.lang,
        entry.flags,
        entry.needs,
        entry.excludes,
        entry.stem,
        entry.adjective,
        entry.cased,
        article_form=True,
    )


def _left_ok(text: str, start: int, entry: Entry, key_has_article: bool) -> str | None:
    """The clitic in front of a hit ("" when none), or None when the hit starts mid-word."""
    if start == 0 or not text[start - 1].isalnum():
        return ""
    if entry.lang != "ar":
        return None
    word_start = start
    while word_start > 0 and text[word_start - 1].isalnum() and start - word_start < 4:
        word_start -= 1
    if word_start > 0 and text[word_start - 1].isalnum():
        return None
    prefix = text[word_start:start]
    if prefix not in CLITICS:
        return None
    if (key_has_article or entry.article_form) and prefix in _ARTICLE_CLITICS:
        return None
    if entry.article_form and prefix not in ("", "و", "ف"):
        return None
    if prefix in _VERB_ONLY_CLITICS and "v" not in entry.flags:
        return None
    if "ال" in prefix and text[start] == "ي" and "v" in entry.flags:
        return None  # an imperfect verb takes no article: "آليتهم" is not "يتهم"
    return prefix


def _right_end(text: str, end: int, entry: Entry) -> int:
    """Where a hit ends, a demonym's ending included; -1 when it stops mid-word."""
    if end >= len(text) or not text[end].isalnum():
        return end
    if entry.stem:
        while end < len(text) and text[end].isalnum():
            end += 1
        return end
    if not entry.adjective:
        return -1
    stop = end
    while stop < len(text) and text[stop].isalnum() and stop - end < 4:
        stop += 1
    if stop < len(text) and text[stop].isalnum():
        return -1
    endings = _AR_ADJ_ENDINGS if entry.lang == "ar" else _EN_ADJ_ENDINGS
    return stop if text[end:stop] in endings else -1


def raw_scan(text: str) -> int:
    """Count the automaton's raw hits, with no checks: the baseline of the benchmark."""
    return sum(1 for _ in lexicon().automaton.iter(text))


def scan(text: str, original: str | None = None, to_original: Any = None) -> list[Match]:
    """Every dictionary hit in a normalized text that sits on word boundaries.

    `original` and `to_original` (normalized index → original index) are needed only for
    case-sensitive English aliases such as "US"; without them those aliases are skipped.
    """
    size = len(text)
    hits: list[Match] = []
    append = hits.append
    # tuple.__new__ makes the same Match without the Python frame of the NamedTuple's __new__
    new = tuple.__new__
    for last, (length, entries, closed_right, closed_left, uncased) in lexicon().automaton.iter(
        text
    ):
        end = last + 1
        # Most hits sit between spaces or punctuation and need no further check; of the others,
        # most are inside a word for every entry of the key and are dropped at once.
        free_right = end == size or not text[end].isalnum()
        if not free_right and closed_right:
            continue
        start = end - length
        free_left = start == 0 or not text[start - 1].isalnum()
        if free_left:
            if free_right and uncased:
                for entry in entries:
                    append(new(Match, (start, end, entry, "")))
                continue
        elif closed_left:
            continue
        for entry in entries:
            if free_left:
                prefix = ""
            else:
                found = _left_ok(text, start, entry, text.startswith("ال", start))
                if found is None:
                    continue
                prefix = found
            stop = end if free_right else _right_end(text, end, entry)
            if stop < 0:
                continue
            if entry.cased is not None:
                if original is None or to_original is None:
                    continue
                if original[to_original(start) : to_original(end)] != entry.cased:
                    continue
            append(new(Match, (start, stop, entry, prefix)))
    return hits
