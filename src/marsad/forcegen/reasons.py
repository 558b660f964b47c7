"""Why a requirement stays unmet: structured reasons, each with an English sentence.

The Django app renders the structured fields in Arabic and English; `describe()` is the
English a secretariat reads in a log, a command line or a test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from marsad.forcegen.model import REMOTE_CAPABILITIES, Pledge, Requirement
from marsad.forcegen.problem import AVAILABLE, WITHDRAWN, Problem
from marsad.forcegen.rules import PLEDGE_SIDE_RULES
from marsad.forcegen.words import amount, capability_words, nation_name

# Reason kinds, in the order they are listed for a requirement.
OUTSIDE_MANDATE = "outside_mandate"
NO_PLEDGE = "no_pledge"
SHORTFALL = "shortfall"
WITHDRAWN_PLEDGE = "withdrawn"
LEGAL_CONDITION = "legal_condition"
CAVEAT = "caveat"
USED_ELSEWHERE = "used_elsewhere"
SOLVER_STOPPED = "solver_stopped"


@dataclass(frozen=True)
class Use:
    """Units of a pledge that went to another requirement."""

    requirement_id: str
    label: str
    quantity: int
    weight: float


@dataclass(frozen=True)
class Reason:
    """One cause of a gap in `requirement_id`.

    kind: outside_mandate | no_pledge | shortfall (usable units, in `quantity`, fall short of
    `needed`) | withdrawn | legal_condition (`detail` names the condition) | caveat
    (`caveat_id`, `rule`; `detail` is the English phrase of the rule) | used_elsewhere
    (`used_by`: requirements that count at least as much per unit needed) | solver_stopped.
    For pledge reasons `pledge_id`, `nation`, `capability` and `quantity` describe the pledge;
    a caveat reason may name a pledge of another capability when the nation's caveat would
    keep it out of this requirement whatever it offered.
    """

    kind: str
    requirement_id: str
    requirement_label: str
    capability: str
    quantity: int = 0
    needed: int = 0
    nation: str | None = None
    pledge_id: str | None = None
    caveat_id: str | None = None
    caveat_text: str = ""
    rule: str | None = None
    detail: str = ""
    used_by: tuple[Use, ...] = ()

    def describe(self, *, names: Mapping[str, str] | None = None) -> str:
        """One English sentence; `names` maps nation codes to names (ITA -> Italy)."""
        label = f"'{self.requirement_label}'"
        if self.kind == OUTSIDE_MANDATE:
            return (
                f"{label} is outside the mandate: the force takes no part in direct combat, "
                "so it is not filled."
            )
        if self.kind == NO_PLEDGE:
            return (
                f"No pledge offers {capability_words(capability=self.capability)}; {label} needs "
                f"{self.needed:,}."
            )
        if self.kind == SHORTFALL:
            return (
                f"Usable pledges of {capability_words(capability=self.capability)} come to "
                f"{self.quantity:,}, short of the {self.needed:,} that {label} needs."
            )
        nation = nation_name(code=self.nation or "", names=names)
        pledged = f"{nation}'s {amount(quantity=self.quantity, capability=self.capability)}"
        if self.kind == WITHDRAWN_PLEDGE:
            return f"{pledged} cannot be assigned to {label}: the pledge was withdrawn."
        if self.kind == LEGAL_CONDITION:
            missing = f" ({self.detail})" if self.detail else ""
            return (
                f"{pledged} cannot be assigned to {label} until its legal conditions are "
                f"met{missing}."
            )
        if self.kind == CAVEAT:
            return (
                f"{pledged} cannot be assigned to {label}: {nation}'s caveat "
                f"'{self.caveat_text}' {self.detail}."
            )
        if self.kind == USED_ELSEWHERE:
            taken = sum(use.quantity for use in self.used_by)
            share = "are all" if taken >= self.quantity else f"({taken:,} of them) are"
            where = ", ".join(f"'{use.label}' ({use.quantity:,})" for use in self.used_by)
            return (
                f"{pledged} {share} assigned to requirements that count at least as much "
                f"per unit needed: {where}."
            )
        return (
            f"{pledged} could serve {label} but were left unassigned when the solver "
            "stopped at its time limit."
        )


class Ledger:
    """The units assigned, looked up by pledge and by requirement."""

    def __init__(self, units: Mapping[tuple[str, str], int]) -> None:
        self.units = {pair: q for pair, q in units.items() if q > 0}
        self.given: dict[str, int] = {}
        self.filled: dict[str, int] = {}
        self.uses: dict[str, list[tuple[str, int]]] = {}
        for (pledge_id, req_id), quantity in sorted(self.units.items()):
            self.given[pledge_id] = self.given.get(pledge_id, 0) + quantity
            self.filled[req_id] = self.filled.get(req_id, 0) + quantity
            self.uses.setdefault(pledge_id, []).append((req_id, quantity))


def explain_unmet(
    *, problem: Problem, requirement: Requirement, ledger: Ledger
) -> tuple[Reason, ...]:
    """The reasons `requirement` is not fully covered, most general first."""
    req = requirement
    if not problem.in_mandate(req):
        return (_general(OUTSIDE_MANDATE, req),)
    # A pledge of nothing ("will not send troops") is a refusal, not an offer.
    same = [p for p in problem.pledges if p.capability == req.capability and p.quantity > 0]
    usable = sum(p.quantity for p in same if problem.admissible(p, req))
    reasons: list[Reason] = []
    if not same:
        reasons.append(_general(NO_PLEDGE, req))
    elif usable < req.quantity:
        reasons.append(_general(SHORTFALL, req, quantity=usable))
    by_id = {r.id: r for r in problem.requirements}
    for pledge in same:
        reasons.extend(_pledge_reasons(problem, req, pledge, ledger, by_id))
    if usable < req.quantity and req.capability not in REMOTE_CAPABILITIES:
        # People of another trade whose nation's caveat keeps them out of this need: that
        # nation could not fill it whatever it offered, which is worth knowing before asking.
        for pledge in problem.pledges:
            if (
                pledge.capability != req.capability
                and pledge.capability not in REMOTE_CAPABILITIES
                and problem.availability(pledge) != WITHDRAWN
            ):
                reasons.extend(_caveat_reasons(problem, req, pledge, requirement_side=True))
    return tuple(reasons)


def _general(kind: str, req: Requirement, *, quantity: int = 0) -> Reason:
    return Reason(
        kind=kind,
        requirement_id=req.id,
        requirement_label=req.name,
        capability=req.capability,
        quantity=quantity,
        needed=req.quantity,
    )


def _pledge_reasons(
    problem: Problem,
    req: Requirement,
    pledge: Pledge,
    ledger: Ledger,
    by_id: Mapping[str, Requirement],
) -> list[Reason]:
    state = problem.availability(pledge)
    if state == WITHDRAWN:
        return [_about(WITHDRAWN_PLEDGE, req, pledge)]
    reasons = []
    if state != AVAILABLE:
        reasons.append(_about(LEGAL_CONDITION, req, pledge, detail=pledge.condition))
    reasons.extend(_caveat_reasons(problem, req, pledge, requirement_side=False))
    if reasons or not problem.admissible(pledge, req):
        return reasons
    others = tuple(
        Use(requirement_id=rid, label=by_id[rid].name, quantity=q, weight=by_id[rid].weight)
        for rid, q in ledger.uses.get(pledge.id, ())
        if rid != req.id
    )
    if others:
        reasons.append(_about(USED_ELSEWHERE, req, pledge, used_by=others))
    if ledger.given.get(pledge.id, 0) < pledge.quantity:
        reasons.append(_about(SOLVER_STOPPED, req, pledge))
    return reasons


def _caveat_reasons(
    problem: Problem, req: Requirement, pledge: Pledge, *, requirement_side: bool
) -> list[Reason]:
    by_id = {c.id: c for c in problem.by_nation.get(pledge.nation, ())}
    return [
        _about(
            CAVEAT,
            req,
            pledge,
            caveat_id=found.caveat_id,
            caveat_text=by_id[found.caveat_id].name,
            rule=found.rule,
            detail=found.phrase,
        )
        for found in problem.exclusions(pledge, req)
        if not (requirement_side and found.rule in PLEDGE_SIDE_RULES)
    ]


def _about(
    kind: str,
    req: Requirement,
    pledge: Pledge,
    *,
    caveat_id: str | None = None,
    caveat_text: str = "",
    rule: str | None = None,
    detail: str = "",
    used_by: tuple[Use, ...] = (),
) -> Reason:
    return Reason(
        kind=kind,
        requirement_id=req.id,
        requirement_label=req.name,
        capability=pledge.capability,
        quantity=pledge.quantity,
        needed=req.quantity,
        nation=pledge.nation,
        pledge_id=pledge.id,
        caveat_id=caveat_id,
        caveat_text=caveat_text,
        rule=rule,
        detail=detail,
        used_by=used_by,
    )
