"""Rules for what happens on the ground besides the attacks themselves (rules_attack.py):
ceasefire phases, casualty figures and aid trucks (crossings: rules_corridors.py)."""

from __future__ import annotations

import re
from typing import Any

from marsad.extraction import periods, roles, toll_figures
from marsad.extraction.draft import Draft, agent_by, attribution
from marsad.extraction.figures import Number
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.normalize import fold
from marsad.extraction.rules_acts import condemned
from marsad.extraction.rules_attack import perpetrator, place_near
from marsad.extraction.rules_blame import PERPETRATOR_KINDS, armed, blamed
from marsad.extraction.slots import (
    Sentence,
    adjective_near,
    after,
    before,
    ids,
    nearest,
)

_ORDINAL = {"ORD:1": 1, "ORD:2": 2, "ORD:3": 3}


def ceasefire_phase(sent: Sentence) -> list[Draft]:
    """The ceasefire entering, completing or announcing a numbered phase."""
    phases = sent.of("PHASE")
    triggers = sent.of("T:ceasefire_phase")
    if not phases or not triggers:
        return []
    phase_cue = phases[0]
    number = None
    ordinals = [c for c in sent.cues if c.category in _ORDINAL]
    closest = nearest(ordinals, phase_cue.start)
    if (
        closest is not None
        and closest.start - phase_cue.end <= 3
        and phase_cue.start - closest.end <= 2
    ):
        number = _ORDINAL[closest.category]
    if number is None:
        for found in sent.numbers:
            if 0 <= found.start - phase_cue.end <= 2:
                number = found.best
    if number is None:
        return []
    trigger = nearest(triggers, phase_cue.start)
    assert trigger is not None
    agreements = [m.entry.value for m in sent.entities if sent.kind(m) == "agreement"]
    target = agreements[0] if agreements else "GAZA-CEASEFIRE"
    attrs = {"phase": number, "event": trigger.entry.value}
    return [Draft("ceasefire_phase", trigger, 4, [], [], target, attrs)]


def _figure(number: Number, sent: Sentence, original: Any) -> dict[str, Any]:
    return {
        "low": number.low,
        "best": number.best,
        "high": number.high,
        "text": original(number.start, number.end),
    }


# "… وردت مصر بغارات", "Egypt retaliated with air strikes": a second act, not the toll's cause.
_RESPONSE = ("رد", "ورد", "ردا", "retaliat", "respond")


# A war named by its waging party's nisba, before a toll: "حصيلة الحرب الإسرائيلية", "the
# Israeli war on Gaza" (folded; not "campaign": "a Sudanese campaign group").
_WAR = frozenset(fold(w) for w in "الحرب حرب العدوان war offensive".split())


def _war_of(sent: Sentence, before: int) -> list[str]:
    """The party whose war a toll counts: the nisba right after "الحرب" (or before "war")."""
    for match in sent.entities:
        if not match.entry.adjective or match.start > before or sent.kind(match) != "state":
            continue
        begin = match.start - len(match.prefix)
        lead = fold(sent.text[max(sent.start, begin - 10) : begin])
        tail = sent.text[match.end : match.end + 12].casefold().split()[:1]
        if lead.split()[-1:] and lead.split()[-1] in _WAR or (tail and tail[0] in _WAR):
            return armed(sent, [match.entry.value])
    return []


