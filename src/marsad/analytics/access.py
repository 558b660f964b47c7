"""Humanitarian access in figures: trucks per day per crossing, tonnage by category, the share
of days a crossing was open, two sources' counts compared day by day, and a corridor's risk from
the incidents near it.

Plain records in, plain results out, so the same code serves a file read by
`marsad.datasets.aid`, a database query and a test fixture. Status timelines are steps valid
from their first day up to, not including, their end (the day the next step begins), as the
access app stores them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.analytics.series import daily_series, daily_sums

#: States in which aid passes without a stated restriction.
OPEN_STATES = frozenset({"open", "reopened"})
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a status timeline: `state` from `start` up to (not including) `end`."""

    state: str
    start: date
    end: date | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def state_on(steps: Iterable[Step], day: date) -> str | None:
    """The state on `day`, or None when no step covers it. Where steps overlap (they should
    not), the one that began last wins."""
    found: Step | None = None
    for step in steps:
        if step.covers(day) and (found is None or step.start >= found.start):
            found = step
    return found.state if found else None


@dataclass(frozen=True, slots=True)
class OpenShare:
    """Days of a period by state, and the share of the period's days the crossing was open."""

    start: date
    end: date
    days: int
    by_state: dict[str, int]

    @property
    def open_days(self) -> int:
        return sum(n for state, n in self.by_state.items() if state in OPEN_STATES)

    @property
    def known_days(self) -> int:
        return self.days - self.by_state.get(UNKNOWN, 0)

    @property
    def share_open(self) -> float | None:
        """Open days over the days whose state is known (None when none is known)."""
        return self.open_days / self.known_days if self.known_days else None

    @property
    def share_open_or_restricted(self) -> float | None:
        """Days aid could pass at all (open, reopened or restricted) over the known days."""
        if not self.known_days:
            return None
        return (self.open_days + self.by_state.get("restricted", 0)) / self.known_days


def share_of_days_open(steps: Sequence[Step], start: date, end: date) -> OpenShare:
    """Each day from start to end (both included) counted under its state; days no step covers
    count as unknown and are left out of the shares."""
    if end < start:
        raise ValueError("the period ends before it starts")
    by_state: dict[str, int] = {}
    day = start
    while day <= end:
        state = state_on(steps, day) or UNKNOWN
        by_state[state] = by_state.get(state, 0) + 1
        day += timedelta(days=1)
    return OpenShare(start, end, (end - start).days + 1, dict(sorted(by_state.items())))


def trucks_per_day(
    rows: Iterable[tuple[date, str, int]],
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, list[tuple[date, int]]]:
    """(day, crossing, trucks) rows as one series per crossing over the same calendar days, days
    without a truck set to 0; crossings in name order. Without start or end, the days run from the
    first to the last day of any crossing."""
    by_crossing: dict[str, list[tuple[date, int]]] = {}
    days: list[date] = []
    for day, crossing, trucks in rows:
        by_crossing.setdefault(crossing, []).append((day, trucks))
        days.append(day)
    if not days and (start is None or end is None):
        return {}
    first = start if start is not None else min(days)
    last = end if end is not None else max(days)
    return {
        crossing: daily_series(items, start=first, end=last)
        for crossing, items in sorted(by_crossing.items())
    }


@dataclass(frozen=True, slots=True)
class Tonnage:
    """Tons of one category: the sum where the tonnage is known, and how many records lack it."""

    tons: float
    records: int
    unknown: int


def tonnage_by_category(rows: Iterable[tuple[str, float | None]]) -> dict[str, Tonnage]:
    """(category, tons or None) rows summed by category, heaviest first. A record whose tonnage
    is unknown (COGAT writes `-`) adds nothing to the sum and is counted apart, never as zero."""
    sums: dict[str, list[float]] = {}
    for category, tons in rows:
        entry = sums.setdefault(category, [0.0, 0, 0])
        entry[1] += 1
        if tons is None:
            entry[2] += 1
        else:
            entry[0] += tons
    totals = {k: Tonnage(round(v[0], 3), int(v[1]), int(v[2])) for k, v in sums.items()}
    return dict(sorted(totals.items(), key=lambda item: (-item[1].tons, item[0])))


@dataclass(frozen=True, slots=True)
class DayDifference:
    day: date
    first: int
    second: int

    @property
    def difference(self) -> int:
        """The second source's count minus the first's."""
        return self.second - self.first


