"""Force generation on stored records: what the reader may see goes into the pure core, and
its answer comes back tied to the records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.coalition.models import Caveat, Pledge
from marsad.coalition.selectors import caveats, pledges
from marsad.forcegen.allocation import Allocation
from marsad.forcegen.solve import allocate
from marsad.forcegen.whatif import Blocker, ConditionGain, what_if
from marsad.mandate import conversion
from marsad.mandate.models import Requirement
from marsad.mandate.selectors import limits, requirements

TIME_LIMIT_SECONDS = 20.0


@dataclass
class Generation:
    allocation: Allocation
    requirements: dict[str, Requirement]
    pledges: dict[str, Pledge]
    caveats: dict[str, Caveat]

    @property
    def coverage_percent(self) -> float:
        if not self.allocation.total_weight:
            return 0.0
        return 100.0 * self.allocation.objective / self.allocation.total_weight


def _records(user: Any, force: str) -> tuple[list[Requirement], list[Pledge], list[Caveat]]:
    wanted = list(requirements(user).filter(task__force__key=force))
    offered = list(pledges(user).filter(body__key=force))
    conditions = list(caveats(user).filter(nation__in={p.nation_id for p in offered}))
    return wanted, offered, conditions


def run(user: Any, *, force: str = "ISF", count_unmet_conditions: bool = False) -> Generation:
    """Solve the allocation of the visible pledges to the visible requirements of `force`."""
    wanted, offered, conditions = _records(user, force)
    allocation = allocate(
        requirements=[conversion.requirement_input(r) for r in wanted],
        pledges=conversion.pledge_inputs(offered, conditions),
        caveats=conversion.caveat_inputs(conditions),
        limits=conversion.limit_inputs(limits(user).filter(force__key=force)),
        count_unmet_conditions=count_unmet_conditions,
        time_limit=TIME_LIMIT_SECONDS,
    )
    return Generation(
        allocation=allocation,
        requirements={f"R{r.pk}": r for r in wanted},
        pledges={f"P{p.pk}": p for p in offered},
        caveats={f"C{c.pk}": c for c in conditions},
    )


@dataclass
class Decision:
    """What meeting each unmet legal condition would add, and what blocks each gap, tied to
    the records the reader may see (`generation` holds the allocation as it stands)."""

    generation: Generation
    gains: list[tuple[ConditionGain, list[Caveat]]]
    blockers: list[Blocker]


def decision_support(user: Any, *, force: str = "ISF") -> Decision:
    """The what-if of every unmet legal condition of the visible pledges (`forcegen.whatif`)."""
    wanted, offered, conditions = _records(user, force)
    found = what_if(
        requirements=[conversion.requirement_input(r) for r in wanted],
        pledges=conversion.pledge_inputs(offered, conditions),
        caveats=conversion.caveat_inputs(conditions),
        limits=conversion.limit_inputs(limits(user).filter(force__key=force)),
        time_limit=TIME_LIMIT_SECONDS,
    )
    generation = Generation(
        allocation=found.base,
        requirements={f"R{r.pk}": r for r in wanted},
        pledges={f"P{p.pk}": p for p in offered},
        caveats={f"C{c.pk}": c for c in conditions},
    )
    unmet = [c for c in conditions if c.kind in conversion.LEGAL_CONDITIONS and c.met is not True]
    return Decision(
        generation=generation,
        gains=[
            (gain, [c for c in unmet if conversion.nation_code(c) == gain.nation])
            for gain in found.gains
        ],
        blockers=list(found.blockers),
    )
