"""A claim while it is being built, and the hedges every claim type shares: modality, status
and attribution, read from the cues around its trigger."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import ACTOR_KINDS, Sentence, after, allowed, before, ids, marked

# Short names for rule ids ("refusal.ar.2"), one per claim type.
RULE_NAMES = {
    "invitation": "invite",
    "membership_decision": "member",
    "contribution": "contrib",
    "legal_reservation": "legal",
    "caveat": "caveat",
    "charter_action": "charter",
    "mandate_task": "task",
    "mandate_limit": "limit",
    "plan_announcement": "plan",
    "dispute": "dispute",
    "attack": "attack",
    "violation_accusation": "violation",
    "ceasefire_phase": "phase",
    "casualties": "casualty",
    "statement": "stance",
    "comment_refusal": "refusal",
    "corridor_status": "corridor",
    "aid_delivery": "aid",
    "protest": "protest",
}
_HEDGE_WINDOW = 4


@dataclass
class Draft:
    """A claim found in one sentence, before hedges, dates and offsets are added."""

    type: str
    trigger: Match
    variant: int
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    target: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    modality: str | None = None
    status: str | None = None
    where: Match | None = None
    focus: Match | None = None  # the cue whose hedges count, when not the trigger
    # The attack told before that this one tells again (rules_blame.restated): its sentence is
    # more evidence of that claim, not a claim of its own.
    told: Draft | None = None

    @property
    def rule(self) -> str:
        """The rule id: claim type, language of the trigger, variant (1 subject first, 2 verb
        first, 3 passive, 4 noun or fixed phrase)."""
        return f"{RULE_NAMES.get(self.type, self.type)}.{self.trigger.entry.lang}.{self.variant}"


def variant_of(trigger: Match, actor_after: bool) -> int:
    """1 subject-verb, 2 verb-subject, 3 passive, 4 a noun or fixed phrase."""
    if "p" in trigger.entry.flags:
        return 3
    if "v" not in trigger.entry.flags:
        return 4
    return 2 if actor_after else 1


def _close_before(sent: Sentence, cues: list[Match], pos: int, window: int) -> list[Match]:
    return [c for c in cues if c.end <= pos and sent.words(c.end, pos) <= window]


def _in_clause(sent: Sentence, cues: list[Match], pos: int) -> list[Match]:
    """The cues with no "that", "said" or ";" between them and a position: a negation does not
    reach across a clause ("أطباء بلا حدود إن 120 مدنياً قتلوا")."""
    marks = sent.barriers
    return [c for c in cues if not any(c.end <= m < pos for m in marks)]


def _imperfect_after(sent: Sentence, cue: Match) -> bool:
    rest = sent.text[cue.end : cue.end + 3].lstrip()
    return rest[:1] in ("ي", "ت", "ن")


def _negations(sent: Sentence) -> list[Match]:
    """The words of negation whose context holds ("إلى أجل غير مسمى" negates nothing)."""
    return [c for c in sent.of("NEG") if allowed(sent, c)]


def modality(sent: Sentence, draft: Draft) -> str:
    """negated > hypothetical > proposed > future > asserted, from cues just before the focus."""
    if draft.modality:
        return draft.modality
    focus = draft.focus or draft.trigger
    spots = [draft.trigger.start] + ([focus.start] if focus is not draft.trigger else [])
    for pos in spots:
        negations = _in_clause(sent, _close_before(sent, _negations(sent), pos, _HEDGE_WINDOW), pos)
        if any(not _result_between(sent, neg.end, pos) for neg in negations):
            return "negated"
        if _in_clause(sent, _close_before(sent, sent.of("NOTDONE"), pos, _HEDGE_WINDOW), pos):
            return "negated"  # "Italy refused to send troops": no troops from Italy
    forecast = _forecast(sent, draft)
    if forecast:
        return forecast
    hypothetical = [
        c
        for c in _close_before(sent, sent.of("MOD:hypothetical"), draft.trigger.start, 5)
        if c.entry.lang == "en" or sent.text[c.start : c.end] != "قد" or _imperfect_after(sent, c)
    ]
    if hypothetical:
        return "hypothetical"
    proposed = sent.of("MOD:proposed")
    if draft.type == "attack" and _close_before(
        sent, sent.of("MOD:offered"), draft.trigger.start, 2
    ):
        return "hypothetical"  # "his forces were ready to strike El Fasher"
    if draft.type in _OFFERED_TYPES:
        # "أنها مستعدة لتوفير خمس مروحيات", "Indonesia offered to send", "أعلنت كينيا
        # استعدادها لقيادة قوة … وإرسال ألف شرطي": an offer, in the clause before
        offers = _close_before(sent, sent.of("MOD:offered"), draft.trigger.start, _OFFER_REACH)
        if [c for c in offers if not set(sent.text[c.end : draft.trigger.start]) & set(",،")]:
            return "proposed"
        if sent.text[draft.trigger.start : draft.trigger.end].startswith(_OFFER_NOUNS):
            return "proposed"  # "أبدت استعدادها": the offer itself
    close = _close_before(sent, proposed, draft.trigger.start, 3)
    # "عمال في مشروع لشق طريق، في هجوم على بلدة": a project told before a comma proposes no act
    close = [c for c in close if not set(sent.text[c.end : draft.trigger.start]) & set(",،")]
    if close or any(c.start >= focus.end and sent.words(focus.end, c.start) <= 1 for c in proposed):
        return "proposed"
    if draft.type == "protest" and _TO_BEGIN.match(sent.text, draft.trigger.end):
        return "future"  # "a general strike would begin on Tuesday", "إضراب سيبدأ"
    future = _close_before(sent, sent.of("MOD:future"), draft.trigger.start, _HEDGE_WINDOW)
    if future or "س" in draft.trigger.prefix or _future_verb_before(sent, draft.trigger.start):
        return "future"
    return "asserted"


# A protest told with the verb that says it is to come, right after it.
_TO_BEGIN = re.compile(
    r"\s+(?:would|will|is to|is due to|is set to|was to) "
    r"(?:begin|start|be held|take place|go ahead)\b"
    r"|\s+(?:(?:العام|عاما|الشامل|شاملا)\s+)?(?:سيبدا|ستبدا|ستنطلق|سينطلق|سينظم|ستنظم|ستقام|سيقام)(?!\S)"
)
# What a party offers: a contribution or a membership; not an act ("ready to strike").
_OFFERED_TYPES = frozenset({"contribution", "membership_decision"})
_OFFER_NOUNS = ("استعداد", "مستعد", "جاهز", "عرض", "offer", "ready to", "willing", "prepared")
_OFFER_REACH = 8
# Words that open with سي/ست/سن and are no verb in the future: "سيارة مفخخة", "سيناء", "ستة".
_NOT_FUTURE = frozenset(
    "سياره سيارات سيطره سيناء ستار سته ستين سياسه سياسي سياسيه سياده سيده سيدات سنه سنوات "
    "سنين ستون سيول سيرا سيرت ستراتيجيه".split()
)


def _future_verb_before(sent: Sentence, pos: int) -> bool:
    """An Arabic verb with the future prefix right before the trigger: "ستوسع هجماتها"."""
    words = sent.text[max(sent.start, pos - 20) : pos].split()
    if not words:
        return False
    word = words[-1]
    return (
        len(word) >= 5
        and word.startswith(("سي", "ست", "سن"))
        and word not in _NOT_FUTURE
        and not word.startswith(("سيار", "سيطر", "سياس"))
    )


# Events a forecast, a threat or a condition can govern from afar ("رجحت مصادر أن توسع إسرائيل
# عملياتها", "analysts expect the army to launch an offensive"); speech acts are what they are.
_FORECAST_TYPES = frozenset({"attack", "casualties", "protest", "contribution"})
_FORECAST_WINDOW = 12
# "no casualties were reported", "لم تسفر عن إصابات": the negation is about the result.
_RESULT_WORDS = tuple(fold(w) for w in "تسفر يسفر تسجل يسجل تخلف يخلف تؤد يؤد cause result".split())


def _forecast(sent: Sentence, draft: Draft) -> str | None:
    """hypothetical or future when a forecast, threat or condition governs the clause of an
    event (a barrier such as "said" does not stop it: "X said it would strike")."""
    if draft.type not in _FORECAST_TYPES:
        return None
    return forecast_at(sent, draft.trigger.start)


def forecast_at(sent: Sentence, pos: int) -> str | None:
    """hypothetical or future when a forecast, threat or condition governs the words at `pos`."""
    found = None
    # a warning is a statement of concern and a hedge on what it warns of: "warned that 14
    # million people could face famine", "حذر من أن القتال قد يتجدد"
    warnings = [c for c in sent.of("T:statement") if c.entry.value == "concern"]
    warnings = [c for c in warnings if sent.text[c.start : c.end].startswith(_WARN)]
    for cue in [*sent.of("FORECAST:hypothetical", "FORECAST:future"), *warnings]:
        if cue.end <= pos and sent.words(cue.end, pos) <= _FORECAST_WINDOW:
            if sent.text[cue.start : cue.end] == "قد" and not _imperfect_after(sent, cue):
                continue
            if _PAST_BEFORE.search(sent.text, max(sent.start, cue.start - 8), cue.start):
                continue  # "كانت تستعد لمهاجمة": an intention of the past, told as its motive
            value = "hypothetical" if cue in warnings else cue.category.split(":")[1]
            if found != "hypothetical":
                found = value
    return found


_WARN = ("warn", "حذر", "يحذر", "تحذر")
_PAST_BEFORE = re.compile(r"(?<!\w)(?:كان|كانت|كانوا)\s+$")


def negated(sent: Sentence, draft: Draft) -> bool:
    """Whether a negation right before an event's trigger denies it ("did not strike", "ولا
    على دبابات", "لم تشهد أي مظاهرات"); a negated result ("caused no casualties") does not."""
    pos = draft.trigger.start
    if _in_clause(sent, _close_before(sent, sent.of("NOTDONE"), pos, 4), pos):
        return True  # "refused to join air strikes", "رفضت المشاركة في الضربات"
    negations = _in_clause(sent, _close_before(sent, _negations(sent), pos, 4), pos)
    return any(not _result_between(sent, neg.end, pos) for neg in negations)