@dataclass(frozen=True, slots=True)
class SourceComparison:
    """Two sources' daily counts over the days both report, and the days only one reports."""

    first: str
    second: str
    days: list[DayDifference]
    only_first: list[date] = field(default_factory=list)
    only_second: list[date] = field(default_factory=list)

    @property
    def total_first(self) -> int:
        return sum(d.first for d in self.days)

    @property
    def total_second(self) -> int:
        return sum(d.second for d in self.days)

    @property
    def difference(self) -> int:
        """The second source's total minus the first's, over the shared days."""
        return self.total_second - self.total_first

    @property
    def relative(self) -> float | None:
        """The difference as a share of the first source's total (None when that is 0)."""
        return self.difference / self.total_first if self.total_first else None

    @property
    def days_second_higher(self) -> int:
        return sum(1 for d in self.days if d.second > d.first)

    @property
    def days_first_higher(self) -> int:
        return sum(1 for d in self.days if d.first > d.second)

    def statement(self) -> str:
        """The comparison in one English sentence (pages say it in the reader's language)."""
        if not self.days:
            return f"{self.first} and {self.second} report no day in common."
        relative = self.relative
        share = f" ({relative:+.1%})" if relative is not None else ""
        if self.difference == 0:
            gap = "the same total"
        else:
            word = "more" if self.difference > 0 else "fewer"
            gap = f"{abs(self.difference):,} {word} than {self.first}{share}"
        return (
            f"On the {len(self.days):,} days both report, {self.first} counts "
            f"{self.total_first:,} and {self.second} {self.total_second:,}: {self.second} "
            f"counts {gap}. {self.second} is higher on {self.days_second_higher:,} days, "
            f"{self.first} on {self.days_first_higher:,}."
        )


def compare_sources(
    first: Iterable[tuple[date, int]],
    second: Iterable[tuple[date, int]],
    *,
    first_name: str,
    second_name: str,
) -> SourceComparison:
    """Two sources' counts for the same days, with their difference. Days only one source reports
    are listed apart and left out of the totals: a missing day is not a zero."""
    a, b = daily_sums(first), daily_sums(second)
    shared = sorted(set(a) & set(b))
    return SourceComparison(
        first=first_name,
        second=second_name,
        days=[DayDifference(day, a[day], b[day]) for day in shared],
        only_first=sorted(set(a) - set(b)),
        only_second=sorted(set(b) - set(a)),
    )


# --- corridor risk ---------------------------------------------------------------------------

#: How much an incident weighs by ACLED event type, before its fatalities and distance.
TYPE_WEIGHTS = {
    "Battles": 3.0,
    "Explosions/Remote violence": 3.0,
    "Violence against civilians": 2.0,
    "Riots": 1.0,
    "Strategic developments": 0.5,
    "Protests": 0.5,
}
DEFAULT_WEIGHT = 1.0
#: Score thresholds of the levels: below LOW is "low", below HIGH "medium", else "high".
LOW, HIGH = 10.0, 50.0


@dataclass(frozen=True, slots=True)
class NearIncident:
    """An incident near a route: its id, date, type, coded fatalities and distance in metres."""

    id: int
    day: date
    event_type: str
    sub_event_type: str
    fatalities: int | None
    distance_m: float


@dataclass(frozen=True, slots=True)
class Driver:
    """An incident and its part of a corridor's risk score."""

    incident: NearIncident
    weight: float
    share: float


@dataclass(frozen=True, slots=True)
class RiskSummary:
    """A corridor's risk from the incidents near it, and the incidents that drive it."""

    level: str
    score: float
    incidents: int
    fatalities: int
    metres: float
    drivers: list[Driver]
    by_type: dict[str, int]


def incident_weight(incident: NearIncident, metres: float) -> float:
    """Type weight x (1 + coded fatalities) x closeness, where closeness falls from 1 on the route
    to 0.5 at the edge of the distance asked for."""
    severity = TYPE_WEIGHTS.get(incident.event_type, DEFAULT_WEIGHT) * (
        1 + (incident.fatalities or 0)
    )
    closeness = 1.0 - 0.5 * min(incident.distance_m / metres, 1.0) if metres > 0 else 1.0
    return severity * closeness


def corridor_risk(incidents: Sequence[NearIncident], *, metres: float, top: int = 5) -> RiskSummary:
    """The risk level of a corridor (none, low, medium, high) from the incidents within `metres`
    of it, with the `top` incidents that weigh most and each one's share of the score."""
    weighted = sorted(
        ((incident_weight(i, metres), i) for i in incidents),
        key=lambda pair: (-pair[0], pair[1].day, pair[1].id),
    )
    score = sum(w for w, _ in weighted)
    if not incidents:
        level = "none"
    elif score < LOW:
        level = "low"
    elif score < HIGH:
        level = "medium"
    else:
        level = "high"
    by_type: dict[str, int] = {}
    for incident in incidents:
        by_type[incident.event_type] = by_type.get(incident.event_type, 0) + 1
    return RiskSummary(
        level=level,
        score=round(score, 2),
        incidents=len(incidents),
        fatalities=sum(i.fatalities or 0 for i in incidents),
        metres=metres,
        drivers=[
            Driver(incident, round(weight, 2), round(weight / score, 4) if score else 0.0)
            for weight, incident in weighted[:top]
        ],
        by_type=dict(sorted(by_type.items(), key=lambda item: (-item[1], item[0]))),
    )
