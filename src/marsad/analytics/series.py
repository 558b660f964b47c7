"""Sums of dated values by day, week, window, phase and governorate, and counters of incidents.

Inputs are plain (date, value) pairs or plain records, so the same code serves a file read by
`marsad.datasets`, a database query and a test fixture. Windows include both their ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

N = TypeVar("N", int, float)
K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Window:
    """A named period, both ends included; an open end (None) runs on without limit."""

    name: str
    start: date | None = None
    end: date | None = None

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def daily_sums(items: Iterable[tuple[date, N]]) -> dict[date, N]:
    """Values summed by day, days in ascending order."""
    sums: dict[date, N] = {}
    for day, value in items:
        sums[day] = sums.get(day, 0) + value
    return dict(sorted(sums.items()))


def daily_series(
    items: Iterable[tuple[date, N]],
    *,
    start: date | None = None,
    end: date | None = None,
    fill: N = 0,
) -> list[tuple[date, N]]:
    """One (day, sum) per calendar day from start to end, days without values set to `fill`.

    Without start or end, the series runs from the first to the last day with a value.
    """
    sums = daily_sums(items)
    if not sums and (start is None or end is None):
        return []
    first = start if start is not None else min(sums)
    last = end if end is not None else max(sums)
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return [(day, sums.get(day, fill)) for day in days]


def week_start(day: date, *, first_weekday: int = 0) -> date:
    """The first day of the week holding `day` (weeks start on Monday, 0, unless told)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def weekly_sums(items: Iterable[tuple[date, N]], *, first_weekday: int = 0) -> dict[date, N]:
    """Values summed by week, keyed by each week's first day (Monday unless told; Saturday is
    5, the first working day in Gaza)."""
    sums: dict[date, N] = {}
    for day, value in items:
        week = week_start(day, first_weekday=first_weekday)
        sums[week] = sums.get(week, 0) + value
    return dict(sorted(sums.items()))


def window_total(
    items: Iterable[tuple[date, N]], *, start: date | None = None, end: date | None = None
) -> N:
    """The sum of the values dated from start to end, both included."""
    window = Window("", start, end)
    total: N = 0
    for day, value in items:
        if day in window:
            total += value
    return total


def per_phase(items: Iterable[tuple[date, N]], phases: Sequence[Window]) -> dict[str, N]:
    """The sum of each phase's values, in the order of `phases`.

    A value dated in two overlapping phases counts in both; a value in no phase in none.
    """
    totals: dict[str, N] = {phase.name: 0 for phase in phases}
    for day, value in items:
        for phase in phases:
            if day in phase:
                totals[phase.name] += value
    return totals


def per_governorate(items: Iterable[tuple[str | None, N]]) -> dict[str | None, N]:
    """Values summed by governorate P-code; None gathers values at sea or outside every area."""
    sums: dict[str | None, N] = {}
    for pcode, value in items:
        sums[pcode] = sums.get(pcode, 0) + value
    return dict(sorted(sums.items(), key=lambda item: (item[0] is None, item[0] or "")))


def count_by(records: Iterable[R], key: Callable[[R], K]) -> Counter[K]:
    """How many records share each key."""
    return Counter(key(record) for record in records)


def sum_by(records: Iterable[R], key: Callable[[R], K], value: Callable[[R], N]) -> dict[K, N]:
    """A value summed over the records sharing each key (e.g. fatalities by event type)."""
    sums: dict[K, N] = {}
    for record in records:
        group = key(record)
        sums[group] = sums.get(group, 0) + value(record)
    return sums


class Incident(Protocol):
    """What the incident counters read: ACLED's type and actor fields."""

    @property
    def event_type(self) -> str: ...
    @property
    def sub_event_type(self) -> str: ...
    @property
    def actor1(self) -> str: ...
    @property
    def actor2(self) -> str: ...


def incidents_by_type(incidents: Iterable[Incident]) -> Counter[tuple[str, str]]:
    """Incidents counted by (event type, sub-event type)."""
    return Counter((incident.event_type, incident.sub_event_type) for incident in incidents)


def incidents_by_actor(incidents: Iterable[Incident], *, role: str = "actor1") -> Counter[str]:
    """Incidents counted by actor: `actor1` (the alleged perpetrator in ACLED's coding),
    `actor2`, or `either` (an incident counts once for each distinct actor named)."""
    if role not in ("actor1", "actor2", "either"):
        raise ValueError("role is actor1, actor2 or either")
    counts: Counter[str] = Counter()
    for incident in incidents:
        names = (
            {incident.actor1, incident.actor2} if role == "either" else {getattr(incident, role)}
        )
        counts.update(name for name in names if name)
    return counts