def casualties(sent: Sentence) -> list[Draft]:
    """Killed and injured figures, grouped per claim, with population, period and perpetrator."""
    measures = toll_figures.widest(sent.of("MEAS:killed", "MEAS:injured"))
    pairs = toll_figures.pairs(sent, measures)
    paired = {id(m) for m, _ in pairs}
    for measure in measures:
        if id(measure) not in paired:
            one = toll_figures.single(sent, measure)
            if one is not None:
                pairs.append((measure, one))
    for cue in sent.of("DUAL:killed", "DUAL:injured"):
        if not any(m.start <= cue.start < m.end for m, _ in pairs):
            pairs.append((cue, Number(cue.start, cue.end, 2, 2, 2)))
    if not pairs:
        return []
    pairs.sort(key=lambda p: min(p[0].start, p[1].start))
    groups: list[list[tuple[Match, Number]]] = [[]]
    for measure, number in pairs:
        name = measure.category.split(":")[1]
        if any(m.category.split(":")[1] == name for m, _ in groups[-1]):
            groups.append([])
        groups[-1].append((measure, number))
    actor: list[str] = []
    first_measure = pairs[0][0].start
    for trigger in sent.of("T:attack"):
        if condemned(sent, trigger):
            continue  # "ودان الرئيس النيجيري الهجوم": the speaker's, not the toll's, act
        if trigger.start < first_measure:
            far = sent.words(trigger.end, first_measure) > 16
        else:
            lead = sent.text[max(sent.start, trigger.start - 30) : trigger.start].split()[-3:]
            far = sent.words(first_measure, trigger.start) > 25 or any(
                word.startswith(_RESPONSE) for word in lead
            )
        if far:
            continue  # another act of the sentence: "قُتل 21 … في سرت، وردت مصر بغارات"
        actor = perpetrator(sent, trigger)
        aimed_at = roles.apart(sent, roles.recipient(sent, trigger, []), blamed(sent))
        actor = roles.apart(sent, actor, aimed_at)
        if actor:
            break
    if not actor:
        actor = blamed(sent)  # "87 جثة ..., وحملت الأمم المتحدة قوات الدعم السريع المسؤولية"
    if not actor:
        actor = _war_of(sent, first_measure)  # "حصيلة الحرب الإسرائيلية على القطاع"
    toll_periods = periods.periods(sent, groups)
    drafts = []
    for group in groups:
        first = group[0][0]
        # "Turkish soldiers were killed": a nationality next to the toll is the victims'
        agent = actor or agent_by(sent, first.end, toll=True)
        agent = armed(sent, [a for a in agent if sent.actors[a].kind in PERPETRATOR_KINDS])
        figures = {
            m.category.split(":")[1]: {
                "low": n.low,
                "best": n.best,
                "high": n.high,
                "span": (n.start, n.end),
            }
            for m, n in group
        }
        attrs: dict[str, Any] = {}
        figure_pos = group[0][1].start
        populations = [c for c in sent.cues if c.category.startswith("POP:")]
        # the population of a subset ("among them 5 children") is not the total's
        subsets = [c.start for c in sent.of("SUBSET") if c.start > figure_pos]
        bound = min(subsets, default=sent.end)
        close = [c for c in populations if abs(c.start - figure_pos) <= 40 and c.start < bound]
        population = nearest(close, figure_pos)
        if population is not None:
            attrs["population"] = population.category.split(":")[1]
        period = toll_periods.get(id(group))
        if period:
            attrs["period"] = period
        draft = Draft("casualties", first, 4, agent, [], None, attrs, figures)
        draft.where = place_near(sent, first.end)
        drafts.append(draft)
        drafts += _subsets(sent, draft, group, populations)
    return drafts


def _subsets(
    sent: Sentence, total: Draft, group: list[tuple[Match, Number]], populations: list[Match]
) -> list[Draft]:
    """A part of a toll with its own number and population, as a claim of its own: "12 killed,
    among them 5 children", "بينهم 5 أطفال"."""
    drafts = []
    end = max(n.end for _, n in group)
    measure = group[0][0]
    for cue in sent.of("SUBSET"):
        if cue.start < end or sent.words(end, cue.start) > 8:
            continue
        if any(end <= n.start < cue.start for n in sent.numbers):
            continue  # another figure stands between the toll and the subset
        number = next((n for n in sent.numbers if 0 <= n.start - cue.end <= 3), None)
        if number is None:
            # "بينهم طفلان": a dual names two of them, and is its own population word
            two = next((c for c in sent.of("TWO") if 0 <= c.start - cue.end <= 3), None)
            if two is None:
                continue
            number = Number(two.start, two.end, 2, 2, 2)
        who = next((p for p in populations if number.start <= p.start <= number.end + 3), None)
        if who is None:
            continue
        name = measure.category.split(":")[1]
        span = (number.start, number.end)
        figures = {
            name: {"low": number.low, "best": number.best, "high": number.high, "span": span}
        }
        attrs = {**total.attributes, "population": who.category.split(":")[1], "within": "toll"}
        part = Draft("casualties", cue, 4, list(total.actor), [], None, attrs, figures)
        part.where = total.where
        drafts.append(part)
    return drafts


# What tells trucks are aid: the trucks entering or reaching a place ("الشاحنات الداخلة إلى
# القطاع", "only 18 of its trucks had reached Gaza City") (folded).
_ENTERED = re.compile(
    r"(?<!\w)(?:دخل\w{0,3}|الداخله|تدخل|يدخل|وصل\w{0,3}|عبر\w{0,2}|entered|entering|enter"
    r"|reached|crossed|arrived)(?!\w)"
)


def _aid_told(sent: Sentence) -> bool:
    """Whether the sentence's trucks are aid: named with aid, a crossing, an agency that sends
    them, or entering a place."""
    if sent.has("AID") or any(m.entry.value.startswith("CROSSING-") for m in sent.entities):
        return True
    if any(sent.kind(m) == "organization" for m in sent.entities):
        return True
    return _ENTERED.search(sent.text, sent.start, sent.end) is not None


