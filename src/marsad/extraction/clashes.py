"""The sides of a fight, and which side its toll says was hit.

"Clashes between the army and the RSF" names two sides, and the first is read as the one that
attacked (as annotators read it, whoever lost men). A fight "with" a side names one side only:
when the dead are named as another party's, that party is the one attacked and the side fought
with the attacker: "ثلاثة عشر جندياً من قوات بلاده قتلوا في معارك مع متمردي سيليكا" (the Seleka
attacked South Africa's soldiers, as its president said).
"""

from __future__ import annotations

import re

from marsad.extraction.gazetteer import Match
from marsad.extraction.holders import own_before
from marsad.extraction.memo import per_trigger
from marsad.extraction.slots import Sentence, barrier_between, candidates, ids, word_start
from marsad.extraction.victims import victims

_WITH = re.compile(r"(?<!\w)(?:with|و?مع)(?!\w)")


def between(sent: Sentence, trigger: Match) -> list[Match]:
    """ "clashes between the army and the RSF", "اشتباكات بين الجيش وقوات الدعم السريع", "Taliban
    forces and Pakistani troops exchanged fire", "تبادل الجيش وقوات الدعم السريع إطلاق النار":
    the parties in order (the first is taken as the actor, the others as the target)."""
    exchanged = _exchanged(sent, trigger)
    if exchanged:
        return exchanged
    at = sent.text.find(" between ", trigger.end, min(sent.end, trigger.end + 40))
    if at < 0:
        at = sent.text.find(" بين ", trigger.end, min(sent.end, trigger.end + 30))
    if at < 0:
        return []
    parties = [
        m
        for m in candidates(sent)
        if m.start > at and sent.words(at, m.start) <= 8 and sent.kind(m) != "person"
    ]
    return parties if len(parties) >= 2 else []


_EXCHANGE_AR = re.compile(r"(?<!\w)و?(?:تبادل|تبادلت|تبادلا|تبادلتا|تبادلوا)(?!\w)")


def _exchanged(sent: Sentence, trigger: Match) -> list[Match]:
    """Two sides coordinated as the subject of an exchange of fire: before "exchanged fire",
    between "تبادل" and "إطلاق النار"."""
    said = sent.text[trigger.start : trigger.end]
    if (
        not said.startswith(("exchanged", "traded"))
        and "تباد" not in sent.text[sent.start : trigger.start]
    ):
        return []  # no exchange told: the commonest case, answered without a search
    tail = sent.text[trigger.end : min(sent.end, trigger.end + 12)].split()[:1]
    if tail and _WITH.fullmatch(tail[0]):
        return []  # "Kenyan and Somali troops exchanged fire with al-Shabaab": one side, allied
    if said.startswith(("exchanged", "traded")):
        begin = trigger.start
        while begin > sent.start and sent.words(begin, trigger.start) < _SIDES_WORDS:
            begin = sent.text.rfind(" ", sent.start, begin - 1) + 1 or sent.start
    else:
        verb = _EXCHANGE_AR.search(sent.text, max(sent.start, trigger.start - 60), trigger.start)
        if verb is None or sent.words(verb.end(), trigger.start) > _SIDES_WORDS:
            return []
        begin = verb.end()
    parties = [
        m
        for m in candidates(sent)
        if begin <= m.start
        and m.end <= trigger.start
        and not barrier_between(sent, m.end, trigger.start)
    ]
    if len(parties) < 2 or not _AND.search(sent.text, parties[0].end, parties[-1].start + 1):
        return []
    if sent.words(parties[-1].end, trigger.start) > 1:
        return []  # "تبادلت إسرائيل وحزب الله الاتهامات بشأن إطلاق النار": not fire exchanged
    return parties


# Words at most that the two sides of an exchange of fire take before it.
_SIDES_WORDS = 8
_AND = re.compile(r"(?<!\w)(?:and |و)")


def fought_with(sent: Sentence, trigger: Match) -> list[Match]:
    """The side a fight was with: "معارك مع متمردي تحالف سيليكا", "fighting with gunmen loyal
    to …" (the word "with" at most four words after a word of fighting, the side at most three
    after it)."""
    if trigger.entry.value != "gunfire":
        return []
    for mark in _WITH.finditer(sent.text, trigger.end, min(sent.end, trigger.end + 60)):
        if sent.words(trigger.end, mark.start()) > 4:
            return []
        side = [
            m
            for m in candidates(sent)
            if m.start >= mark.end()
            and sent.words(mark.end(), word_start(m)) <= 3
            and sent.kind(m) != "person"
        ]
        return side[:1]
    return []


@per_trigger
def sides(sent: Sentence, trigger: Match) -> list[list[str]]:
    """[attackers, attacked] of a fight with a side, when its toll names the dead as another
    party's; empty otherwise."""
    other = fought_with(sent, trigger)
    if not other or between(sent, trigger):
        return []  # "بين الجيش ومسلحي التنظيم": the first side named is read as the attacker
    hit = _hit(sent, trigger)
    if hit and not _of(sent, other[0], hit):
        return [ids(other), sorted(hit)]
    return []


def _hit(sent: Sentence, trigger: Match) -> set[str]:
    """The parties whose men the sentence's toll names: their owner or nationality, or the
    speaker's own ("جنوده", "قوات بلاده"), the speaker's state for a person or an office."""
    found = {m.entry.value for m in victims(sent, trigger)}
    for match in own_before(sent, trigger):
        actor = sent.actors[match.entry.value]
        found.add(actor.state or match.entry.value)
    return found


def _of(sent: Sentence, match: Match, hit: set[str]) -> bool:
    """Whether a side is one of the parties hit, or their state's own force."""
    actor = sent.actors[match.entry.value]
    return bool({actor.id, actor.parent, actor.state} & hit)
