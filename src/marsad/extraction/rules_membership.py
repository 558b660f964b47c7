"""Membership decisions: an invited party considers, accepts, declines or withdraws from a
force or body. A decision about troops or money with nothing named to join is a contribution
given or refused; a withdrawal is one from a force, mission, coalition or organisation, not
from a territory ("troop withdrawals" are no claim)."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft, variant_of
from marsad.extraction.gazetteer import Match
from marsad.extraction.rules_coalition import (
    JOINABLE,
    STATE_LIKE,
    _or_last,
    contribution_target,
    joinable,
    parties,
)
from marsad.extraction.slots import Sentence, after, barriers, before, ids, thing_near

# What a withdrawal is from, and the words that name a body the dictionaries lack.
_FROM = re.compile(
    r"(?<!\w)(?:من|from|out of|المشاركين في|المشاركه في|العاملين في|المنتشرين في|ضمن)(?!\w)"
)
_BODY_WORDS = (
    "بعثه",
    "قوه",
    "قوات",
    "التحالف",
    "تحالف",
    "مجموعه",
    "منظمه",
    "الاتحاد",
    "mission",
    "coalition",
    "force",
    "alliance",
    "group",
    "organisation",
    "organization",
    "operation",
)


def membership_decision(sent: Sentence, trigger: Match) -> list[Draft]:
    """The invited party's decision: under consideration, accepted, declined, withdrawn."""
    offered = _offered_kind(sent, trigger)
    if offered is not None:
        return offered
    if "k" in trigger.entry.flags and not thing_near(sent, trigger.end, JOINABLE, []):
        return []  # "will not take part in any military action": neither joining nor giving
    if "f" in trigger.entry.flags and not _from_body(sent, trigger):
        return []  # "withdrew its troops from the south" is no decision about membership
    stop = barriers(sent)
    subject = before(sent, trigger.start, max_words=2, kinds=STATE_LIKE, stop=stop)
    if trigger.entry.lang == "ar" and "v" in trigger.entry.flags and not subject:
        subject = after(
            sent, trigger.end, max_words=3, kinds=STATE_LIKE, stop=stop, names_only=True
        )
    subject = subject or before(sent, trigger.start, max_words=12, kinds=STATE_LIKE)
    subject = subject or after(sent, trigger.end, max_words=8, kinds=STATE_LIKE)
    if subject and not parties(sent, ids(subject)):
        return []  # "the force will not take part in combat" is not a decision to join
    actor = _or_last(sent, parties(sent, ids(subject)))
    if not actor:
        return []
    target = joinable(sent, trigger, actor)
    variant = variant_of(trigger, bool(subject) and subject[0].start > trigger.end)
    decision = {"decision": trigger.entry.value}
    return [Draft("membership_decision", trigger, variant, actor, [], target, decision)]


_TAKE_PART = ("تشارك", "يشارك", "المشاركه", "take part", "participat")


def _offered_kind(sent: Sentence, trigger: Match) -> list[Draft] | None:
    """ "لن تشارك في أي قوة عسكرية", "will not take part in any military force", "is
    considering a protection force": a decision about troops or money, with no force or body
    named to join, is a contribution refused or proposed, not a membership decision; "وافقت على
    إرسال ثلاثة آلاف جندي" is the contribution the next words tell."""
    decision = trigger.entry.value
    given = any(  # the subject may stand between: "وافقت الحكومة الإيطالية على إرسال"
        c.start >= trigger.end
        and sent.words(trigger.end, c.start) <= 4
        and _kind_after(sent, c)
        and not any(w in sent.text[trigger.end : c.start] for w in _INVITED)
        for c in sent.of("T:contribution")
    )
    if decision == "accepted" and given:
        return []  # "وافقت على إرسال ثلاثة آلاف جندي": the contribution rule tells it
    words = sent.text[trigger.start : trigger.end]
    if decision == "declined" and not any(w in words for w in _TAKE_PART):
        return None  # "رفض الانضمام إلى التحالف العسكري": joining is membership
    if decision not in ("declined", "under_consideration"):
        return None  # "accepted the invitation" stays a decision
    if thing_near(sent, trigger.end, JOINABLE, []):
        return None
    kinds = [
        c
        for c in sent.cues
        if c.category.startswith("KIND:")
        and c.start >= trigger.end
        and sent.words(trigger.end, c.start) <= 6
    ]
    if not kinds:
        return None
    agent = before(sent, trigger.start, max_words=12, kinds=STATE_LIKE)
    agent = agent or after(sent, trigger.end, max_words=3, kinds=STATE_LIKE, names_only=True)
    actor = _or_last(sent, parties(sent, ids(agent)))
    if not actor:
        return None
    draft = Draft("contribution", trigger, 4, actor, [], None, {"kind": kinds[0].entry.value})
    draft.target = contribution_target(sent, trigger, kinds[0].entry.value, actor)
    # "يدرس إرسال قوة", "is considering a protection force": a contribution proposed
    draft.modality = "negated" if decision == "declined" else "proposed"
    draft.focus = kinds[0]
    return [draft]


# "قبولها الدعوة ومشاركتها في مراسم التوقيع": the decision is about the invitation
_INVITED = ("دعوه", "الدعوه", "invitation", "offer", "العرض")


def _kind_after(sent: Sentence, trigger: Match) -> bool:
    """A kind of contribution (troops, money) within a few words after a contribution word."""
    return any(
        c.category.startswith("KIND:")
        and c.start >= trigger.end
        and sent.words(trigger.end, c.start) <= 6
        for c in sent.cues
    )


def _from_body(sent: Sentence, trigger: Match) -> bool:
    """ "سحب جنودها المشاركين في قوة اليونيفيل", "pull its troops out of the AU mission": the
    withdrawal is from a force, body or coalition named within a few words."""
    rest = sent.text[trigger.end : sent.end]
    found = _FROM.search(rest)
    if found is None or len(rest[: found.start()].split()) > 5:
        return False
    start = trigger.end + found.end()
    words = sent.text[start : sent.end].split()[:4]
    if any(b in w for w in words for b in _BODY_WORDS):
        return True
    return any(
        sent.kind(m) in (*JOINABLE, "organization") and 0 <= sent.words(start, m.start) <= 3
        for m in sent.entities
        if m.start >= start
    )
