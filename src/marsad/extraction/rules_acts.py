"""Acts of one sentence told apart (rules_attack.py): the act a protest answers, a state named
only as the place of an act, and a second perpetrator of the same means.

- "تظاهر آلاف احتجاجاً على إحراق نسخ من المصحف", "in protest at the burning": the act a
  protest answers is its reason, told as background, not an assault reported here;
- "قنبلة في شرق أفغانستان", "rockets fired from southern Lebanon": a state after a place word
  is where the act happened, not who did it;
- "ردت القوات الإسرائيلية بالمدفعية على هجوم صاروخي لحزب الله": two parties strike with the
  same means in one sentence, so the second trigger with a perpetrator of its own is an act of
  its own, not the first act told twice.
"""

from __future__ import annotations

import re

from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, barrier_between, definite

_MOTIVE = re.compile(
    r"(?:احتجاجا|احتجاج|تنديدا|رفضا)\s+(?:علي|ضد|ب)?\s*(?:\S+\s+)?$"
    r"|\bin (?:protest|anger) (?:at|against|over)\s+(?:the\s+)?(?:\S+\s+)?$"
)


def motive(sent: Sentence, trigger: Match) -> bool:
    """Whether an attack trigger is the reason a protest gives ("احتجاجاً على إحراق")."""
    begin = trigger.start - len(trigger.prefix)
    lead = sent.text[max(sent.start, begin - 30) : begin]
    return bool(_MOTIVE.search(lead))


# Stances that judge an act done.
_JUDGED = frozenset({"condemn", "welcome", "support", "shocked"})


def condemned(sent: Sentence, trigger: Match) -> bool:
    """Whether a definite attack noun is only what a speaker condemns, praises or describes, an
    act the text told before: "ودان وزير الخارجية العراقي فؤاد حسين الهجوم", "Hamas praised the
    attack". (A call for an attack, or concern at fighting that goes on, is about acts still
    to be told.)"""
    if not definite(sent, trigger):
        return False
    return any(
        cue.entry.value in _JUDGED
        and cue.end <= trigger.start
        # past the speaker's title and name: "ووصف الأمين العام للأمم المتحدة بان كي مون القصف"
        and sent.words(cue.end, trigger.start) <= 10
        and not barrier_between(sent, cue.end, trigger.start)
        for cue in sent.of("T:statement")
    )


def on_sovereignty(sent: Sentence, trigger: Match) -> bool:
    """ "اعتداء صارخ على السيادة العراقية", "an attack on Somalia's sovereignty": a word of
    attack that judges an act as a breach of sovereignty tells no act of its own."""
    tail = sent.text[trigger.end : min(sent.end, trigger.end + 40)]
    return bool(_SOVEREIGNTY.match(tail))


_SOVEREIGNTY = re.compile(
    r"\s+(?:\S+\s+)?(?:علي|on|against|of)\s+(?:\S+\s+)?(?:ال)?(?:سياده|sovereignty)"
)


_PLACE_BEFORE = frozenset(
    "في داخل شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي انحاء ارجاء "
    "in inside into across throughout from north south east west northern southern eastern "
    "western central north-eastern north-western south-eastern south-western".split()
)


def placed(sent: Sentence, match: Match) -> bool:
    """A state named as a place: "في شرق أفغانستان", "in northern Mali", "بسوريا"."""
    if sent.kind(match) != "state" or match.entry.adjective:
        return False
    if match.prefix in ("ب", "وب", "فب"):
        return True
    begin = match.start - len(match.prefix)
    words = sent.text[max(sent.start, begin - 24) : begin].split()
    if match.prefix in ("و",) or (words and words[-1] in ("and", "or", ",")):
        # "in northern Syria and Iraq": a state listed after a place is one too
        for other in sent.entities:
            if other.end <= begin and sent.words(other.end, begin) <= 1 and other is not match:
                return sent.kind(other) == "place" or placed(sent, other)
        return False
    return bool(words) and words[-1].lower() in _PLACE_BEFORE


def other_acts(sent: Sentence, triggers: list[Match], chosen: dict[str, Match]) -> list[Match]:
    """Triggers of a means already chosen that stand later in the sentence, beyond a clause
    break or a word of response, as candidates for an act of their own."""
    out = []
    for trigger in triggers:
        first = chosen.get(trigger.entry.value)
        if first is None or trigger is first or trigger.start <= first.end:
            continue
        if sent.words(first.end, trigger.start) < 2:
            continue  # "قصف مدفعي وصاروخي": one act named twice
        out.append(trigger)
    return out


_CROWD_WORDS = ("انصار", "مناصر", "محتج", "متظاهر")


def crowd_act(sent: Sentence, cue: Match) -> bool:
    """ "اقتحم آلاف من أنصار التيار الصدري البرلمان", "هاجم متظاهرون قاعدة", "protesters
    attacked the embassies": a crowd storming or attacking is a riot, not an armed assault."""
    word = sent.text[cue.start : cue.end]
    if cue.entry.value != "other" or not word.startswith(("اقتحم", "هاجم", "storm", "attack")):
        return False
    if cue.entry.lang == "en":
        # the subject before the verb; "supporters attacked protesters" is an assault on them
        lead = sent.text[max(sent.start, cue.start - 30) : cue.start]
        return any(w in lead for w in ("protest", "demonstrat", "rioters", "mob"))
    lead = sent.text[cue.end : min(sent.end, cue.end + 30)]
    return any(w in lead for w in _CROWD_WORDS)
