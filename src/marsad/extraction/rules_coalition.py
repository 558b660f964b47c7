"""Rules for the coalition and governance claims: invitations, membership decisions,
contributions, legal reservations, caveats, charter actions and the plan."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft, variant_of
from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import (
    ACTOR_KINDS,
    Sentence,
    after,
    barriers,
    before,
    chain,
    eligible,
    ids,
    marked,
    subject_object,
    thing_near,
)

STATE_LIKE = frozenset({"state", "office", "person", "body", "group", "organization"})
JOINABLE = ("force", "body")
_NOT_ACTORS = frozenset({"force", "body", "agreement", "plan", "place", "media"})
_ROLE_ORDER = ("founding_member", "observer", "member")


def _without(items: list[str], *remove: str | None) -> list[str]:
    return [i for i in items if i not in remove]


def parties(sent: Sentence, items: list[str]) -> list[str]:
    """Actor ids that can decide or contribute (not the force or the body they join)."""
    return [a for a in items if sent.actors[a].kind not in _NOT_ACTORS or a == "PA"]


def joinable(sent: Sentence, trigger: Match, skip: list[str]) -> str | None:
    """The force or body being joined: named in the sentence, else the document's topic."""
    found = thing_near(sent, trigger.end, JOINABLE, skip)
    return found or sent.discourse.topic(frozenset(JOINABLE), tuple(skip))


def _or_last(sent: Sentence, actor: list[str]) -> list[str]:
    """An empty subject ("it", "she", a verb alone) is the last subject of the document."""
    return actor or list(sent.discourse.last_subject)


# Words before a call or request that tell it answered, not an invitation to join: "تلبية
# لدعوة", "استجابة لدعوة", "بدعوة من", "بطلب من", "at the request of" (folded).
_ANSWERED = frozenset(fold(w) for w in "تلبيه استجابه تلبيتا request behest".split())


_TO_JOIN = re.compile(r"انضمام|join")


def _answered_call(sent: Sentence, trigger: Match) -> bool:
    said = sent.text[trigger.start - len(trigger.prefix) : trigger.end]
    tail = sent.text[trigger.end : trigger.end + 4]
    if _TO_JOIN.search(sent.text, trigger.end, min(sent.end, trigger.end + 24)):
        return False  # "تلبية الدعوة للانضمام إلى مجلس السلام": the invitation to join
    if trigger.entry.lang == "ar" and said.startswith(("بدعوه", "بطلب")) and tail == " من ":
        return True
    lead = sent.text[max(sent.start, trigger.start - len(trigger.prefix) - 14) : trigger.start]
    return any(w in _ANSWERED for w in lead.casefold().split()[-2:])


