"""Rules for what happens on the ground: attacks, accusations of violating the ceasefire,
ceasefire phases, casualty figures, crossings and aid trucks."""

from __future__ import annotations

from typing import Any

from marsad.extraction.draft import Draft, agent_by, attribution
from marsad.extraction.figures import Number
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.slots import (
    Sentence,
    adjective_near,
    after,
    barriers,
    before,
    ids,
    nearest,
)

PERPETRATOR_KINDS = frozenset({"state", "force", "armed_group", "organization"})
_CROSSING_OF = {"PS0275": "CROSSING-RAFAH"}
_AUTHORITY = frozenset({"state", "office", "force"})
_ONLY_ISRAEL = frozenset({"air", "artillery", "drone", "demolition"})
_ORDINAL = {"ORD:1": 1, "ORD:2": 2, "ORD:3": 3}


def place_near(sent: Sentence, pos: int) -> Match | None:
    """The most precise place of the sentence nearest a position (a governorate over the
    Strip)."""
    places = [m for m in sent.entities if sent.kind(m) == "place"]
    precise = [m for m in places if m.entry.value not in ("PS02",)]
    return nearest(precise or places, pos)


def armed(sent: Sentence, actor: list[str]) -> list[str]:
    """A state strikes through its armed force: Israel's strikes are the IDF's."""
    out = []
    for actor_id in actor:
        force = sent.actors[actor_id].force
        out.append(force or actor_id)
    return list(dict.fromkeys(out))


def perpetrator(sent: Sentence, trigger: Match) -> list[str]:
    """Who carried out an attack: "Israeli strike", "by Israeli forces", "قصف الاحتلال"; in
    Gaza, strikes from the air, by artillery or drones and demolitions are the Israeli army's
    when the text names no one."""
    if trigger.entry.value in _ONLY_ISRAEL:
        found = armed(sent, _perpetrator(sent, trigger, guess=False))
        return found or (["IDF"] if sent.discourse.gaza else [])
    return armed(sent, _perpetrator(sent, trigger, guess=True))


def _perpetrator(sent: Sentence, trigger: Match, *, guess: bool) -> list[str]:
    found = adjective_near(sent, trigger)
    if found:
        return ids(found)
    agent = agent_by(sent, trigger.end)
    if agent:
        return [a for a in agent if sent.actors[a].kind in PERPETRATOR_KINDS]
    arabic = trigger.entry.lang == "ar"
    # a speaker is not the perpetrator: "Germany expressed concern over the demolition"
    stop = sorted(barriers(sent) + [c.start for c in sent.of("T:statement")])
    if arabic:
        right = after(sent, trigger.end, max_words=2, kinds=PERPETRATOR_KINDS, stop=stop)
        if right:
            return ids(right)
    left = before(sent, trigger.start, max_words=5, kinds=PERPETRATOR_KINDS, stop=stop)
    if left or not guess:
        return ids(left)
    # the only armed party the sentence names
    armed_parties = {
        m.entry.value
        for m in sent.entities
        if sent.kind(m) in ("force", "armed_group") and m.entry.value not in ("ISF",)
    }
    return sorted(armed_parties) if len(armed_parties) == 1 else []


def attacks(sent: Sentence) -> list[Draft]:
    """One attack claim per means in the sentence; "other" only when no means is named."""
    triggers = sent.of("T:attack")
    if not triggers:
        return []
    by_means: dict[str, Match] = {}
    for trigger in triggers:
        by_means.setdefault(trigger.entry.value, trigger)
    if len(by_means) > 1:
        by_means.pop("other", None)
    drafts = []
    for means, trigger in by_means.items():
        actor = perpetrator(sent, trigger) or list(sent.discourse.last_perpetrator)
        where = place_near(sent, trigger.end)
        has_toll = sent.has("MEAS:killed", "MEAS:injured")
        if means == "other" and not (actor and (where or has_toll)):
            continue
        if not (actor or where or has_toll):
            continue
        draft = Draft("attack", trigger, 4, actor, [], None, {"means": means})
        draft.where = where
        drafts.append(draft)
    return drafts


def violation(sent: Sentence, trigger: Match) -> list[Draft]:
    """actor = the accused party, recipient = the accuser when named."""
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
        accused = accused or ids(before(sent, trigger.start, max_words=6, stop=stop))
        source = attribution(sent)
        if source and source.source and source.kind == "official":
            accuser = [source.source]
    accused = [a for a in accused if sent.actors[a].kind not in ("agreement", "place", "media")]
    if not accused:
        return []  # "an exchange of accusations" names no party
    accuser = [a for a in accuser if a not in accused and sent.actors[a].kind != "media"]
    agreements = [
        m.entry.value
        for m in sent.entities
        if sent.kind(m) == "agreement" and m.entry.value != "GAZA-CEASEFIRE"
    ]
    attrs = {"agreement": agreements[0] if agreements else "ceasefire"}
    target = agreements[0] if agreements else "GAZA-CEASEFIRE"
    return [Draft("violation_accusation", trigger, variant, accused, accuser, target, attrs)]


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


