"""Which rule runs on which trigger, and the clean-up of a sentence's claims."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from marsad.extraction import rules_attack as attack
from marsad.extraction import rules_coalition as coalition
from marsad.extraction import rules_corridors as corridor
from marsad.extraction import rules_detention as detention
from marsad.extraction import rules_ground as ground
from marsad.extraction import rules_killings as killings
from marsad.extraction import rules_membership as membership
from marsad.extraction import rules_protest as protest
from marsad.extraction import rules_speech as speech
from marsad.extraction import rules_violation as violation
from marsad.extraction.accidents import accidental
from marsad.extraction.clashes import between
from marsad.extraction.draft import Draft, modality, negated
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.slots import Sentence, allowed
from marsad.extraction.threats import announced_force, vows

Builder = Callable[[Sentence, Match], list[Draft]]
# When several triggers share the same words, the first of this list that yields a claim wins.
TRIGGERS: dict[str, Builder] = {
    "T:comment_refusal": speech.comment_refusal,
    "T:membership_decision": membership.membership_decision,
    "T:invitation": coalition.invitation,
    "T:charter_action": coalition.charter_action,
    "T:caveat": coalition.caveat,
    "NOCOMBAT": coalition.caveat,
    "T:mandate_limit": coalition.mandate_limit,
    "T:legal_reservation": coalition.legal_reservation,
    "T:plan_announcement": coalition.plan_announcement,
    "T:violation_accusation": violation.accusations,
    "T:contribution": coalition.contribution,
    "T:dispute": speech.dispute,
    "T:statement": speech.statement,
}
_ORDER = {name: rank for rank, name in enumerate(TRIGGERS)}
_DECLINED = ("T:membership_decision", "declined")
# One claim of these types per sentence and attribute value is enough.
_ONE_PER_SENTENCE = {
    "violation_accusation",
    "dispute",
    "legal_reservation",
    "mandate_limit",
    "membership_decision",
}


def sentence_drafts(sent: Sentence, *, isf_near: bool) -> list[Draft]:
    """Every claim the rules find in one sentence."""
    drafts: list[Draft] = []
    triggers = [c for c in sent.cues if c.category in TRIGGERS and allowed(sent, c)]
    triggers.sort(key=lambda c: (c.start, c.end, _ORDER[c.category]))
    claimed: set[tuple[int, int]] = set()
    for trigger in triggers:
        span = (trigger.start, trigger.end)
        if span in claimed:
            continue
        found = TRIGGERS[trigger.category](sent, trigger)
        if (
            not found
            and (trigger.category, trigger.entry.value) == _DECLINED
            and "k" not in trigger.entry.flags
        ):
            # "Hamas rejected the proposal": a rejection by a party that was not invited
            entry = replace(trigger.entry, category="T:statement", value="reject")
            found = speech.statement(sent, trigger._replace(entry=entry))
        if found:
            claimed.add(span)
            drafts.extend(found)
    drafts += _composites(sent, {d.type for d in drafts})
    drafts += attack.attacks(sent)
    drafts += vows(sent, drafts)
    drafts += announced_force(sent, drafts)
    drafts += protest.protests(sent)
    drafts += detention.detentions(sent, drafts)
    drafts += ground.ceasefire_phase(sent)
    drafts += ground.casualties(sent)
    drafts += killings.killings(sent, drafts)
    # an event the sentence denies did not happen: no claim at all
    drafts = [d for d in drafts if d.type not in _EVENTS or not negated(sent, d)]
    if any(d.type in ("attack", "casualties") for d in drafts) and accidental(sent):
        # a gas cylinder or a remnant of war going off is no attack, its dead no toll of one
        drafts = [d for d in drafts if d.type not in ("attack", "casualties")]
    drafts = _speech_of_events(sent, drafts)
    drafts = [d for d in drafts if d.type not in _EVENTS or not _characterized(sent, d)]
    tolls = [d.attributes.get("period") for d in drafts if d.type == "casualties"]
    if "other" in tolls and all(tolls):
        # "since the war began, Israeli attacks have killed 3,000": a total, not a new attack;
        # a sentence that also gives one incident's toll keeps its attacks
        drafts = [d for d in drafts if d.type != "attack"]
    _toll_of_the_attack(sent, drafts)
    drafts += corridor.corridors(sent)
    drafts += ground.aid(sent)
    drafts += speech.mandate_tasks(sent, isf_near)
    ground.simple_figures(sent, drafts)
    for draft in drafts:
        if draft.type in _FOR_THE_STATE:
            draft.actor = _states(sent, draft.actor)
    return _tidy(_one_per_contributor(drafts))


def _toll_of_the_attack(sent: Sentence, drafts: list[Draft]) -> None:
    """A toll with no perpetrator of its own, in a sentence whose attacks name one party, is
    that attack's toll: "اقتحمت قوات الدعم السريع المخيم … وقالت الأمم المتحدة إن ٣٠٠ مدني
    قتلوا". A total over a period is left as it is."""
    attacks = [d for d in drafts if d.type == "attack"]
    attacked = [d.recipient[:1] for d in attacks if d.recipient and d.actor]
    answered = [d for d in drafts if d.type == "casualties" and _of_the_attackers(sent, d)]
    for draft in answered if attacked else []:
        # "ردّت القوات على الهجوم وقتلت ١٧ من المهاجمين": the attackers' dead are the
        # attacked side's doing
        draft.actor = list(attacked[0])
    parties = {tuple(d.actor) for d in attacks if d.actor}
    if len(parties) != 1 or any(between(sent, d.trigger) for d in attacks):
        return  # the dead of a clash are either side's
    (actor,) = parties
    for draft in drafts:
        if draft.type == "casualties" and not draft.actor and not draft.attributes.get("period"):
            draft.actor = list(actor)