def _result_between(sent: Sentence, start: int, end: int) -> bool:
    """ "لم تسفر الغارة عن إصابات": the negation is about the result, not the strike."""
    rest = sent.text[start:end]
    return any(word in rest for word in _RESULT_WORDS)


def status(sent: Sentence, draft: Draft) -> str:
    """reported unless the sentence says unconfirmed, confirmed, or denies this very claim."""
    if draft.status:
        return draft.status
    for denial in sent.of("T:comment_refusal"):
        if denial.entry.value == "denied" and denial.end <= draft.trigger.start:
            if any(denial.end <= t.start < draft.trigger.start for t in sent.of("THAT")):
                return "denied"
    if sent.has("STATUS:unconfirmed"):
        return "unconfirmed"
    if draft.type not in ("comment_refusal", "statement") and sent.has("STATUS:confirmed"):
        return "confirmed"
    return "reported"


@dataclass(frozen=True)
class Attribution:
    """Who the sentence says the information comes from."""

    source: str | None
    kind: str
    cue: Match | None


def source_kind(sent: Sentence, actor_id: str) -> str:
    """media for news organisations, official for every other named actor."""
    return "media" if sent.actors[actor_id].kind == "media" else "official"


def attribution(sent: Sentence) -> Attribution | None:
    """The source named in the sentence (according to X, X said, قالت X, مصادر مطلعة ...)."""
    kinds = ACTOR_KINDS | {"media"}
    named: list[tuple[int, str, Match]] = []
    for cue in sent.of("ATTR:according"):
        found = after(sent, cue.end, max_words=2, kinds=kinds)
        if found and not any(p in sent.text[cue.end : found[0].start] for p in ",;:"):
            named.append((0, found[0].entry.value, cue))
    for cue in sent.of("ATTR:say"):
        arabic = cue.entry.lang == "ar"
        found = after(sent, cue.end, max_words=2, kinds=kinds) if arabic else []
        found = found or before(sent, cue.start, max_words=4, kinds=kinds)
        found = found or (after(sent, cue.end, max_words=1, kinds=kinds) if not arabic else [])
        if found:
            named.append((1, found[0].entry.value, cue))
    media = [n for n in named if sent.actors[n[1]].kind == "media"]
    if media:
        return Attribution(media[0][1], "media", media[0][2])
    media_hits = [m for m in sent.entities if sent.actors[m.entry.value].kind == "media"]
    anonymous = sent.of("ATTR:anonymous")
    if media_hits and (anonymous or sent.has("ATTR:reports")):
        cue = anonymous[0] if anonymous else sent.of("ATTR:reports")[0]
        return Attribution(media_hits[0].entry.value, "media", cue)
    if named:
        named.sort(key=lambda n: n[0])
        return Attribution(named[0][1], "official", named[0][2])
    if anonymous:
        return Attribution(None, "anonymous", anonymous[0])
    if sent.has("ATTR:reports"):
        return Attribution(None, "media", sent.of("ATTR:reports")[0])
    if sent.has("ATTR:document"):
        return Attribution(None, "document", sent.of("ATTR:document")[0])
    return None