def _pairs(sent: Sentence, measures: list[Match]) -> list[tuple[Match, Number]]:
    """Numbers paired with the nearest measure word (greedy, nearest first, one to one)."""
    if not measures:
        return []
    dates = [(d.start, d.end) for d in sent.dates]
    numbers = [n for n in sent.numbers if not any(s <= n.start < e for s, e in dates)]
    options: list[tuple[int, int, int, int]] = []
    for mi, measure in enumerate(measures):
        for ni, number in enumerate(numbers):
            if number.end <= measure.start:
                gap = sent.words(number.end, measure.start)
                penalty = 0
            elif number.start >= measure.end:
                gap = sent.words(measure.end, number.start)
                penalty = 1
            else:
                continue
            limit = 4 if measure.entry.lang == "en" else 5
            if gap <= limit:
                options.append((gap * 2 + penalty, mi, ni, 0))
    options.sort()
    used_m: set[int] = set()
    used_n: set[int] = set()
    pairs = []
    for _, mi, ni, _ in options:
        if mi in used_m or ni in used_n:
            continue
        used_m.add(mi)
        used_n.add(ni)
        pairs.append((measures[mi], numbers[ni]))
    return pairs


def _single(sent: Sentence, measure: Match) -> Number | None:
    """ "a Palestinian was killed", "استشهد شاب": one victim, when no number is given."""
    for cue in sent.of("TWO"):
        if abs(cue.start - measure.end) < 30 or abs(measure.start - cue.end) < 30:
            return Number(cue.start, cue.end, 2, 2, 2)
    for cue in sent.of("ONE"):
        if cue.end <= measure.start and sent.words(cue.end, measure.start) <= 3:
            return Number(cue.start, cue.end, 1, 1, 1)
        if cue.start >= measure.end and sent.words(measure.end, cue.start) <= 1:
            return Number(cue.start, cue.end, 1, 1, 1)
    return None


def casualties(sent: Sentence) -> list[Draft]:
    """Killed and injured figures, grouped per claim, with population, period and perpetrator."""
    measures = sent.of("MEAS:killed", "MEAS:injured")
    pairs = _pairs(sent, measures)
    paired = {id(m) for m, _ in pairs}
    for measure in measures:
        if id(measure) not in paired:
            one = _single(sent, measure)
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
    for trigger in sent.of("T:attack"):
        actor = perpetrator(sent, trigger)
        if actor:
            break
    drafts = []
    for group in groups:
        first = group[0][0]
        agent = actor or agent_by(sent, first.end) or ids(adjective_near(sent, first))
        agent = armed(sent, [a for a in agent if sent.actors[a].kind in PERPETRATOR_KINDS])
        agent = agent or list(sent.discourse.last_perpetrator)
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
        period = sent.of("PERIOD:since_truce", "PERIOD:day")
        if period:
            attrs["period"] = period[0].category.split(":")[1]
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
            continue
        who = next((p for p in populations if 0 <= p.start - number.end <= 3), None)
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


_VIA = frozenset({"through", "via", "عبر", "من"})


def _via(sent: Sentence, place: Match) -> bool:
    word = sent.text[max(sent.start, place.start - len(place.prefix) - 10) : place.start].split()
    return bool(word) and word[-1] in _VIA


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
        spots = [(c, None) for c in sent.of("CROSSING")[:1]]
    drafts = []
    for spot, target in spots:
        near = [
            t for t in triggers if sent.words(min(t.end, spot.end), max(t.start, spot.start)) <= 6
        ]
        trigger = nearest(near, spot.start)
        if trigger is None:
            continue
        agent = ids(before(sent, min(trigger.start, spot.start), max_words=6, kinds=_AUTHORITY))
        if not agent:
            source = attribution(sent)
            if source and source.source and sent.actors[source.source].kind in _AUTHORITY:
                agent = [source.source]  # "COGAT said the crossing reopened"
        status = {"status": trigger.entry.value}
        drafts.append(Draft("corridor_status", trigger, 4, agent, [], target, status))
    return drafts


def aid(sent: Sentence) -> list[Draft]:
    """Aid trucks with their number, sender and crossing."""
    trucks = sent.of("MEAS:trucks")
    pairs = _pairs(sent, trucks)
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


def simple_figures(sent: Sentence, drafts: list[Draft]) -> None:
    """Troops, trainees and dollar figures for the contributions of the sentence."""
    for draft in drafts:
        if draft.type != "contribution":
            continue
        measures = sent.of("MEAS:troops", "MEAS:trainees", "MEAS:usd")
        for measure, number in _pairs(sent, measures) + _dollars(sent):
            name = {"usd": "amount_usd"}.get(
                measure.category.split(":")[1], measure.category.split(":")[1]
            )
            kind = draft.attributes.get("kind")
            wanted = {"troops": "troops", "police_training": "trainees", "funding": "amount_usd"}
            if wanted.get(str(kind)) == name:
                draft.figures[name] = {
                    "low": number.low,
                    "best": number.best,
                    "high": number.high,
                    "span": (number.start, number.end),
                }
