"""Acts told in answer to others: fire returned by the side fired at ("returned fire",
"ردّت على مصادر النيران"), armed men killed in a later act who are the attackers told before,
and a strike an army tells of as its own. rules_attack.py reads them."""

from __future__ import annotations

import re

from marsad.extraction import roles
from marsad.extraction.draft import Draft
from marsad.extraction.figures import find_numbers
from marsad.extraction.gazetteer import Match
from marsad.extraction.holders import speaker
from marsad.extraction.home_forces import bare_forces
from marsad.extraction.normalize import fold
from marsad.extraction.rules_blame import PERPETRATOR_KINDS, another_act
from marsad.extraction.slots import Sentence

_AFTER = frozenset(fold(w) for w in "after before بعد قبل".split())


def apart_returned(sent: Sentence, triggers: list[Match]) -> tuple[list[Match], list[Match]]:
    """The triggers of the sentence's other acts, and those of fire returned. The fire named in
    the words of fire returned is no act of its own ("ردّت على مصادر النيران"), but an act told
    after "after" is ("returned fire after gunmen shot at them")."""
    returned = [t for t in triggers if "r" in t.entry.flags]
    plain = [
        t
        for t in triggers
        if "r" not in t.entry.flags
        and not (
            t.entry.value == "gunfire"
            and any(
                r.end <= t.start
                and sent.words(r.end, t.start) <= 5
                and not _AFTER & set(sent.text[r.end : t.start].split())
                for r in returned
            )
        )
    ]
    return plain, returned


def returned_once(
    sent: Sentence, acts: list[tuple[str, Match]], triggers: list[Match]
) -> list[tuple[str, Match]]:
    """Fire returned is one act, of the means named right after it: "ردت على مصادر النيران"
    (its النيران no other act), "ردّت بقصف مدفعي على مصادر النيران" (artillery)."""
    returned = [t for _, t in acts if "r" in t.entry.flags]
    if not returned:
        return acts

    def right_after(trigger: Match) -> Match | None:
        # not the act it answers: "returned fire after gunmen shot at officers"
        return next(
            (
                r
                for r in returned
                if r.end <= trigger.start
                and sent.words(r.end, trigger.start) <= 3
                and not _AFTER & set(sent.text[r.end : trigger.start].split())
            ),
            None,
        )

    means_of: dict[int, str] = {}
    for trigger in triggers:
        after_return = right_after(trigger)
        if after_return is not None and "r" not in trigger.entry.flags:
            means_of.setdefault(id(after_return), trigger.entry.value)
    return [
        (means_of.get(id(t), m), t) if "r" in t.entry.flags else (m, t)
        for m, t in acts
        if right_after(t) is None or "r" in t.entry.flags
    ]


def fire_returned(
    sent: Sentence, trigger: Match, drafts: list[Draft], actor: list[str]
) -> tuple[list[str], list[str]]:
    """ "Peacekeepers returned fire, killing two of the attackers", "وردت القوات على مصادر
    النيران": the side fired at fires back, at whoever fired first (the last attack of the
    sentence, or of the text before)."""
    # the act it answers, told before it or after ("returned fire after gunmen shot at them")
    acts = [d for d in drafts if d.type == "attack" and "r" not in d.trigger.entry.flags]
    earlier = [d for d in acts if d.trigger.start < trigger.start] or [
        d
        for d in acts
        if _AFTER & set(sent.text[trigger.end : d.trigger.start].split())
        and sent.words(trigger.end, d.trigger.start) <= 6
    ][:1]
    attacked = earlier[-1].recipient if earlier else sent.discourse.last_attacked
    attackers = earlier[-1].actor if earlier else sent.discourse.last_perpetrator
    if not actor or set(actor) & set(attackers):
        actor = list(attacked)  # not the party that fired first, found again by the fallbacks
    elif not set(actor) & set(attacked):
        return actor, []  # another side fires back: at whom, this text does not say
    return actor, [a for a in attackers if a not in actor and not roles._same_side(sent, a, actor)]


