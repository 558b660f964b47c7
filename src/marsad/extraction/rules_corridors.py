"""The status of crossings and corridors: which crossing, opened or closed by whom."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft, attribution
from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, after, barriers, before, ids, nearest

_CROSSING_OF = {"PS0275": "CROSSING-RAFAH"}
_AUTHORITY = frozenset({"state", "office", "force"})


_VIA = frozenset({"through", "via", "عبر", "من"})


def _via(sent: Sentence, place: Match) -> bool:
    word = sent.text[max(sent.start, place.start - len(place.prefix) - 10) : place.start].split()
    return bool(word) and word[-1] in _VIA


_AGAIN = re.compile(r"(?<!\w)(?:و?اعادت|و?اعاد|اعيد|اعاده|again)(?!\w)")


def _lead_verb(sent: Sentence, trigger: Match) -> int:
    """Where the verb of the clause ends: "أعادت" when it stands a few words before the
    trigger ("أعادت السلطات السودانية فتح"), else the trigger's own end."""
    lead = sent.text[max(sent.start, trigger.start - 40) : trigger.start]
    found = list(_AGAIN.finditer(lead))
    if found:
        return max(sent.start, trigger.start - 40) + found[-1].end()
    return trigger.end


def _again(sent: Sentence, trigger: Match) -> bool:
    """ "أعادت السلطات السودانية فتح المعبر": an opening done again is a reopening."""
    lead = sent.text[max(sent.start, trigger.start - 40) : trigger.start]
    found = list(_AGAIN.finditer(lead))
    return (
        bool(found) and sent.words(trigger.start - len(lead) + found[-1].end(), trigger.start) <= 4
    )


# Words between a crossing and the place that names it: "the crossing at Jimaní".
_AT = frozenset({"at", "of", "in", "near"})


def _named_at(sent: Sentence, word: Match) -> str | None:
    """The place a crossing the dictionaries lack is named by: "the Tarqumiya crossing", "the
    border crossing at Jimaní", "معبر جديدة يابوس" (a town, or a place read from the text)."""
    for match in sent.entities:
        if sent.kind(match) != "place":
            continue
        if match.end <= word.start - len(word.prefix):
            gap = sent.text[match.end : word.start - len(word.prefix)].split()
            if word.entry.lang == "en" and gap in ([], ["border"]):
                return match.entry.value
        elif match.start >= word.end:
            gap = sent.text[word.end : match.start - len(match.prefix)].split()
            if not gap and word.entry.lang == "ar":
                return match.entry.value
            if word.entry.lang == "en" and len(gap) == 1 and gap[0] in _AT:
                return match.entry.value
    return None


def corridors(sent: Sentence) -> list[Draft]:
    """The status of each crossing or corridor the sentence names."""
    # "called for opening the crossings" asks for a status; it does not report one
    calls = [c.end for c in sent.of("T:statement") if c.entry.value == "call"]
    stop = barriers(sent)
    triggers = [
        t
        for t in sent.of("T:corridor_status")
        if not any(
            end <= t.start
            and sent.words(end, t.start) <= 12
            and not any(end <= b < t.start for b in stop)
            for end in calls
        )
    ]
    if not triggers:
        return []
    crossings = [m for m in sent.entities if m.entry.value.startswith("CROSSING-")]
    spots: list[tuple[Match, str | None]] = [(m, m.entry.value) for m in crossings]
    for word in sent.of("CROSSING"):
        # "the crossing at Rafah", "معبر مدينة رفح": a governorate named after its crossing
        place = next((m for m in sent.entities if m.entry.value in _CROSSING_OF), None)
        if place and 0 <= place.start - word.end and sent.words(word.end, place.start) <= 2:
            spots.append((word, _CROSSING_OF[place.entry.value]))
    for place in sent.entities:
        # "aid through Rafah", "عبر رفح": the crossing, not the governorate
        if place.entry.value in _CROSSING_OF and _via(sent, place):
            spots.append((place, _CROSSING_OF[place.entry.value]))
    if not spots:
        spots = [(c, _named_at(sent, c)) for c in sent.of("CROSSING")[:1]]
    drafts = []
    for spot, target in spots:
        near = [
            t for t in triggers if sent.words(min(t.end, spot.end), max(t.start, spot.start)) <= 6
        ]
        trigger = nearest(near, spot.start)
        if trigger is None:
            continue
        agent = ids(before(sent, min(trigger.start, spot.start), max_words=6, kinds=_AUTHORITY))
        if not agent and trigger.entry.lang == "ar":
            # verb first: "أغلقت الحكومة السودانية معبر أدري", "أعادت السلطات ... فتح"
            lead = _lead_verb(sent, trigger)
            agent = ids(after(sent, lead, max_words=3, kinds=_AUTHORITY, names_only=True))
            agent = [a for a in agent if a != target]
        if not agent:
            source = attribution(sent)
            if source and source.source and sent.actors[source.source].kind in _AUTHORITY:
                agent = [source.source]  # "COGAT said the crossing reopened"
        status = {"status": trigger.entry.value}
        if trigger.entry.value == "open" and _again(sent, trigger):
            status = {"status": "reopened"}
        drafts.append(Draft("corridor_status", trigger, 4, agent, [], target, status))
    return drafts
