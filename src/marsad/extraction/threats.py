"""Who threatens or vows force carries it out: "لوّح الرئيس المصري عبد الفتاح السيسي بتدخل
عسكري", "توعدت حركة طالبان بشن هجمات", "Erdogan has threatened to launch an operation". The
threatened attack is future or hypothetical (draft.modality); its perpetrator is the party that
threatens, a person standing for the state he leads."""

from __future__ import annotations

from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.rules_blame import PERPETRATOR_KINDS
from marsad.extraction.slots import Sentence

# Verbs of threat and vow among the forecast cues (folded).
_THREATS = frozenset(
    fold(w)
    for w in "لوح لوحت يلوح تلوح هدد هددت يهدد تهدد توعد توعدت يتوعد تتوعد threatened "
    "threatens vowed vows warned".split()
)


def threatener(sent: Sentence, trigger: Match) -> list[str]:
    """The party whose threat or vow introduces the attack, if any."""
    for cue in sent.of("FORECAST:hypothetical", "FORECAST:future"):
        said = fold(sent.text[cue.start : cue.end]).casefold().split()
        if not said or said[0] not in _THREATS or cue.start > trigger.start:
            continue
        if sent.words(cue.end, trigger.start) > 8:
            continue
        if trigger.entry.lang == "ar":
            # the subject follows the verb: "لوّح الرئيس المصري عبد الفتاح السيسي بـ"
            found = [m for m in sent.entities if cue.end <= m.start < trigger.start]
        else:
            found = [
                m for m in sent.entities if m.end <= cue.start and sent.words(m.end, cue.start) <= 3
            ]
        parties = [_party(sent, m) for m in found]
        named = [p for p in parties if p]
        if named:
            return list(dict.fromkeys(named))[:1]
    return []


def _party(sent: Sentence, match: Match) -> str | None:
    actor = sent.actors[match.entry.value]
    if actor.kind in PERPETRATOR_KINDS:
        return match.entry.value
    if actor.kind == "person" and actor.state:
        return actor.state  # a head of state threatens with his state's forces
    return None