def invitation(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor invites recipient to join target (both word orders, passive, "received an
    invitation from")."""
    stop = barriers(sent)
    if _answered_call(sent, trigger):
        return []  # "تلبية لدعوة قوى الحرية والتغيير", "بطلب من الحكومة": a call answered
    if "v" not in trigger.entry.flags and "p" not in trigger.entry.flags:
        for refusal in sent.of("T:comment_refusal"):
            if refusal.end <= trigger.start and sent.words(refusal.end, trigger.start) <= 6:
                return []  # "would not confirm a formal invitation": the refusal is the claim
        for decision in sent.of("T:membership_decision"):
            if "f" in decision.entry.flags:
                continue  # "سحب الدعوة": a withdrawal of troops it is not
            if decision.end <= trigger.start and sent.words(decision.end, trigger.start) <= 4:
                return []  # "accepted the invitation": the decision is the claim
    receive = [c for c in sent.of("RECV") if c.end <= trigger.start + 1]
    receive = [c for c in receive if sent.words(c.end, trigger.start) <= 4]
    if receive:
        arabic = trigger.entry.lang == "ar"
        patient = after(sent, receive[-1].end, max_words=2) if arabic else []
        patient = patient or before(sent, receive[-1].start, max_words=6, stop=stop)
        agent = marked(sent, "BY", trigger.end, max_words=6)
        actor, recipient, variant = ids(agent), ids(patient), 3
    else:
        agent, patient = subject_object(sent, trigger)
        if not agent and "v" not in trigger.entry.flags:
            agent = marked(sent, "BY", trigger.end, max_words=3)  # "an invitation from Trump"
        actor, recipient = ids(agent), ids(patient)
        variant = variant_of(trigger, bool(agent) and agent[0].start > trigger.end)
    target = joinable(sent, trigger, actor + recipient)
    recipient = _without(recipient, target, *actor)
    actor = _without(actor, target)
    roles = {c.entry.value for c in sent.of("ROLE:founding_member", "ROLE:observer", "ROLE:member")}
    role = next((name for name in _ROLE_ORDER if name in roles), "unspecified")
    return [Draft("invitation", trigger, variant, actor, recipient, target, {"role": role})]


def _kinds_near(sent: Sentence, trigger: Match) -> list[Match]:
    entity_spans = [(m.start, m.end) for m in sent.entities]
    # a kind belongs to the nearest contribution word before it, within the clause
    limits = [c.start for c in sent.of("T:contribution") if c.start > trigger.start]
    limits += [b for b in sent.barriers if b >= trigger.end and sent.text[b] in ";:"]
    stop = min(limits, default=sent.end)
    found = []
    for cue in sent.cues:
        if not cue.category.startswith("KIND"):
            continue
        if any(s <= cue.start < e for s, e in entity_spans):
            continue  # "Israeli forces" is an actor, not troops on offer
        window = 10 if "v" in trigger.entry.flags else 14
        if "w" in trigger.entry.flags:
            window = 4  # "المشاركة بقوات", "increasing its contingent"
        if trigger.start <= cue.start < stop and sent.words(trigger.end, cue.start) <= window:
            found.append(cue)
        elif "v" not in trigger.entry.flags and cue.end <= trigger.start:
            if sent.words(cue.end, trigger.start) <= 3 and "w" not in trigger.entry.flags:
                found.append(cue)
    # a kind inside a wider one is that one: "دعم عسكري" is military support, not troops
    return [c for c in found if not any(o is not c and _inside(c, o) for o in found)]


def _inside(inner: Match, outer: Match) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.end - outer.start > (inner.end - inner.start)
    )


def contribution_target(sent: Sentence, trigger: Match, kind: str, skip: list[str]) -> str | None:
    """The force for troops and police; Gaza for money, medicine and rebuilding."""
    in_sentence = thing_near(sent, trigger.end, JOINABLE, skip)
    if in_sentence == "ISF":
        return in_sentence
    gaza = any(_in_gaza(sent, m) for m in sent.entities)
    if kind not in ("troops", "police_training") and gaza:
        return "PS02"
    if in_sentence:
        return in_sentence
    topic = sent.discourse.topic(frozenset(JOINABLE), tuple(skip))
    if topic == "ISF" and kind in ("troops", "police_training", "political", "logistics"):
        return topic
    if gaza or sent.discourse.gaza:
        return "PS02"
    return topic


def _in_gaza(sent: Sentence, match: Match) -> bool:
    """A place of the Gaza Strip: money and rebuilding for it go to Gaza, not to a town of
    another setting ("1,495 soldiers to Mozambique")."""
    actor = sent.actors[match.entry.value]
    return actor.kind == "place" and (
        actor.id == "PS02" or (actor.pcode or actor.parent or "").startswith("PS02")
    )


# Words of a unit's arrival (folded), whose subject is the unit and its nation.
_ARRIVED = ("وصل", "وصول", "تصل", "يصل", "arriv", "landed")


def _nation_of_unit(sent: Sentence, kinds: list[Match]) -> list[Match]:
    """The state a unit is named by, beside its noun: "وصلت طلائع الكتيبة الماليزية", "نحو
    ٢٠٠ عنصر من قوات الدفاع الذاتي اليابانية", "the Malaysian battalion arrived"."""
    for kind in kinds:
        for match in sent.entities:
            if not match.entry.adjective or sent.kind(match) != "state":
                continue
            if match.start >= kind.end and sent.words(kind.end, match.start) <= 4:
                if match.entry.lang == "ar":
                    return [match]
            elif match.end <= kind.start and sent.words(match.end, kind.start) <= 1:
                if match.entry.lang == "en":
                    return [match]
    return []


def contribution(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor contributes (troops, police training, funding ...) to target."""
    kinds = _kinds_near(sent, trigger)
    if not kinds:
        return []
    agent, _ = subject_object(sent, trigger)
    if not agent:
        agent = before(sent, trigger.start, max_words=12, kinds=STATE_LIKE)
    if not agent and fold(sent.text[trigger.start : trigger.end]).casefold().startswith(_ARRIVED):
        # the unit that arrived names its nation, and what it is: troops
        kinds = [k for k in kinds if k.entry.value == "troops"]
        agent = _nation_of_unit(sent, kinds)
    actor = _or_last(sent, parties(sent, ids(agent)))
    # an armed group arming itself is no contribution: "accusing the RSF of bringing in weapons"
    actor = [a for a in actor if sent.actors[a].kind != "armed_group"]
    if not actor:
        return []
    variant = variant_of(trigger, bool(agent) and agent[0].start > trigger.end)
    drafts: list[Draft] = []
    for kind in dict.fromkeys(cue.entry.value for cue in kinds):
        cue = next(c for c in kinds if c.entry.value == kind)
        target = contribution_target(sent, trigger, kind, actor)
        draft = Draft("contribution", trigger, variant, actor, [], target, {"kind": kind})
        draft.focus = cue
        drafts.append(draft)
    return drafts


def legal_reservation(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor's legal condition: constitution, international mandate, parliament, other."""
    kinds = frozenset({"state", "office", "person", "group"})
    agent = before(sent, trigger.start, max_words=14, kinds=kinds)
    agent = agent or after(sent, trigger.end, max_words=8, kinds=kinds)
    actor = _or_last(sent, parties(sent, ids(agent)))
    bases = list(dict.fromkeys(c.entry.value for c in sent.cues if c.category.startswith("BASIS:")))
    if not bases:
        if trigger.entry.needs or trigger.category == "CONDITION":
            return []
        bases = ["other"]
    about = ("force", "body", "agreement", "plan")
    target = thing_near(sent, trigger.end, about, actor) or sent.discourse.topic(skip=tuple(actor))
    variant = variant_of(trigger, False)
    return [
        Draft("legal_reservation", trigger, variant, actor, [], target, {"basis": basis})
        for basis in bases
    ]


def caveat(sent: Sentence, trigger: Match) -> list[Draft]:
    """A contributing state's own condition (no ground troops, no combat, only in ...); for the
    force itself, a limit of its mandate."""
    subject = before(sent, trigger.start, max_words=10)
    if trigger.entry.lang == "ar" and not subject:
        subject = after(sent, trigger.end, max_words=3, names_only=True)
    value = trigger.entry.value
    if trigger.category == "NOCOMBAT":
        if not subject or sent.kind(subject[-1]) not in STATE_LIKE - {"body"}:
            # the force itself: "the ISF will not take part in direct combat"
            draft = Draft("mandate_limit", trigger, 4, [], [], "ISF", {"limit": "no_direct_combat"})
            draft.modality = "asserted"
            return [draft]
        value = "no_combat"
    actor = parties(sent, ids(subject))
    if not actor:
        actor = parties(sent, ids(before(sent, trigger.start, max_words=14, kinds=STATE_LIKE)))
    actor = _or_last(sent, actor)
    if not actor:
        return []
    target = thing_near(sent, trigger.end, ("force",)) or sent.discourse.topic(frozenset({"force"}))
    draft = Draft("caveat", trigger, variant_of(trigger, False), actor, [], target)
    draft.attributes = {"caveat": value}
    draft.modality = "asserted"
    return [draft]


def mandate_limit(sent: Sentence, trigger: Match) -> list[Draft]:
    """What the force will not do (no direct combat, other limits)."""
    subject = before(sent, trigger.start, max_words=10)
    if subject and subject[-1].entry.value != "ISF" and sent.kind(subject[-1]) == "state":
        return []
    draft = Draft("mandate_limit", trigger, 4, [], [], "ISF", {"limit": trigger.entry.value})
    draft.modality = "asserted"
    return [draft]


def charter_action(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor(s) signed, did not sign, boycotted, abstained on, or are open to amending target."""
    action = trigger.entry.value
    found = thing_near(sent, trigger.end, ("agreement", "body"))
    if found in (None, "GAZA-CEASEFIRE"):
        found = None
        if action != "signed":  # "stayed away from the ceremony": the document's charter
            found = sent.discourse.topic(frozenset({"agreement", "body"}), ("GAZA-CEASEFIRE",))
    if found is None:
        return []
    # signing the Board of Peace is signing its charter
    target = "BOP-CHARTER" if found == "BOP" and action != "abstained" else found
    if action == "signed":
        for other in sent.of("T:charter_action"):
            if other.entry.value != "signed" and other.end <= trigger.start:
                if sent.words(other.end, trigger.start) <= 7:
                    return []  # "stayed away from the signing": the signing is the object
    agent, _ = subject_object(sent, trigger)
    if not agent:
        agent = before(sent, trigger.start, max_words=12, kinds=STATE_LIKE)
    listed = _state_list(sent)
    if len(listed) > len(agent):
        agent = listed  # "signed by Saudi Arabia, Qatar, Egypt and Türkiye" beside a host
    actor = [a for a in ids(agent) if a != target and sent.actors[a].kind != "body"]
    actor = _or_last(sent, [a for a in actor if sent.actors[a].kind in ACTOR_KINDS])
    if not actor:
        return []
    variant = variant_of(trigger, bool(agent) and agent[0].start > trigger.end)
    draft = Draft("charter_action", trigger, variant, actor, [], target, {"action": action})
    if action != "signed":
        draft.modality = "asserted"
    return [draft]


def _state_list(sent: Sentence) -> list[Match]:
    """The longest run of coordinated states or groups in the sentence."""
    items = [m for m in eligible(sent, frozenset({"state", "group"}))]
    best: list[Match] = []
    for index in range(len(items)):
        run = chain(sent, items, index, 1)
        if len(run) > len(best):
            best = run
    return best if len(best) > 1 else []


def plan_announcement(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor announces target (a plan), with its number of points when given."""
    plans = [m for m in sent.entities if sent.kind(m) == "plan"]
    if not plans:
        return []
    target = plans[0].entry.value
    agent, _ = subject_object(sent, trigger)
    actor = _or_last(sent, [a for a in ids(agent) if sent.actors[a].kind != "plan"])
    points = None
    for number in sent.numbers:
        tail = sent.text[number.end : number.end + 12]
        head = sent.text[max(sent.start, number.start - 10) : number.start]
        if any(w in tail for w in ("point", "نقطه", "بند")) or any(
            w in head for w in ("النقاط", "البنود", "نقاطها")
        ):
            points = number.best
            break
    if points is None and any(w in sent.text[sent.start : sent.end] for w in ("العشرين", "20")):
        points = 20
    variant = variant_of(trigger, bool(agent) and agent[0].start > trigger.end)
    return [Draft("plan_announcement", trigger, variant, actor, [], target, {"points": points})]