# After the number of the dead a bare من is partitive ("قتل ثلاثة من جنود اليونيفيل", "جنود
# بورونديين من بعثة مينوسكا"): it names the victims' side, not who killed them.
_PARTITIVE = frozenset({"من"})


def agent_by(sent: Sentence, pos: int, *, toll: bool = False) -> list[str]:
    """The actor after "by"/"من قبل" following a position (a toll's figure: not after من); in
    English, farther in the clause, the side whose fire it was: "A man was shot dead and five
    others were wounded by Israeli fire"."""
    found = ids(marked(sent, "BY", pos, max_words=4, passed=_PARTITIVE if toll else frozenset()))
    if found:
        return found
    fire = _BY_FIRE.search(sent.text, pos, min(sent.end, pos + 120))
    if fire is None or any(pos <= b < fire.start() for b in sent.barriers):
        return []
    return [m.entry.value for m in sent.entities if fire.start() < m.start < fire.end()][:1]


# "by Israeli fire", "by Sudanese army shelling": the side named by its fire (lower-cased).
_BY_FIRE = re.compile(
    r"\bby (?:the )?[\w'-]+(?: [\w'-]+)? (?:fire|gunfire|shelling|shells|sniper fire|strikes?)\b"
)


# Where a clause ends inside a sentence: Arabic and Latin commas, semicolons, colons, dashes.
_CLAUSE_MARKS = frozenset(",;:،؛")
# Sentences up to this length are their own evidence; longer ones (a paragraph with no full
# stop, a chain of clauses joined by commas) give the clauses that hold the claim.
_SHORT_SENTENCE = 240