# The attackers named as the dead (folded): "١٧ من المهاجمين", "killing 14 of the attackers".
_ATTACKERS = (
    "من المهاجمين",
    "من المسلحين المهاجمين",
    "of the attackers",
    "attackers",
    "assailants",
)


def _of_the_attackers(sent: Sentence, draft: Draft) -> bool:
    """Whether a toll counts the attackers themselves."""
    spans = [f["span"] for f in draft.figures.values() if f.get("span")]
    return any(
        sent.text[end : min(sent.end, end + 24)].lstrip().startswith(_ATTACKERS) for _, end in spans
    )


# Words that give what a speaker calls an act: "وصف الحادث بأنه «اغتيال متعمد»", "واصفاً إياه
# بأنه «محاولة اغتيال»", "described it as an assassination" (folded).
_CALLED = re.compile(
    r"(?<!\w)(?:بانه|بانها|بانهم|described (?:it|them|the \w+) as|calling it|called it)(?!\w)"
)


def _characterized(sent: Sentence, draft: Draft) -> bool:
    """Whether an event's trigger is only the name a speaker gives an act (two words at most
    after "بأنه"), not an act of its own."""
    lead = sent.text[max(sent.start, draft.trigger.start - 40) : draft.trigger.start]
    marks = list(_CALLED.finditer(lead))
    if not marks:
        return False
    rest = lead[marks[-1].end() :].replace("«", " ").replace('"', " ")
    return len(rest.split()) <= 2 and not set(",،.") & set(rest)


def _speech_of_events(sent: Sentence, drafts: list[Draft]) -> list[Draft]:
    """Speech that only restates an event of the sentence: the protesters' "مطالبين برحيل"
    (the protest says it), "رفضت إيطاليا إرسال قوات" (the refused contribution says it)."""
    drafts = [d for d in drafts if not _addressed(sent, d, drafts)]
    protest = any(d.type == "protest" for d in drafts)
    refused = [
        d.trigger.start
        for d in drafts
        if d.type == "contribution" and modality(sent, d) == "negated"
    ]
    kept = []
    for draft in drafts:
        stance = draft.attributes.get("stance") if draft.type == "statement" else None
        if stance == "call" and protest and not _to_end_it(sent, draft):
            continue  # the crowd's demands, which its protest says
        if stance == "reject" and any(
            0 <= pos - draft.trigger.end and sent.words(draft.trigger.end, pos) <= 4
            for pos in refused
        ):
            continue
        kept.append(draft)
    return kept


# What a call to end a protest asks, right after the call: "دعا … التجار إلى إنهاء الإضراب",
# "urged teachers to call off the strike", "urged staff to return to their classrooms" (folded).
_END_IT = re.compile(
    r"(?:الي |ب)(?:انهاء|وقف|فك|تعليق|العوده الي) (?:الاضراب|الاعتصام|الاحتجاجات|العمل|الصفوف)"
    r"|call off|end the (?:strike|protest|sit-in|blockade)|return to (?:work|their|class)"
)


def _to_end_it(sent: Sentence, draft: Draft) -> bool:
    """Whether a call asks the protesters to end their protest (a party's own call)."""
    end = min(sent.end, draft.trigger.end + 100)
    return bool(draft.actor) and _END_IT.search(sent.text, draft.trigger.end, end) is not None


# Nouns of a crowd that name the protesters, not their act.
_CROWD_NOUNS = ("محتج", "المحتج", "متظاهر", "المتظاهر", "protesters", "demonstrators")


def _addressed(sent: Sentence, draft: Draft, drafts: list[Draft]) -> bool:
    """A protest read from the protesters a speaker calls on ("ودعا الرئيس رينيه بريفال
    المحتجين إلى وقف أعمال العنف", "urged protesters to go home"): they are addressed, the
    sentence tells no protest."""
    if draft.type != "protest":
        return False
    word = sent.text[draft.trigger.start : draft.trigger.end]
    if not word.startswith(_CROWD_NOUNS):
        return False
    return any(
        d.type == "statement"
        and d.attributes.get("stance") == "call"
        and d.trigger.end <= draft.trigger.start
        and sent.words(d.trigger.end, draft.trigger.start) <= _ADDRESSEE_WORDS
        for d in drafts
    )


