"""A simple greedy allocation: the baseline the solver must never fall below."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.forcegen.allocation import OPTIMAL, Allocation, assemble
from marsad.forcegen.model import Caveat, MandateLimit, Pledge, Requirement
from marsad.forcegen.problem import build_problem


def greedy_allocate(
    *,
    requirements: Iterable[Requirement],
    pledges: Iterable[Pledge],
    caveats: Iterable[Caveat] = (),
    limits: Iterable[MandateLimit] = (),
    count_unmet_conditions: bool = False,
) -> Allocation:
    """Fill requirements by weight (highest first, then id) from pledges in id order.

    Same rules as `allocate` (capability, status, legal conditions, caveats, mandate), no
    look-ahead: a pledge goes to the first requirement that may take it. Its `status` is
    "optimal" only in the sense that it ran to the end; it is a baseline, not an optimum.
    """
    problem = build_problem(
        requirements=requirements,
        pledges=pledges,
        caveats=caveats,
        limits=limits,
        count_unmet_conditions=count_unmet_conditions,
    )
    left = {p.id: p.quantity for p in problem.pledges}
    candidates: dict[str, list[str]] = {}
    for pledge, req in problem.pairs:  # pledges come in id order within each requirement
        candidates.setdefault(req.id, []).append(pledge.id)
    units: dict[tuple[str, str], int] = {}
    for req in sorted(problem.requirements, key=lambda r: (-r.weight, r.id)):
        need = req.quantity
        for pledge_id in candidates.get(req.id, ()):
            take = min(need, left[pledge_id])
            if take > 0:
                units[(pledge_id, req.id)] = take
                left[pledge_id] -= take
                need -= take
            if need == 0:
                break
    return assemble(problem=problem, units=units, status=OPTIMAL)
