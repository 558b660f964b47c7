"""Decision support: what meeting each unmet legal condition would add, and what blocks each gap.

For every legal condition still unmet (one nation's condition may hold back several of its
pledges), the allocation is solved again as if that condition alone were met; the difference
with the allocation as it stands is the units the force would gain and the points of weighted
coverage. For every gap, the conditions and caveats named among its reasons are what stands in
its way (a shortfall with nothing blocking it needs new pledges instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from marsad.forcegen.allocation import Allocation
from marsad.forcegen.model import Caveat, MandateLimit, Pledge, Requirement
from marsad.forcegen.reasons import CAVEAT, LEGAL_CONDITION
from marsad.forcegen.solve import allocate
from marsad.forcegen.words import capability_words, nation_name


def percent(allocation: Allocation) -> float:
    """Weighted coverage, in percent (0 when nothing is required)."""
    if not allocation.total_weight:
        return 0.0
    return 100.0 * allocation.objective / allocation.total_weight


@dataclass(frozen=True)
class ConditionGain:
    """What meeting one nation's unmet legal condition would add to the allocation."""

    nation: str
    condition: str
    pledge_ids: tuple[str, ...]
    units: tuple[tuple[str, int], ...]  # (capability, units gained), by capability
    points: float  # percentage points of weighted coverage gained

    def describe(self, *, names: Mapping[str, str] | None = None) -> str:
        """ "Italy's parliamentary approval: +200 police trainers, +1.9 points"."""
        nation = nation_name(code=self.nation, names=names)
        what = self.condition or "legal conditions"
        gained = ", ".join(
            f"+{units:,} {capability_words(capability=capability)}"
            for capability, units in self.units
        )
        return f"{nation}'s {what}: {gained or 'no units'}, +{self.points:.1f} points"


@dataclass(frozen=True)
class Blocker:
    """A gap and what stands in its way: unmet legal conditions and caveats, by id."""

    requirement_id: str
    label: str
    missing: int
    conditions: tuple[tuple[str, str], ...]  # (nation, condition)
    caveats: tuple[tuple[str, str], ...]  # (caveat id, caveat text)


@dataclass(frozen=True)
class WhatIf:
    base: Allocation
    base_percent: float
    gains: tuple[ConditionGain, ...]
    blockers: tuple[Blocker, ...]


def _conditions(pledges: Iterable[Pledge]) -> dict[tuple[str, str], list[Pledge]]:
    found: dict[tuple[str, str], list[Pledge]] = {}
    for pledge in pledges:
        if pledge.status != "withdrawn" and not pledge.conditions_met and pledge.quantity:
            found.setdefault((pledge.nation, pledge.condition), []).append(pledge)
    return dict(sorted(found.items()))


def _blockers(allocation: Allocation) -> tuple[Blocker, ...]:
    out = []
    for gap in allocation.unmet:
        conditions = sorted(
            {(r.nation or "", r.detail) for r in gap.reasons if r.kind == LEGAL_CONDITION}
        )
        caveats = sorted(
            {(r.caveat_id or "", r.caveat_text) for r in gap.reasons if r.kind == CAVEAT}
        )
        out.append(
            Blocker(
                requirement_id=gap.requirement_id,
                label=gap.label,
                missing=gap.missing,
                conditions=tuple(conditions),
                caveats=tuple(caveats),
            )
        )
    return tuple(out)


def what_if(
    *,
    requirements: Iterable[Requirement],
    pledges: Iterable[Pledge],
    caveats: Iterable[Caveat] = (),
    limits: Iterable[MandateLimit] = (),
    time_limit: float = 10.0,
) -> WhatIf:
    """The allocation as it stands, the gain of meeting each unmet legal condition (largest
    first), and what blocks each gap."""
    wanted, offered = list(requirements), list(pledges)
    conditions_of, bounds = list(caveats), list(limits)

    def solve(given: list[Pledge]) -> Allocation:
        return allocate(
            requirements=wanted,
            pledges=given,
            caveats=conditions_of,
            limits=bounds,
            time_limit=time_limit,
        )

    base = solve(offered)
    base_percent = percent(base)
    gains = []
    for (nation, condition), held in _conditions(offered).items():
        ids = {p.id for p in held}
        freed = [replace(p, conditions_met=True) if p.id in ids else p for p in offered]
        after = solve(freed)
        by_capability: dict[str, int] = {}
        capability = {p.id: p.capability for p in held}
        for assignment in after.assignments:
            if assignment.pledge_id in ids:
                kind = capability[assignment.pledge_id]
                by_capability[kind] = by_capability.get(kind, 0) + assignment.quantity
        gains.append(
            ConditionGain(
                nation=nation,
                condition=condition,
                pledge_ids=tuple(sorted(ids)),
                units=tuple(sorted(by_capability.items())),
                points=round(percent(after) - base_percent, 6),
            )
        )
    gains.sort(key=lambda g: (-g.points, g.nation, g.condition))
    return WhatIf(
        base=base, base_percent=base_percent, gains=tuple(gains), blockers=_blockers(base)
    )
