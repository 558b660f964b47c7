"""A capital that speaks is its state's government: "Kinshasa denied carrying out any strikes",
"ونفت الخرطوم أي صلة لها بالجنجويد", "Tehran said". News names a government by its seat when
it says, denies, accuses or condemns; the capital's mention then stands for the state (its
place, in that sentence, is not where anything happened).

A capital is told from the other places by the rank the dictionaries give it
(`dictionaries._place`); the verb is a cue of speech right before it in Arabic, where the verb
comes first, or right after it in English.
"""

from __future__ import annotations

from collections.abc import Mapping

from marsad.extraction.gazetteer import ENTITY, Actor, Entry, Match

# The rank dictionaries._place adds to a capital's population.
_CAPITAL_RANK = 10**9
# Cues of speech that a government's seat may be the subject of.
_SPEECH = ("ATTR:say", "T:statement", "T:comment_refusal", "T:violation_accusation", "BLAME")


def speaking(
    entities: list[Match], cues: list[Match], text: str, actors: Mapping[str, Actor]
) -> list[Match]:
    """The entities with every capital that is the subject of a verb of speech read as its
    state."""
    out = []
    for match in entities:
        actor = actors[match.entry.value]
        if (
            actor.kind == "place"
            and (actor.population or 0) >= _CAPITAL_RANK
            and actor.parent
            and _speaks(match, cues, text)
        ):
            match = Match(match.start, match.end, Entry(ENTITY, actor.parent, match.entry.lang))
        out.append(match)
    return out


def _speaks(match: Match, cues: list[Match], text: str) -> bool:
    """Whether a verb of speech stands right before the capital (Arabic) or after it."""
    begin = match.start - len(match.prefix)
    if match.entry.lang == "en" and text[max(0, begin - 6) : begin].split()[-1:] in _LOCATIVE:
        return False  # "residents in Sanaa reported", "residents of Tehran said": a place
    for cue in cues:
        if not cue.entry.category.startswith(_SPEECH):
            continue
        if match.entry.lang == "ar" and cue.end <= begin and not text[cue.end : begin].strip():
            # "ونفت الخرطوم"; a noun is not the capital's verb: "اتهامات بغداد"
            word = text[cue.start : cue.end]
            noun = set(cue.prefix) & {"ب", "ل", "ا"} or word.startswith("ال")
            return not (noun or word.endswith("ات"))
        if match.entry.lang == "en" and cue.start >= match.end:
            if not text[match.end : cue.start].strip():
                return True  # "Kinshasa denied"
    return False


_LOCATIVE = [["in"], ["from"], ["at"], ["near"], ["to"], ["of"]]
