"""Blame for an act: the party a sentence accuses, holds responsible or attributes it to is its
perpetrator ("واتهمت بغداد تركيا بتنفيذه", "an attack blamed on the Syrian government"), and
the accuser is not."""

from __future__ import annotations

from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, after, barriers, before, ids

PERPETRATOR_KINDS = frozenset({"state", "force", "armed_group", "organization"})


def blamed(sent: Sentence) -> list[str]:
    """The party the sentence blames for its act: "واتهمت بغداد تركيا بتنفيذه", "حملت الأمم
    المتحدة قوات الدعم السريع المسؤولية", "Baghdad blamed Turkey", "an attack blamed on the
    Syrian government", "غارة نسبت إلى القوات السورية". The accuser is never the accused."""
    stop = barriers(sent)
    for cue in sent.of("BLAME"):
        if "p" in cue.entry.flags:
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS)
        elif cue.entry.lang == "en":
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        elif before(sent, cue.start, max_words=2, kinds=PERPETRATOR_KINDS | {"body"}, stop=stop):
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        else:
            # verb first: the accuser, then the accused ("اتهمت بغداد تركيا"); a lone name
            # after other words is the accused of an accuser the dictionaries lack
            first = after(sent, cue.end, max_words=3, stop=stop)
            found = []
            if first:
                found = after(sent, first[-1].end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
                if not found and sent.words(cue.end, first[0].start) >= 1:
                    found = [m for m in first if sent.kind(m) in PERPETRATOR_KINDS]
        if found:
            return ids(found)
    return []


def is_accuser(sent: Sentence, match: Match) -> bool:
    """A name right after an Arabic verb of blame, or right before one: who accuses."""
    for cue in sent.of("BLAME", "T:violation_accusation"):
        if "v" not in cue.entry.flags:
            continue
        if cue.end <= match.start and sent.words(cue.end, match.start) == 0:
            return cue.entry.lang == "ar"
        if match.end <= cue.start and sent.words(match.end, cue.start) <= 1:
            return True
    return False
