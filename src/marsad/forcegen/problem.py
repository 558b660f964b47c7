"""The input put in canonical order, with what may be assigned to what.

Sorting every list by id here is what makes the answer independent of the order the caller
gave: the solver always sees the same model for the same input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from marsad.forcegen.model import Caveat, MandateLimit, Pledge, Requirement
from marsad.forcegen.rules import Exclusion, exclusion, outside_mandate

AVAILABLE = "available"
WITHDRAWN = "withdrawn"
LEGAL_CONDITION = "legal_condition"

_Item = TypeVar("_Item", Requirement, Pledge, Caveat)


@dataclass(frozen=True)
class Problem:
    """Requirements, pledges and caveats sorted by id, and the admissible (pledge, requirement)
    pairs in (requirement id, pledge id) order (a pledge of 0 units is in none)."""

    requirements: tuple[Requirement, ...]
    pledges: tuple[Pledge, ...]
    caveats: tuple[Caveat, ...]
    limits: tuple[MandateLimit, ...]
    count_unmet_conditions: bool
    by_nation: Mapping[str, tuple[Caveat, ...]]
    pairs: tuple[tuple[Pledge, Requirement], ...]

    def availability(self, pledge: Pledge) -> str:
        """AVAILABLE, WITHDRAWN, or LEGAL_CONDITION when unmet conditions are not counted."""
        if pledge.status == "withdrawn":
            return WITHDRAWN
        if not pledge.conditions_met and not self.count_unmet_conditions:
            return LEGAL_CONDITION
        return AVAILABLE

    def in_mandate(self, requirement: Requirement) -> bool:
        """Whether no mandate limit keeps the force from filling the requirement."""
        return not any(outside_mandate(limit=lim, requirement=requirement) for lim in self.limits)

    def exclusions(self, pledge: Pledge, requirement: Requirement) -> tuple[Exclusion, ...]:
        """Every caveat exclusion on this pairing, in caveat id order."""
        found = (
            exclusion(caveat=c, pledge=pledge, requirement=requirement)
            for c in self.by_nation.get(pledge.nation, ())
        )
        return tuple(e for e in found if e is not None)

    def admissible(self, pledge: Pledge, requirement: Requirement) -> bool:
        """Same capability, pledge available, requirement in the mandate, no caveat against."""
        return (
            pledge.capability == requirement.capability
            and self.availability(pledge) == AVAILABLE
            and self.in_mandate(requirement)
            and not self.exclusions(pledge, requirement)
        )


def build_problem(
    *,
    requirements: Iterable[Requirement],
    pledges: Iterable[Pledge],
    caveats: Iterable[Caveat],
    limits: Iterable[MandateLimit],
    count_unmet_conditions: bool,
) -> Problem:
    """Check ids are unique, sort everything by id and list the admissible pairs."""
    reqs = _by_id("requirements", requirements)
    plds = _by_id("pledges", pledges)
    cavs = _by_id("caveats", caveats)
    by_nation: dict[str, list[Caveat]] = {}
    for caveat in cavs:
        by_nation.setdefault(caveat.nation, []).append(caveat)
    problem = Problem(
        requirements=reqs,
        pledges=plds,
        caveats=cavs,
        limits=tuple(sorted(set(limits), key=lambda lim: lim.kind)),
        count_unmet_conditions=count_unmet_conditions,
        by_nation={nation: tuple(found) for nation, found in sorted(by_nation.items())},
        pairs=(),
    )
    by_capability: dict[str, list[Pledge]] = {}
    for pledge in plds:
        by_capability.setdefault(pledge.capability, []).append(pledge)
    pairs = tuple(
        (pledge, req)
        for req in reqs
        for pledge in by_capability.get(req.capability, ())
        if pledge.quantity > 0 and problem.admissible(pledge, req)
    )
    return replace(problem, pairs=pairs)


def _by_id(what: str, items: Iterable[_Item]) -> tuple[_Item, ...]:
    ordered = sorted(items, key=lambda item: item.id)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.id == after.id:
            raise ValueError(f"{what}: id {before.id!r} is used twice")
    return tuple(ordered)