def aid(sent: Sentence) -> list[Draft]:
    """Aid trucks with their number, sender and crossing."""
    trucks = sent.of("MEAS:trucks")
    if not trucks or not _aid_told(sent):
        return []  # "شاحنة عسكرية", "truck bomb", "عشرات الشاحنات أحرقت": no aid named
    pairs = toll_figures.pairs(sent, trucks)
    if not pairs:
        return []
    measure, number = pairs[0]
    sender = adjective_near(sent, measure)
    if not sender:
        # "Egypt sent 50 trucks", "أرسلت مصر 50 شاحنة": the subject of a sending verb
        for verb in sent.of("SEND"):
            arabic = verb.entry.lang == "ar"
            found = after(sent, verb.end, max_words=2, names_only=True) if arabic else []
            sender = found or before(sent, verb.start, max_words=4)
            if sender:
                break
    actor = ids(sender)
    if not actor:
        source = attribution(sent)
        if source and source.source and sent.actors[source.source].kind == "organization":
            actor = [source.source]  # "WFP said 40 trucks entered": the agency sends them
    crossings = [m for m in sent.entities if m.entry.value.startswith("CROSSING-")]
    target = crossings[0].entry.value if crossings else None
    figure = {
        "low": number.low,
        "best": number.best,
        "high": number.high,
        "span": (number.start, number.end),
    }
    return [Draft("aid_delivery", measure, 4, actor, [], target, {}, {"trucks": figure})]


_USD = Entry("MEAS:usd", "usd", "en")


def _dollars(sent: Sentence) -> list[tuple[Match, Number]]:
    """Amounts written with a dollar sign ("$10 billion"), as a measure and its number."""
    found = []
    for number in sent.numbers:
        at = number.start - 1
        if at >= sent.start and sent.text[at] == "$":
            whole = Number(at, number.end, number.best, number.low, number.high, number.vague)
            found.append((Match(at, at + 1, _USD), whole))
    return found


_WANTED = {"troops": "troops", "police_training": "trainees", "funding": "amount_usd"}


def simple_figures(sent: Sentence, drafts: list[Draft]) -> None:
    """Troops, trainees and dollar figures for the contributions of the sentence: each the
    figure of its kind nearest after its word (else before it); and the contributions told
    by ellipsis after one ("Saudi Arabia pledged $1.1 billion and the United States $770
    million")."""
    contributions = [d for d in drafts if d.type == "contribution"]
    if not contributions:
        return
    measures = sent.of("MEAS:troops", "MEAS:trainees", "MEAS:usd")
    found: list[tuple[str, Number]] = []
    for measure, number in toll_figures.pairs(sent, measures) + _dollars(sent):
        kind = measure.category.split(":")[1]
        found.append(({"usd": "amount_usd"}.get(kind, kind), number))
    for draft in contributions:
        name = _WANTED.get(str(draft.attributes.get("kind")))
        mine = [n for wanted, n in found if wanted == name]
        if name is None or not mine:
            continue
        after_it = [n for n in mine if n.start >= draft.trigger.end]
        number = min(after_it, key=lambda n: n.start) if after_it else mine[-1]
        draft.figures[name] = _as_figure(number)
        drafts += _elided(sent, draft, name, number)


def _as_figure(number: Number) -> dict[str, Any]:
    return {
        "low": number.low,
        "best": number.best,
        "high": number.high,
        "span": (number.start, number.end),
    }


# "… $1.1 billion and the United States $770 million", "… مليار دولار والإمارات بـ500 مليون"
# (folded): the unit may stand between the figure and "and".
_AND = re.compile(
    r"\s*(?:دولار|يورو|جندي|dollars|euros|troops|soldiers|police officers)?\s*,?\s*"
    r"(?:and\s+(?:the\s+)?|و)"
)


def _elided(sent: Sentence, draft: Draft, name: str, number: Number) -> list[Draft]:
    """The contributions a sentence tells after one by naming only the party and its figure."""
    found = []
    last = number
    for match in sent.entities:
        if match.start < last.end or sent.kind(match) not in ("state", "organization"):
            continue
        lead = sent.text[last.end : match.start - len(match.prefix)] + match.prefix[:1]
        if not _AND.fullmatch(lead):
            break
        nxt = [
            n for n in sent.numbers if n.start >= match.end and sent.words(match.end, n.start) <= 1
        ]
        if not nxt or match.entry.value in draft.actor:
            break
        other = Draft("contribution", draft.trigger, draft.variant, [match.entry.value], [])
        other.target = draft.target
        other.attributes = dict(draft.attributes)
        other.figures = {name: _as_figure(nxt[0])}
        found.append(other)
        last = nxt[0]
    return found
