"""The period a toll covers: since the truce, the day, or a longer total ("since the war
began", "in 2006"), read from the cues beside it; "the deadliest since" compares, it does not
total."""

from __future__ import annotations

from datetime import date

from marsad.extraction.dates import FoundDate
from marsad.extraction.figures import Number
from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence

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


_SINCE = frozenset({"منذ", "since"})
_RELATIVE = frozenset({"which", "who", "that", "where", "الذي", "التي", "الذين"})


def _since(sent: Sentence, found: FoundDate) -> bool:
    # "منذ السابع من تشرين الأول": the day and "من" may stand between
    lead = sent.text[max(sent.start, found.start - 24) : found.start].casefold().split()[-3:]
    if not set(lead) & _SINCE:
        return False
    # "The army, which has besieged the city since March, killed 12": a relative clause's date
    clause = sent.text[max(sent.start, found.start - 60) : found.start].casefold().split()[-7:]
    return not set(clause) & _RELATIVE


_LONG_AGO = 30  # days
# Words at most between "since <date>" and a toll's words or figure: farther, the date is a
# relative clause's ("The army, which has besieged the city since March, killed 12").
_SINCE_REACH = 4


def _near_a_toll(
    sent: Sentence, found: FoundDate, groups: list[list[tuple[Match, Number]]]
) -> bool:
    for group in groups:
        a, b = _span(group)
        gap = sent.words(found.end, a) if found.end <= a else sent.words(b, found.start)
        if found.start < b and a < found.end or gap <= _SINCE_REACH:
            return True
    return False


def _long_ago(sent: Sentence, found: FoundDate) -> bool:
    if sent.published is None:
        return found.precision != "day"
    try:
        then = date.fromisoformat(found.date)
    except ValueError:
        return False
    return (sent.published - then).days >= _LONG_AGO


def periods(sent: Sentence, groups: list[list[tuple[Match, Number]]]) -> dict[int, str]:
    """The period of each toll of the sentence, by the id of its group. With one toll, any
    period cue is its period. With several, a cue between a toll's words and its figure is that
    toll's ("33 killed in the raid, bringing the toll since the war began to 900"); another toll
    takes the nearest cue before its figure ("since the truce, 400 injured, among them 10
    children"), else the nearest after it with no other toll between."""
    cues = [(c.start, c.category.split(":")[1]) for c in sent.of(*_PERIODS)]
    # "منذ السابع من تشرين الأول 2023", "since March 2011": a total since a date a month or
    # more before the report ("منذ صباح أمس", "منذ الأحد" count the days of one event)
    cues += [
        (d.start, "other")
        for d in sent.dates
        if _since(sent, d) and _long_ago(sent, d) and _near_a_toll(sent, d, groups)
    ]
    cues.sort()
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
        end = spans[id(group)][1]
        # "40 شخصاً قُتلوا خلال الساعات الأربع والعشرين الماضية": the cue right after the toll's
        # words is its own, before one farther back that another toll stands after
        close = [c for c in after if c[0] >= end and sent.words(end, c[0]) <= _CLOSE_WORDS]
        crossed = before and any(before[-1][0] < f < at for f in figures)
        if close and (not before or crossed):
            found[id(group)] = close[0][1]
        elif before:
            found[id(group)] = before[-1][1]
        elif after:
            found[id(group)] = after[0][1]
    return found


# Words at most between a toll and the period cue that follows it.
_CLOSE_WORDS = 2


def _span(group: list[tuple[Match, Number]]) -> tuple[int, int]:
    starts = [x.start for pair in group for x in pair]
    ends = [x.end for pair in group for x in pair]
    return min(starts), max(ends)
