"""Rules for what happens on the ground besides the attacks themselves (rules_attack.py):
ceasefire phases, casualty figures and aid trucks (crossings: rules_corridors.py)."""

from __future__ import annotations

from typing import Any

from marsad.extraction import roles
from marsad.extraction.draft import Draft, agent_by, attribution
from marsad.extraction.figures import Number
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.normalize import fold
from marsad.extraction.rules_attack import armed, perpetrator, place_near
from marsad.extraction.rules_blame import PERPETRATOR_KINDS, blamed
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


def _pairs(sent: Sentence, measures: list[Match]) -> list[tuple[Match, Number]]:
    """Numbers paired with the nearest measure word (greedy, nearest first, one to one)."""
    if not measures:
        return []
    dates = [(d.start, d.end) for d in sent.dates]
    numbers = [n for n in sent.numbers if not any(s <= n.start < e for s, e in dates)]
    options: list[tuple[int, int, int, int]] = []
    subsets = [c.start for c in sent.of("SUBSET")]
    for mi, measure in enumerate(measures):
        passive = sent.text[measure.start : measure.end].startswith(_PASSIVE)
        for ni, number in enumerate(numbers):
            if number.end <= measure.start:
                # "86 people, including 30 children, were killed": the subset is set aside
                cut = min((c for c in subsets if number.end <= c < measure.start), default=None)
                if cut is not None and not _closes_on(sent.text[cut : measure.start]):
                    cut = None
                gap = sent.words(number.end, measure.start if cut is None else cut)
                between = sent.text[number.end : measure.start]
                if passive and gap <= 7 and not any(ch in between for ch in ",;،"):
                    gap = min(gap, 4)  # "Two members of Syria's General Security were killed"
                penalty = 0
            elif number.start >= measure.end:
                gap = sent.words(measure.end, number.start)
                penalty = 1
            else:
                continue
            limit = 4 if measure.entry.lang == "en" else 5
            if gap <= limit:
                options.append((gap * 2 + penalty, mi, ni, 0))
            elif penalty and gap <= 12 and _risen_to(sent, measure, number):
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


def _closes_on(clause: str) -> bool:
    """Whether a subset clause ends with a comma right before the measure: "including 30
    children, were killed", not "بينهم عمال أجانب، ليرتفع عدد قتلى"."""
    marks = [clause.rfind(mark) for mark in ",،"]
    last = max(marks)
    return last >= 0 and len(clause[last + 1 :].split()) <= 1


_TOLL = ("حصيله", "عدد", "toll", "number")
_PASSIVE = ("was ", "were ", "have been ", "has been ", "had been ")


def _risen_to(sent: Sentence, measure: Match, number: Number) -> bool:
    """A toll told as rising to its figure, however much stands between: "لترتفع حصيلة القتلى
    في لبنان منذ بدء الحرب إلى أكثر من ٩٠٠", "bringing the death toll since October to 900"."""
    lead = fold(sent.text[max(sent.start, measure.start - 12) : measure.end]).casefold()
    before_number = fold(sent.text[max(measure.end, number.start - 14) : number.start]).split()
    return any(w in lead for w in _TOLL) and any(w in ("الي", "to") for w in before_number)


def _single(sent: Sentence, measure: Match) -> Number | None:
    """ "a Palestinian was killed", "استشهد شاب", "أصيب جنديان": one or two victims, when no
    number is given; the victim word nearest the measure counts."""
    best: tuple[int, Number] | None = None
    for count, category in ((1, "ONE"), (2, "TWO")):
        for cue in sent.of(category):
            if cue.end <= measure.start:
                gap = sent.words(cue.end, measure.start)
                if gap > 3:
                    continue
            elif cue.start >= measure.end:
                gap = sent.words(measure.end, cue.start)
                if gap > (1 if count == 1 else 3):
                    continue
            else:
                continue
            if best is None or gap < best[0]:
                best = (gap, Number(cue.start, cue.end, count, count, count))
    if best is None:
        word = sent.text[measure.start : measure.end]
        if word in _DUAL_VERBS:
            return Number(measure.start, measure.end, 2, 2, 2)  # قتلا: the two of them
        if word.startswith(("اغتيل", "اغتال")) or word == "assassinated":
            return Number(measure.start, measure.end, 1, 1, 1)  # an assassination kills one
        named = _named_after(sent, measure)
        if named:
            return Number(measure.start, measure.end, named, named, named)
        if _named_victim(sent, measure):
            return Number(measure.start, measure.end, 1, 1, 1)
    return best[1] if best else None


