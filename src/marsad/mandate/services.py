"""Writes of the mandate: tasks, limits, requirements, assignments (checked against caveats and
limits) and the force's own actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.coalition.models import Caveat, Pledge
from marsad.coalition.vocabulary import LEGAL_CONDITIONS, PledgeKind
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import SystemUser, Writer, lock_writes, require_writer
from marsad.core.services.inputs import choice, parse_date, parse_quantity
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
# Reads every record: what the stored record forbids, whoever writes.
SYSTEM = SystemUser("system:mandate")


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
    sanitized: str | None = None,
) -> Task:
    """Record one of the force's tasks, with its legal basis."""
    require_writer(by)
    basis = None
    if legal_basis:
        basis = lookups.by_key(
            by,
            LegalInstrument,
            legal_basis,
            "legal_basis",
            "legal instrument",
            key_field="actor__key",
        )
    force_actor = lookups.actor(by, force, "force", FORCES)
    code = choice(code, "code", MANDATE_TASKS)
    gate.check_unique(
        by,
        Task.objects.filter(force=force_actor, code=code),
        "code",
        code,
        "this force has this task already",
    )
    task = Task(
        force=force_actor,
        code=code,
        name_ar=name_ar.strip(),
        name_en=name_en.strip(),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        legal_basis=basis,
    )
    gate.store(
        task,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
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
    sanitized: str | None = None,
) -> Limit:
    """Record a limit of the mandate (no direct combat)."""
    require_writer(by)
    limit = Limit(
        force=lookups.actor(by, force, "force", FORCES),
        kind=choice(kind, "kind", LimitKind.values),
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    gate.store(
        limit,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
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
    sanitized: str | None = None,
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
        area=lookups.actor(by, area, "area", ["place"]) if area else None,
        combat=bool(combat),
        weight=weight_value,
        needed_from=parse_date(needed_from, "needed_from"),
        note_ar=note_ar.strip(),
        note_en=note_en.strip(),
    )
    gate.store(
        requirement,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return requirement


def assignment_refusal(
    user: Writer, pledge: Pledge, requirement: Requirement, *, status: str = "active"
) -> tuple[str, Any] | None:
    """Why `pledge` may not serve `requirement` as far as `user` may read (capability, mandate
    limit, caveat or legal condition), with the record that says so; None when it may. Uses the
    force-generation core's own rules. Legal conditions (parliament, constitution, UN mandate)
    bind only active assignments: planning may run ahead of a parliament's vote, deployment may
    not."""
    if pledge.negative or pledge.status == "withdrawn":
        return f"pledge {pledge.pk} is {'a refusal' if pledge.negative else 'withdrawn'}", pledge
    if pledge.kind != requirement.capability:
        return (
            f"pledge {pledge.pk} gives {pledge.kind}; requirement {requirement.pk} needs "
            f"{requirement.capability}"
        ), pledge
    if requirement.combat:
        limit = (
            Limit.objects.visible_to(user)
            .filter(force=requirement.task.force, kind=LimitKind.NO_DIRECT_COMBAT)
            .first()
        )
        if limit is not None:
            why = f"requirement {requirement.pk} involves combat, outside the mandate"
            return f"{why} (no direct combat)", limit
    caveats = list(Caveat.objects.visible_to(user).filter(nation=pledge.nation))
    unmet = pending_conditions(pledge, caveats)
    if unmet and status == AssignmentStatus.ACTIVE:
        names = ", ".join(f"'{c.get_kind_display()}'" for c in unmet)
        return f"{pledge.nation.key}'s legal conditions {names} are not met", unmet[0]
    wanted = conversion.requirement_input(requirement)
    # Not pledge_inputs, which leaves out a pledge of unknown size: its caveats still bind.
    offered = conversion.pledge_input(pledge)
    for stored in caveats:
        for caveat in conversion.caveat_inputs([stored]):
            excluded = rules.exclusion(caveat=caveat, pledge=offered, requirement=wanted)
            if excluded:
                return f"{pledge.nation.key}'s caveat '{caveat.name}' {excluded.phrase}", stored
    return None


def pending_conditions(pledge: Pledge, caveats: list[Caveat]) -> list[Caveat]:
    """The nation's legal conditions among `caveats` not known to be met (political support
    needs none)."""
    if pledge.kind == PledgeKind.POLITICAL:
        return []
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
    sanitized: str | None = None,
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
    assignment = Assignment(
        pledge=pledge,
        requirement=requirement,
        quantity=amount,
        status=status,
        since=parse_date(since, "since"),
    )
    # Checked first against what the writer may read (a refusal names only that); then against
    # every record, and what only hidden records forbid is queued for an analyst instead.
    problem = _assignment_problem(by, assignment)
    if problem:
        field, why, _record = problem
        raise InvalidInput.one(field, amount if field == "quantity" else pledge.pk, why)
    hidden = _assignment_problem(SYSTEM, assignment)
    gate.store(
        assignment,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    if hidden:
        field, why, record = hidden
        gate.queue_conflict(by=by, record=assignment, other=record, field=field, reason=why)
    return assignment


def _assignment_problem(user: Writer, assignment: Assignment) -> tuple[str, str, Any] | None:
    """(field, why, the record that says so) when `assignment` breaks a rule as far as `user`
    may read: a caveat, a condition, a limit, or more than is pledged or needed."""
    pledge, requirement, amount = assignment.pledge, assignment.requirement, assignment.quantity
    refusal = assignment_refusal(user, pledge, requirement, status=assignment.status)
    if refusal:
        return "pledge", *refusal
    live = Assignment.objects.visible_to(user).exclude(status=AssignmentStatus.ENDED).order_by("id")
    given = list(live.filter(pledge=pledge))
    used = sum(a.quantity for a in given)
    if pledge.quantity is not None and used + amount > pledge.quantity:
        return (
            "quantity",
            f"pledge {pledge.pk} has {pledge.quantity - used} left",
            (given or [pledge])[-1],
        )
    filled = list(live.filter(requirement=requirement))
    done = sum(a.quantity for a in filled)
    if done + amount > requirement.quantity:
        why = f"requirement {requirement.pk} needs {requirement.quantity - done} more"
        return "quantity", why, filled[-1] if filled else requirement
    return None


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
    sanitized: str | None = None,
) -> ForceAction:
    """Log something the force did; it is recorded even when it breaches the mandate, since the
    log exists to show exactly that."""
    require_writer(by)
    force_actor = lookups.actor(by, force, "force", FORCES)
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
        place=lookups.actor(by, place, "place", ["place"]) if place else None,
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        combat=bool(combat),
    )
    gate.store(
        action,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return action