# Armed men named with no owner (folded): "killed 20 militiamen", "وقتلت ١٧ من المهاجمين".
_ARMED_MEN = frozenset(
    fold(w)
    for w in "militants militiamen fighters attackers assailants insurgents rebels gunmen "
    "jihadists terrorists مسلحا مسلحين المسلحين مقاتلا مقاتلين المقاتلين المهاجمين مهاجما "
    "مهاجمين المتمردين متمردا متمردين ارهابيا ارهابيين الارهابيين".split()
)


# Words of soldiers among the dead (folded).
_OWN_DEAD = frozenset(
    fold(w) for w in "soldiers soldier troops جنود جنديا جنديين جنديان جندي عسكريين".split()
)


def own_strike(sent: Sentence, trigger: Match, aimed_at: list[str]) -> list[str]:
    """An army or a state that tells of a strike killing armed men, with no one else named at
    it, tells its own: "Burkina Faso's army said air strikes had killed dozens of terrorists",
    "أعلن الجيش النيجري أن ضربات جوية قضت على نحو ٥٠ إرهابياً"."""
    if (
        trigger.entry.value in ("explosive", "abduction")
        or "تعرض" in sent.text[trigger.start - 12 : trigger.start]
    ):
        return []  # "قال الجيش إن قافلة تعرضت لكمين": an ambush of its own men
    quoted = [m for m in speaker(sent) if m.end <= trigger.start]
    if not quoted or sent.kind(quoted[0]) not in ("state", "force"):
        return []
    if bare_forces(sent, trigger) or _OWN_DEAD & {fold(w) for w in sent.text.split()}:
        return []  # "… killed five soldiers and three of the attackers": its men were hit
    if quoted[0].entry.value in aimed_at:
        return []
    between = [m for m in sent.entities if quoted[0].end <= m.start < trigger.start]
    if any(sent.kind(m) in PERPETRATOR_KINDS for m in between):
        return []
    words = [fold(w).strip("«»\".,،'") for w in sent.text[trigger.end : sent.end].split()]
    return [quoted[0].entry.value] if any(w.lower() in _ARMED_MEN for w in words) else []


def attackers_hit(sent: Sentence, trigger: Match, actor: list[str]) -> list[str]:
    """The party whose attack was told before, when a later act kills armed men it does not
    name: "Kamuina Nsapu militiamen attacked a police post … The army said it had killed 20
    militiamen", "… وقال الجيش إنه قتل ١٧ مسلحاً". Not the actor's own side."""
    before = sent.discourse.last_perpetrator
    if not before or set(before) & set(actor) or another_act(sent):
        return []  # "… killed three militants in a separate raid"
    if not _unnamed_armed_men(sent):
        return []
    return [a for a in before if not roles._same_side(sent, a, actor)]


# Words before armed men that name no party (folded): "the attackers", "dozens of militants".
_UNNAMING = frozenset(
    fold(w) for w in "the of several many some dozens scores more من عشرات عدد العشرات".split()
)


def _unnamed_armed_men(sent: Sentence) -> bool:
    """Armed men the sentence names with no party or nationality right before them ("four
    Kurdish fighters" are Kurds; "the attackers' homes" are not the men)."""
    for match in re.finditer(r"\S+", sent.text[sent.start : sent.end]):
        word = fold(match.group()).strip('«»".,،').lower()
        if word not in _ARMED_MEN:
            continue
        at = sent.start + match.start()
        lead = sent.text[max(sent.start, at - 20) : at].split()[-1:]
        counted = bool(lead) and (lead[0] in _UNNAMING or bool(find_numbers(lead[0])))
        if counted and not any(m.end <= at and sent.words(m.end, at) == 0 for m in sent.entities):
            return True  # "killed 20 militiamen", not "four Kurdish fighters"
    return False