# Between a verb of killing and its named victims: "وقتل فيها رئيس الأركان".
_IN_IT = frozenset(fold(w) for w in "فيها فيه خلالها خلاله".split())


def _named_after(sent: Sentence, measure: Match) -> int:
    """How many persons a verb of killing names as its object, in its clause: "killed Iranian
    commander Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis" (2), "killing
    armed forces chief Mohammad Bagheri", "قتل فيها رئيس أركان الجيش الإيراني محمد باقري"."""
    said = fold(sent.text[measure.start : measure.end]).casefold()
    if measure.entry.lang == "en" and said.startswith(("was ", "were ", "been ", "have ", "has ")):
        return 0
    if sent.text[measure.end : measure.end + 4] == " of " or sent.text[
        max(sent.start, measure.start - 4) : measure.start
    ].endswith("the "):
        return 0  # "in retaliation for the killing of Qassem Soleimani": an earlier event
    end = min((b for b in sent.barriers if b > measure.end), default=sent.end)
    clause = sent.text[measure.end : end]
    marks = [at for at in (clause.find(","), clause.find("،"), clause.find(";")) if at >= 0]
    end = measure.end + min(marks, default=len(clause))
    persons = [
        m for m in sent.entities if measure.end <= m.start < end and sent.kind(m) == "person"
    ]
    if not persons or sent.words(measure.end, persons[0].start) > 5:
        return 0
    if measure.entry.lang == "ar":
        lead = sent.text[measure.end : persons[0].start].split()
        if lead and lead[0] not in _IN_IT and lead[0] not in _TITLES:
            return 0  # "قتل جنديين أثناء حماية الرئيس X": not the verb's object
    return len({m.entry.value for m in persons})


# "… وردت مصر بغارات", "Egypt retaliated with air strikes": a second act, not the toll's cause.
_RESPONSE = ("رد", "ورد", "ردا", "retaliat", "respond")
_DUAL_VERBS = frozenset({"قتلا", "استشهدا", "اصيبا", "جرحا", "قضيا", "لقيا"})
# Titles and roles that open a named victim, and kin or companions named by their relation
# ("قتل شقيقه", "وقتل سائقهما"): one victim each. Folded as the text is (رئيس → رييس).
_TITLES = frozenset(
    fold(word)
    for word in (
        "رئيس الرئيس قائد وزير الوزير الناشط الناشطه الصحفي الصحفيه العقيد السفير والي امام "
        "زعيم نائب اللواء العميد المقدم الخبير المطران الشيخ القيادي المتحدث الامين محافظ "
        "المحافظ الرضيع الطفل الطفله الشاب الفتى النائب القاضي المحامي الطبيب مدير"
    ).split()
)
_KIN = frozenset(
    fold(word)
    for word in (
        "شقيقه شقيقها شقيقهم سائقه سائقها سائقهما نجله نجلها ابنه ابنها زوجته زوجها مرافقه "
        "مرافقها حارسه والده والدته"
    ).split()
)


def _widest(measures: list[Match]) -> list[Match]:
    """ "have been killed" holds "killed": one measure, not two that each take a number."""
    return [
        m
        for m in measures
        if not any(
            o is not m
            and o.entry.category == m.entry.category
            and o.start <= m.start
            and m.end <= o.end
            and (o.start, o.end) != (m.start, m.end)
            for o in measures
        )
    ]


