"""Overlapping dictionary hits: which entity names and which cues of a block stand."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from operator import attrgetter

from marsad.extraction.gazetteer import ENTITY, Match

_KEEP_INSIDE_ENTITIES = frozenset({"CEASEFIRE"})
_START = attrgetter("start")
_DESCRIPTIVE = frozenset(
    {"KIND", "TASK", "MEAS", "POP", "ROLE", "BASIS", "TOPIC", "DUAL", "TWO", "ONE", "VICTIM"}
    | {"EMBASSY", "PROTEST_AT", "PERIOD", "FORECAST", "NOTDONE", "CLAIMED", "BLAME", "ANSWER"}
)


def resolve(hits: list[Match]) -> tuple[list[Match], list[Match]]:
    """Entities: longest first, no overlaps. Cues: drop those inside a longer cue or inside an
    entity name ("تحقيق الاستقرار" in the force's own name is not a task)."""
    entity_hits: list[Match] = []
    cue_hits: list[Match] = []
    for hit in hits:
        (entity_hits if hit.entry.category == ENTITY else cue_hits).append(hit)
    entity_hits.sort(key=_longest_first)
    cue_hits.sort(key=_leftmost_longest)
    entities: list[Match] = []
    taken: list[tuple[int, int]] = []
    for hit in entity_hits:
        start, end, _, _ = hit
        i = bisect_left(taken, (start, start))
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        taken.insert(i, (start, end))
        entities.append(hit)
    entities.sort(key=_START)
    cues: list[Match] = []
    # The widest phrase seen so far that silences the cues inside it.
    wide_start, wide_end, wide_category = -1, -1, ""
    for hit in cue_hits:
        start, end, entry, _ = hit
        inner = end <= wide_end and (start != wide_start or end != wide_end)
        # A trigger inside a wider cue is that cue's, unless the cue only says whose the act is
        # ("أنها استهدفت": a claim of the attack, which is still an attack), or only that it is
        # offered ("Italy's offer to train": an offer, which is still a contribution).
        # Nor is a denial inside the words that deny an act ("denied responsibility for"):
        # the act is denied, and the denial is a claim of its own.
        told = entry.category.startswith("T:") and (
            wide_category.startswith(("CLAIMED", "MOD:offered"))
            or (wide_category == "NOTDONE" and entry.category.startswith("T:comment_refusal"))
        )
        trigger = entry.category.startswith("T:") and not told
        if inner and not told and (_silences(wide_category) or trigger):
            continue
        if end > wide_end:
            wide_start, wide_end, wide_category = start, end, entry.category
        i = bisect_left(taken, (start + 1, start + 1)) - 1
        inside = i >= 0 and taken[i][0] <= start and end <= taken[i][1]
        if inside and entry.category not in _KEEP_INSIDE_ENTITIES and not _means_of(hit, taken[i]):
            continue
        cues.append(hit)
    return entities, cues


def _means_of(hit: Match, name: tuple[int, int]) -> bool:
    """Whether a word of attack ends a party's name as its means: "Israeli drone", "Israeli
    warplanes" name the IDF and the drone strike both."""
    return (
        hit.entry.category.startswith("T:attack")
        and hit.entry.lang == "en"
        and hit.end == name[1]
        and hit.start > name[0]
    )


def _longest_first(m: Match) -> tuple[int, int, bool]:
    return m.start - m.end, m.start, m.entry.adjective


def _leftmost_longest(m: Match) -> tuple[int, int]:
    return m.start, m.start - m.end


@cache
def _silences(category: str) -> bool:
    """Fixed phrases (triggers, hedges) silence the cues inside them; descriptive ones (a kind
    of contribution, a task, a measure) do not: "train Palestinian police" is both."""
    return category.split(":")[0] not in _DESCRIPTIVE