_ADDRESSEE_WORDS = 6


def _one_per_contributor(drafts: list[Draft]) -> list[Draft]:
    """ "Saudi Arabia and the UAE pledged ...": one contribution per state, as each has its own
    amount and conditions."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.type != "contribution" or len(draft.actor) < 2:
            out.append(draft)
            continue
        for actor_id in draft.actor:
            out.append(replace(draft, actor=[actor_id], figures=dict(draft.figures)))
    return out


_EVENTS = frozenset({"attack", "casualties", "protest"})
# A minister or an office speaks for its state in these claims: the state pledges, signs,
# decides and has reservations. Statements and refusals keep the exact speaker.
_FOR_THE_STATE = {
    "contribution",
    "legal_reservation",
    "caveat",
    "charter_action",
    "membership_decision",
}


def _states(sent: Sentence, actor: list[str]) -> list[str]:
    out = []
    for actor_id in actor:
        entry = sent.actors[actor_id]
        if entry.kind == "person" and entry.state:
            actor_id = entry.state
        elif entry.kind == "office" and entry.parent and sent.actors[entry.parent].kind == "state":
            actor_id = entry.parent
        out.append(actor_id)
    return list(dict.fromkeys(out))


def _negated_cue(sent: Sentence, category: str, window: int = 5) -> list[Match]:
    """Cues of a category with a negation shortly before them, as one span from the
    negation: "will not take part in combat", "لن ترسل قوات برية"."""
    found = []
    for cue in sent.of(category):
        for neg in sent.of("NEG"):
            if neg.end <= cue.start and sent.words(neg.end, cue.start) <= window:
                found.append(Match(neg.start, cue.end, cue.entry, neg.prefix))
                break
    return found


def _composites(sent: Sentence, types: set[str]) -> list[Draft]:
    """Claims made of two cues apart: a negation and combat or ground troops, a legal basis
    and a condition."""
    drafts: list[Draft] = []
    if not types & {"caveat", "mandate_limit"}:
        for cue in _negated_cue(sent, "COMBAT"):
            entry = Entry("NOCOMBAT", "no_combat", cue.entry.lang, frozenset())
            drafts += coalition.caveat(sent, Match(cue.start, cue.end, entry, cue.prefix))
        for cue in _negated_cue(sent, "GROUND"):
            entry = Entry("T:caveat", "no_ground_troops", cue.entry.lang, frozenset())
            drafts += coalition.caveat(sent, Match(cue.start, cue.end, entry, cue.prefix))
    if "legal_reservation" not in types:
        for cue in sent.of("CONDITION")[:1]:
            drafts += coalition.legal_reservation(sent, cue)
    return drafts


def _key(draft: Draft) -> tuple[object, ...]:
    return (
        draft.type,
        tuple(draft.actor),
        tuple(draft.recipient),
        draft.target,
        tuple(sorted((k, str(v)) for k, v in draft.attributes.items())),
        # "killed … and vowed more attacks": the attack told and the attack to come
        draft.modality if draft.type == "attack" else None,
    )


def _answers(draft: Draft, kept: list[Draft]) -> bool:
    """Whether an accusation is the other side's of one kept (its accuser accused by it)."""
    return bool(draft.recipient) and any(
        k.type == draft.type and k.actor == draft.recipient and k.recipient == draft.actor
        for k in kept
    )


def _tidy(drafts: list[Draft]) -> list[Draft]:
    types = {d.type for d in drafts}
    # one stance of a speaker per sentence: the one that names what it is about
    aimed = {(tuple(d.actor), d.attributes.get("stance")) for d in drafts if d.target}
    drafts = [
        d
        for d in drafts
        if d.type != "statement"
        or d.target
        or (tuple(d.actor), d.attributes.get("stance")) not in aimed
    ]
    others = [d.trigger.start for d in drafts if d.type != "statement"]
    kept: list[Draft] = []
    seen: set[tuple[object, ...]] = set()
    seen_types: set[tuple[str, str]] = set()
    for draft in drafts:
        stance = draft.attributes.get("stance")
        if stance == "announce" and any(0 <= pos - draft.trigger.end <= 40 for pos in others):
            continue  # "announced its readiness to send troops": the contribution says more
        if stance == "call" and "invitation" in types:
            continue
        if stance == "reject" and types & {"membership_decision", "comment_refusal"}:
            continue
        if draft.type == "mandate_limit" and "caveat" in types:
            continue
        key = _key(draft)
        if key in seen:
            continue
        if draft.type in _ONE_PER_SENTENCE:
            value = str(sorted(draft.attributes.items()))
            if _answers(draft, kept):
                value += str(draft.actor)  # "accused each other": two accusations
            if (draft.type, value) in seen_types:
                continue
            seen_types.add((draft.type, value))
        seen.add(key)
        kept.append(draft)
    return kept
