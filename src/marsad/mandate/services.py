"""Writes of the mandate: tasks, limits, requirements, assignments (checked against caveats and
limits) and the force's own actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Sum

from marsad.coalition.models import Caveat, Pledge
from marsad.coalition.vocabulary import LEGAL_CONDITIONS, PledgeKind
from marsad.core.errors import InvalidInput
from marsad.core.evidence import claims_by_ids
from marsad.core.services.base import (
    clean_marking,
    lock_writes,
    require_writer,
    save,
    validate,
)
from marsad.core.services.inputs import actor, choice, parse_date, parse_quantity
from marsad.extraction.contract import MANDATE_TASKS
from marsad.forcegen import rules
from marsad.governance.models import LegalInstrument
from marsad.mandate import conversion
from marsad.mandate.models import (
    Assignment,
    AssignmentStatus,
    ForceAction,
    Limit,
    LimitKind,
    Requirement,
    Task,
)

FORCES = ("force", "body")


def _finish(
    record: Any, *, by: Any, marking: str, releasable_to: Iterable[str], claims: Iterable[Any]
) -> None:
    record.marking, record.releasable_to = clean_marking(marking, releasable_to)
    validate(record)
    save(record, by=by, m2m={"claims": claims_by_ids(claims)})


@transaction.atomic
def create_task(
    *,
    by: Any,
    force: Any,
    code: str,
    name_ar: str,
    name_en: str,
    description_ar: str = "",
    description_en: str = "",
    legal_basis: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Task:
    """Record one of the force's tasks, with its legal basis."""
    require_writer(by)
    basis = None
    if legal_basis:
        basis = LegalInstrument.objects.filter(actor__key=str(legal_basis).upper()).first()
        if basis is None:
            raise InvalidInput.one("legal_basis", legal_basis, "no legal instrument is recorded")
    force_actor = actor(force, "force", FORCES)
    code = choice(code, "code", MANDATE_TASKS)
    if Task.objects.filter(force=force_actor, code=code).exists():
        raise InvalidInput.one("code", code, "this force has this task already")
    task = Task(
        force=force_actor,
        code=code,
        name_ar=name_ar.strip(),
        name_en=name_en.strip(),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        legal_basis=basis,
    )
    _finish(task, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return task


@transaction.atomic
def create_limit(
    *,
    by: Any,
    force: Any,
    kind: str,
    text_ar: str,
    text_en: str,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Limit:
    """Record a limit of the mandate (no direct combat)."""
    require_writer(by)
    limit = Limit(
        force=actor(force, "force", FORCES),
        kind=choice(kind, "kind", LimitKind.values),
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    _finish(limit, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return limit


@transaction.atomic
def create_requirement(
    *,
    by: Any,
    task: Task,
    capability: str,
    quantity: Any,
    area: Any = None,
    combat: bool = False,
    weight: Any = 1.0,
    needed_from: Any = None,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Requirement:
    """Record what a task needs: a capability, a quantity, perhaps an area and a date."""
    require_writer(by)
    try:
        weight_value = float(weight)
    except (TypeError, ValueError):
        raise InvalidInput.one("weight", weight, "must be a number") from None
    if weight_value <= 0:
        raise InvalidInput.one("weight", weight, "must be greater than zero")
    quantity_value = parse_quantity(quantity, "quantity", required=True)
    if quantity_value == 0:
        raise InvalidInput.one("quantity", quantity, "must be at least 1")
    requirement = Requirement(
        task=task,
        capability=choice(capability, "capability", PledgeKind.values),
        quantity=quantity_value,
        area=actor(area, "area", ["place"]) if area else None,
        combat=bool(combat),
        weight=weight_value,
        needed_from=parse_date(needed_from, "needed_from"),
        note_ar=note_ar.strip(),
        note_en=note_en.strip(),
    )
    _finish(requirement, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return requirement


def assignment_refusal(
    pledge: Pledge, requirement: Requirement, *, status: str = "active"
) -> str | None:
    """Why `pledge` may not serve `requirement`: capability, mandate limit, caveat or legal
    condition; None when it may. Uses the force-generation core's own rules. Legal conditions
    (parliament, constitution, UN mandate) bind only active assignments: planning may run
    ahead of a parliament's vote, deployment may not."""
    if pledge.negative or pledge.status == "withdrawn":
        return f"pledge {pledge.pk} is {'a refusal' if pledge.negative else 'withdrawn'}"
    if pledge.kind != requirement.capability:
        return (
            f"pledge {pledge.pk} gives {pledge.kind}; requirement {requirement.pk} needs "
            f"{requirement.capability}"
        )
    if (
        requirement.combat
        and requirement.task.force.limits.filter(kind=LimitKind.NO_DIRECT_COMBAT).exists()
    ):
        return (
            f"requirement {requirement.pk} involves combat, outside the mandate (no direct combat)"
        )
    caveats = list(Caveat.objects.filter(nation=pledge.nation))
    unmet = pending_conditions(pledge, caveats)
    if unmet and status == AssignmentStatus.ACTIVE:
        names = ", ".join(f"'{c.get_kind_display()}'" for c in unmet)
        return f"{pledge.nation.key}'s legal conditions {names} are not met"
    wanted = conversion.requirement_input(requirement)
    # Not pledge_inputs, which leaves out a pledge of unknown size: its caveats still bind.
    offered = conversion.pledge_input(pledge)
    for caveat in conversion.caveat_inputs(caveats):
        excluded = rules.exclusion(caveat=caveat, pledge=offered, requirement=wanted)
        if excluded:
            return f"{pledge.nation.key}'s caveat '{caveat.name}' {excluded.phrase}"
    return None


def pending_conditions(pledge: Pledge, caveats: list[Caveat] | None = None) -> list[Caveat]:
    """The nation's legal conditions not known to be met (political support needs none)."""
    if pledge.kind == PledgeKind.POLITICAL:
        return []
    if caveats is None:
        caveats = list(Caveat.objects.filter(nation=pledge.nation))
    return [c for c in caveats if c.kind in LEGAL_CONDITIONS and c.met is not True]


@transaction.atomic
def assign(
    *,
    by: Any,
    pledge: Pledge,
    requirement: Requirement,
    quantity: Any,
    status: str = "planned",
    since: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Assignment:
    """Assign (part of) a pledge to a requirement, refused when it breaks a caveat, a legal
    condition or a mandate limit, or gives more than is pledged or needed."""
    require_writer(by)
    amount = parse_quantity(quantity, "quantity", required=True)
    if not amount:
        raise InvalidInput.one("quantity", quantity, "must be at least 1")
    status = choice(status, "status", AssignmentStatus.values)
    # Check the pledge, the requirement and what is assigned already as stored once no other
    # writer can change them: the objects handed in may be stale, and two writers would
    # otherwise both find room and both assign it.
    lock_writes()
    pledge = Pledge.objects.select_related("nation").get(pk=pledge.pk)
    requirement = Requirement.objects.select_related("task__force").get(pk=requirement.pk)
    why = assignment_refusal(pledge, requirement, status=status)
    if why:
        raise InvalidInput.one("pledge", pledge.pk, why)
    live = Assignment.objects.exclude(status=AssignmentStatus.ENDED)
    given = live.filter(pledge=pledge).aggregate(n=Sum("quantity"))["n"] or 0
    if pledge.quantity is not None and given + amount > pledge.quantity:
        raise InvalidInput.one(
            "quantity", amount, f"pledge {pledge.pk} has {pledge.quantity - given} left"
        )
    filled = live.filter(requirement=requirement).aggregate(n=Sum("quantity"))["n"] or 0
    if filled + amount > requirement.quantity:
        raise InvalidInput.one(
            "quantity",
            amount,
            f"requirement {requirement.pk} needs {requirement.quantity - filled} more",
        )
    assignment = Assignment(
        pledge=pledge,
        requirement=requirement,
        quantity=amount,
        status=status,
        since=parse_date(since, "since"),
    )
    _finish(assignment, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return assignment


@transaction.atomic
def record_force_action(
    *,
    by: Any,
    force: Any,
    on: Any,
    description_ar: str = "",
    description_en: str = "",
    task: Task | None = None,
    place: Any = None,
    combat: bool = False,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> ForceAction:
    """Log something the force did; it is recorded even when it breaches the mandate, since the
    log exists to show exactly that."""
    require_writer(by)
    force_actor = actor(force, "force", FORCES)
    if task is not None and task.force_id != force_actor.pk:
        raise InvalidInput.one(
            "task", task.pk, f"is a task of {task.force.key}, not {force_actor.key}"
        )
    day = parse_date(on, "on")
    if day is None:
        raise InvalidInput.one("on", on, "the date is required")
    if not (description_ar.strip() or description_en.strip()):
        raise InvalidInput.one("description_en", "", "describe the action in Arabic or English")
    action = ForceAction(
        force=force_actor,
        on=day,
        task=task,
        place=actor(place, "place", ["place"]) if place else None,
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        combat=bool(combat),
    )
    _finish(action, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return action