def evidence_span(sent: Sentence, draft: Draft) -> tuple[int, int]:
    """The clauses of the sentence that hold the claim: its trigger, figures, place and the
    nearest mention of each party it names; the whole sentence when it is short."""
    if sent.end - sent.start <= _SHORT_SENTENCE:
        return sent.start, sent.end
    points = [draft.trigger.start, draft.trigger.end]
    for figure in draft.figures.values():
        points += list(figure["span"])
    if draft.where is not None:
        points += [draft.where.start, draft.where.end]
    wanted = {*draft.actor, *draft.recipient, draft.target} - {None}
    for entity_id in wanted:
        mentions = [m for m in sent.entities if m.entry.value == entity_id]
        if mentions:
            near = min(mentions, key=lambda m: abs(m.start - draft.trigger.start))
            points += [near.start - len(near.prefix), near.end]
    start, end = min(points), max(points)
    text = sent.text
    # the clause marks before and after, each found by a search in C, not letter by letter
    if start > sent.start:
        start = max(text.rfind(mark, sent.start, start) for mark in _CLAUSE_MARKS) + 1
        start = max(start, sent.start)
    if end < sent.end:
        found = [at for mark in _CLAUSE_MARKS if (at := text.find(mark, end, sent.end)) >= 0]
        end = min(found, default=sent.end)
    while start < end and sent.text[start].isspace():
        start += 1
    return start, min(end + (1 if end < sent.end else 0), sent.end)