def _named_victim(sent: Sentence, measure: Match) -> bool:
    """ "قتل والي غرب دارفور", "اغتيل رئيس الوزراء", "X was shot dead": one named victim."""
    if measure.entry.lang == "ar":
        rest = [w.strip(".,;:!?") for w in sent.text[measure.end : sent.end].split()[:1]]
        if rest and (rest[0] in _TITLES or rest[0] in _KIN):
            return True
        # "قتل عبد الغني الككلي": a person named right after the verb
        return any(
            sent.kind(m) == "person" and sent.words(measure.end, m.start) == 0
            for m in sent.entities
            if m.start >= measure.end
        )
    lead = sent.text[max(sent.start, measure.start - 12) : measure.start].split()
    said = sent.text[measure.start : measure.end]
    singular = (lead and lead[-1] in ("was", "been")) or said.startswith("was ")
    if singular and not sent.numbers:
        return True  # "Hisham al-Hashimi was shot dead": one person, named or not
    people = [m for m in sent.entities if sent.kind(m) == "person" and m.end <= measure.start]
    return bool(people) and sent.words(people[-1].end, measure.start) <= 2


def casualties(sent: Sentence) -> list[Draft]:
    """Killed and injured figures, grouped per claim, with population, period and perpetrator."""
    measures = _widest(sent.of("MEAS:killed", "MEAS:injured"))
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
    first_measure = pairs[0][0].start
    for trigger in sent.of("T:attack"):
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
    periods = _periods(sent, groups)
    drafts = []
    for group in groups:
        first = group[0][0]
        # "Turkish soldiers were killed": a nationality next to the toll is the victims'
        agent = actor or agent_by(sent, first.end)
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
        period = periods.get(id(group))
        if period:
            attrs["period"] = period
        draft = Draft("casualties", first, 4, agent, [], None, attrs, figures)
        draft.where = place_near(sent, first.end)
        drafts.append(draft)
        drafts += _subsets(sent, draft, group, populations)
    return drafts


_PERIODS = ("PERIOD:since_truce", "PERIOD:day", "PERIOD:other")
# "the deadliest attack since 2003", "أعنف هجوم منذ عام 2003": measured against a past date, the
# toll is still one incident's
_SUPERLATIVES = frozenset(
    "اعنف الاعنف اكبر الاكبر اسوا الاسوا اشد الاشد ادمي الادمي دمويه اول اعلي الاعلي"
    " deadliest worst bloodiest biggest largest heaviest first highest".split()
)


def _comparison(sent: Sentence, start: int) -> bool:
    lead = fold(sent.text[max(sent.start, start - 70) : start]).casefold().split()[-8:]
    return any(word.strip("،,") in _SUPERLATIVES for word in lead)


def _periods(sent: Sentence, groups: list[list[tuple[Match, Number]]]) -> dict[int, str]:
    """The period of each toll of the sentence, by the id of its group. With one toll, any
    period cue is its period. With several, a cue between a toll's words and its figure is that
    toll's ("33 killed in the raid, bringing the toll since the war began to 900"); another toll
    takes the nearest cue before its figure ("since the truce, 400 injured, among them 10
    children"), else the nearest after it with no other toll between."""
    cues = [(c.start, c.category.split(":")[1]) for c in sent.of(*_PERIODS)]
    if not cues:
        # "killed in 2006": a year's total, not an event
        cues = [(d.start, "other") for d in sent.dates if d.precision == "year"]
    cues = [(start, name) for start, name in cues if not _comparison(sent, start)]
    if not cues:
        return {}
    if len(groups) == 1:
        return {id(groups[0]): cues[0][1]}
    spans = {id(g): _span(g) for g in groups}
    found: dict[int, str] = {}
    inside: set[int] = set()
    for start, name in cues:
        for group in groups:
            a, b = spans[id(group)]
            if a <= start <= b:
                found.setdefault(id(group), name)
                inside.add(start)
    figures = sorted(g[0][1].start for g in groups)
    for group in groups:
        if id(group) in found:
            continue
        at = group[0][1].start
        free = [(start, name) for start, name in cues if start not in inside]
        before = [c for c in free if c[0] < at]
        after = [c for c in free if c[0] > at and not any(at < f < c[0] for f in figures)]
        if before:
            found[id(group)] = before[-1][1]
        elif after:
            found[id(group)] = after[0][1]
    return found


def _span(group: list[tuple[Match, Number]]) -> tuple[int, int]:
    starts = [x.start for pair in group for x in pair]
    ends = [x.end for pair in group for x in pair]
    return min(starts), max(ends)


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
