"""The answer of force generation: assignments, coverage, gaps with reasons, unused pledges."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marsad.forcegen.model import Pledge
from marsad.forcegen.problem import AVAILABLE, WITHDRAWN, Problem
from marsad.forcegen.program import OPTIMAL, TIME_LIMIT
from marsad.forcegen.reasons import Ledger, Reason, explain_unmet
from marsad.forcegen.words import amount, capability_words, nation_name

__all__ = ["OPTIMAL", "TIME_LIMIT", "Allocation", "Assignment", "Unmet", "Unused", "assemble"]


@dataclass(frozen=True)
class Assignment:
    """`quantity` units of pledge `pledge_id` go to requirement `requirement_id`.

    `conditional` marks units from a pledge whose legal conditions are not met yet (only
    possible with count_unmet_conditions=True).
    """

    pledge_id: str
    requirement_id: str
    quantity: int
    nation: str
    conditional: bool = False


@dataclass(frozen=True)
class Unmet:
    """A requirement not fully covered: `missing` units short, and why."""

    requirement_id: str
    label: str
    missing: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Unused:
    """Units of a pledge left unassigned, and why.

    why: withdrawn | legal_condition (`detail` names it) | no_requirement (nothing needs its
    capability) | outside_mandate (only combat requirements need it) | excluded (every
    requirement for it is barred by the nation's caveats, `caveat_ids`) | surplus (every
    requirement it may serve is fully met) | solver_stopped (the time limit was hit).
    `quantity` is what is left of the `pledged` units.
    """

    pledge_id: str
    nation: str
    capability: str
    quantity: int
    pledged: int
    why: str
    caveat_ids: tuple[str, ...] = ()
    caveat_texts: tuple[str, ...] = ()
    detail: str = ""

    def describe(self, *, names: Mapping[str, str] | None = None) -> str:
        """One English sentence; `names` maps nation codes to names."""
        nation = nation_name(code=self.nation, names=names)
        whole = self.quantity == self.pledged
        what = f"{nation}'s {amount(quantity=self.pledged, capability=self.capability)}"
        subject = what if whole else f"{self.quantity:,} of {what}"
        trade = capability_words(capability=self.capability)
        because = {
            "withdrawn": "the pledge was withdrawn",
            "legal_condition": "its legal conditions are not met"
            + (f" ({self.detail})" if self.detail else ""),
            "no_requirement": f"no requirement needs {trade}",
            "outside_mandate": "the only requirements for them are combat tasks outside "
            "the mandate",
            "excluded": "every requirement for them is excluded by the caveats "
            + ", ".join(f"'{text}'" for text in self.caveat_texts),
            "surplus": "every requirement they may serve is fully met",
        }.get(self.why, "the solver stopped at its time limit")
        verb = "is" if self.quantity == 1 else "are"
        return f"{subject} {verb} not used: {because}."


@dataclass(frozen=True)
class Allocation:
    """The allocation with its gaps.

    `coverage` maps every requirement id to the fraction filled (0..1); `objective` is the sum
    of weight x coverage and `total_weight` its best possible value. `status` is "optimal",
    or "time_limit" when HiGHS stopped before proving the best; `message` says so in words.
    """

    assignments: tuple[Assignment, ...]
    coverage: dict[str, float]
    unmet: tuple[Unmet, ...]
    unused: tuple[Unused, ...]
    objective: float
    total_weight: float
    status: str
    message: str = ""

    def as_dict(self, *, names: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A JSON-ready view, reasons described in English."""
        return {
            "status": self.status,
            "message": self.message,
            "objective": self.objective,
            "total_weight": self.total_weight,
            "coverage": dict(self.coverage),
            "assignments": [a.__dict__.copy() for a in self.assignments],
            "unmet": [
                {
                    "requirement_id": u.requirement_id,
                    "label": u.label,
                    "missing": u.missing,
                    "reasons": [{**_fields(r), "text": r.describe(names=names)} for r in u.reasons],
                }
                for u in self.unmet
            ],
            "unused": [{**_fields(u), "text": u.describe(names=names)} for u in self.unused],
        }


def assemble(
    *, problem: Problem, units: Mapping[tuple[str, str], int], status: str, message: str = ""
) -> Allocation:
    """Build the Allocation from the units per (pledge id, requirement id)."""
    ledger = Ledger(units)
    by_pledge = {p.id: p for p in problem.pledges}
    assignments = tuple(
        Assignment(
            pledge_id=pid,
            requirement_id=rid,
            quantity=q,
            nation=by_pledge[pid].nation,
            conditional=not by_pledge[pid].conditions_met,
        )
        for (pid, rid), q in sorted(ledger.units.items(), key=lambda item: item[0][::-1])
    )
    coverage = {r.id: ledger.filled.get(r.id, 0) / r.quantity for r in problem.requirements}
    unmet = tuple(
        Unmet(
            requirement_id=r.id,
            label=r.name,
            missing=r.quantity - ledger.filled.get(r.id, 0),
            reasons=explain_unmet(problem=problem, requirement=r, ledger=ledger),
        )
        for r in problem.requirements
        if ledger.filled.get(r.id, 0) < r.quantity
    )
    unused = tuple(
        _unused(problem, p, ledger)
        for p in problem.pledges
        if ledger.given.get(p.id, 0) < p.quantity
    )
    return Allocation(
        assignments=assignments,
        coverage=coverage,
        unmet=unmet,
        unused=unused,
        objective=sum(r.weight * coverage[r.id] for r in problem.requirements),
        total_weight=sum(r.weight for r in problem.requirements),
        status=status,
        message=message,
    )


def _unused(problem: Problem, pledge: Pledge, ledger: Ledger) -> Unused:
    remaining = pledge.quantity - ledger.given.get(pledge.id, 0)
    why, caveat_ids, detail = _why_unused(problem, pledge, ledger)
    texts = {c.id: c.name for c in problem.caveats}
    return Unused(
        pledge_id=pledge.id,
        nation=pledge.nation,
        capability=pledge.capability,
        quantity=remaining,
        pledged=pledge.quantity,
        why=why,
        caveat_ids=caveat_ids,
        caveat_texts=tuple(texts[i] for i in caveat_ids),
        detail=detail,
    )


def _why_unused(
    problem: Problem, pledge: Pledge, ledger: Ledger
) -> tuple[str, tuple[str, ...], str]:
    state = problem.availability(pledge)
    if state == WITHDRAWN:
        return "withdrawn", (), ""
    if state != AVAILABLE:
        return "legal_condition", (), pledge.condition
    same = [r for r in problem.requirements if r.capability == pledge.capability]
    if not same:
        return "no_requirement", (), ""
    inside = [r for r in same if problem.in_mandate(r)]
    if not inside:
        return "outside_mandate", (), ""
    open_to = [r for r in inside if not problem.exclusions(pledge, r)]
    if not open_to:
        ids = sorted({e.caveat_id for r in inside for e in problem.exclusions(pledge, r)})
        return "excluded", tuple(ids), ""
    if any(ledger.filled.get(r.id, 0) < r.quantity for r in open_to):
        return "solver_stopped", (), ""
    return "surplus", (), ""


def _fields(item: Reason | Unused) -> dict[str, Any]:
    out = dict(item.__dict__)
    if isinstance(item, Reason):
        out["used_by"] = [use.__dict__.copy() for use in item.used_by]
    return {key: list(v) if isinstance(v, tuple) else v for key, v in out.items()}
