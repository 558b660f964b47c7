"""Accusations of violating a ceasefire or an agreement: the accused party is the claim's actor,
the accuser its recipient, the agreement its target (docs/annotation.md)."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft, agent_by, attribution
from marsad.extraction.gazetteer import Match
from marsad.extraction.rules_blame import PERPETRATOR_KINDS
from marsad.extraction.slots import Sentence, adjective_near, after, barriers, before, ids

# Accusations that go both ways: "accused each other", "traded accusations", "تبادل الطرفان
# الاتهامات", "اتهم كل منهما الآخر" (folded).
_EACH_OTHER = re.compile(
    r"\b(?:each other|one another)\b|\b(?:traded|exchanged|trading|exchanging) accusations\b"
    r"|(?<![\u0621-\u064a])(?:كل منهما الاخر|كل منهما الي الاخر|بعضهما|بعضهم|تبادل|تبادلت|تبادلا"
    r"|تبادلوا|يتبادلان|تتبادل)(?![\u0621-\u064a])"
)
_SIDE_KINDS = PERPETRATOR_KINDS | {"person"}


def accusations(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor = the accused party, recipient = the accuser when named; two claims when two
    parties accuse each other."""
    both = _each_other(sent, trigger)
    if both:
        attrs, target = _agreement(sent)
        return [
            Draft("violation_accusation", trigger, 1, [accused], [accuser], target, attrs)
            for accused, accuser in (both, both[::-1])
        ]
    return _accusation(sent, trigger)


def _each_other(sent: Sentence, trigger: Match) -> list[str]:
    """The two parties of an accusation that goes both ways ("the army and the rebels accused
    each other"), named before the words of reciprocity, or after تبادل."""
    lo, hi = max(sent.start, trigger.start - 40), min(sent.end, trigger.end + 40)
    mark = _EACH_OTHER.search(sent.text, lo, hi)
    if mark is None:
        return []
    start, end = (
        max(sent.start, min(mark.start(), trigger.start) - 140),
        max(mark.start(), trigger.start),
    )
    if mark.group().startswith("تبادل") or mark.group().startswith("يتبادل"):
        start, end = mark.end(), max(trigger.start, mark.end())
    parties = [
        m.entry.value
        for m in sent.entities
        if start <= m.start < end and sent.kind(m) in _SIDE_KINDS and not m.entry.adjective
    ]
    parties = list(dict.fromkeys(parties))[-2:]
    return parties if len(parties) == 2 else []


def _participle(sent: Sentence, trigger: Match) -> bool:
    """ "…، متهمة إسرائيل بخرق الاتفاق": an accusing participle after the main clause."""
    return sent.text[trigger.start : trigger.end].startswith("متهم")


def _main_subject(sent: Sentence, trigger: Match) -> list[Match]:
    """The party the sentence's main clause speaks of, before a participle: the speaker the
    sentence is attributed to, else the first party it names ("أعلنت كتائب القسام تأجيل …،
    متهمة إسرائيل")."""
    source = attribution(sent)
    named = [m for m in sent.entities if m.end <= trigger.start and sent.kind(m) in _SIDE_KINDS]
    if source and source.source:
        return [m for m in named if m.entry.value == source.source][:1]
    return named[:1]


def _accusation(sent: Sentence, trigger: Match) -> list[Draft]:
    stop = barriers(sent)
    flags = trigger.entry.flags
    arabic = trigger.entry.lang == "ar"
    accused: list[str] = []
    accuser: list[str] = []
    variant = 4
    if "p" in flags:
        accused = ids(before(sent, trigger.start, max_words=6, stop=stop))
        if arabic and not accused:
            accused = ids(after(sent, trigger.end, max_words=3))
        accuser = agent_by(sent, trigger.end)
        variant = 3
    elif "v" in flags:
        if arabic:
            first = after(sent, trigger.end, max_words=3, stop=stop)
            left = before(sent, trigger.start, max_words=3, stop=stop)
            if _participle(sent, trigger):
                left = _main_subject(sent, trigger)  # what stands just before is no subject
            if left:
                accuser, accused = ids(left), ids(first)
            elif first:
                second = after(sent, first[-1].end, max_words=4, stop=stop)
                accuser, accused = ids(first), ids(second)
            variant = 2 if not left else 1
        else:
            accuser = ids(before(sent, trigger.start, max_words=8, stop=stop))
            accused = ids(after(sent, trigger.end, max_words=4, stop=stop))
            variant = 1
    else:
        accused = ids(adjective_near(sent, trigger))
        accused = accused or agent_by(sent, trigger.end)
        if not accused and arabic:
            accused = ids(after(sent, trigger.end, max_words=1, kinds=PERPETRATOR_KINDS))
        judged = _judged(sent, trigger)
        if not accused and judged and sent.discourse.last_perpetrator:
            # "ودانت السعودية التوغل واعتبرته خرقاً للاتفاق": the act judged a breach is the
            # one told before, its party accused; who judges it accuses
            accused = [a for a in sent.discourse.last_perpetrator if a not in judged]
            accuser = judged
        accused = accused or ids(before(sent, trigger.start, max_words=6, stop=stop))
        source = attribution(sent)
        if not accuser and source and source.source and source.kind == "official":
            accuser = [source.source]
    accused = [a for a in accused if sent.actors[a].kind not in ("agreement", "place", "media")]
    if not accused:
        return []  # "an exchange of accusations" names no party
    accuser = [a for a in accuser if a not in accused and sent.actors[a].kind != "media"]
    # an army accuses for its state: "اتهم الجيش السوداني" is Sudan's accusation as well
    accuser += [
        parent
        for a in accuser
        if sent.actors[a].kind == "force"
        and (parent := sent.actors[a].parent)
        and sent.actors[parent].kind == "state"
        and parent not in accuser
        and parent not in accused
    ]
    attrs, target = _agreement(sent)
    return [Draft("violation_accusation", trigger, variant, accused, accuser, target, attrs)]


# Verbs that judge an act told before (folded): "واعتبرته خرقاً", "واصفاً إياها بأنها خرق",
# "called it a violation".
_JUDGING = re.compile(
    r"(?<!\S)[وف]?(?:اعتبر|اعتبرت|اعتبرتا|اعتبروا|معتبرا|معتبره|وصف|وصفت|واصفا|واصفه)\S*"
    r"|\b(?:called|calling|described|describing) (?:it|the \w+)"
)


def _judged(sent: Sentence, trigger: Match) -> list[str]:
    """The parties that judge an act a breach right before the breach's noun: the subject of
    the judging verb (the sentence's speaker or the party it names first)."""
    lead = _JUDGING.search(sent.text, max(sent.start, trigger.start - 60), trigger.start)
    if lead is None:
        return []
    return ids(_main_subject(sent, trigger))


def _agreement(sent: Sentence) -> tuple[dict[str, str], str | None]:
    """The agreement an accusation names (its attribute and the claim's target): one the
    sentence names, else a ceasefire, Gaza's in a text about Gaza."""
    agreements = [
        m.entry.value
        for m in sent.entities
        if sent.kind(m) == "agreement" and m.entry.value != "GAZA-CEASEFIRE"
    ]
    attrs = {"agreement": agreements[0] if agreements else "ceasefire"}
    return attrs, agreements[0] if agreements else sent.discourse.gaza_ceasefire
