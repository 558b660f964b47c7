"""API of the mandate: tasks, limits, requirements, assignments, the force's actions, and force
generation."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from marsad.coalition.selectors import pledges
from marsad.core.api import Page
from marsad.core.schemas import Error
from marsad.mandate import generation, selectors, services
from marsad.mandate.schemas import (
    ActionIn,
    ActionOut,
    AssignmentIn,
    AssignmentOut,
    GenerationOut,
    LimitIn,
    LimitOut,
    RequirementIn,
    RequirementOut,
    TaskIn,
    TaskOut,
    WhatIfOut,
)
from marsad.mandate.wording import blocking_words, describe, gain_words

router = Router(tags=["mandate"])
ERRORS = {403: Error, 404: Error, 422: Error}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _task(request: HttpRequest, force: str, code: str | None) -> Any:
    if not code:
        return None
    return selectors.tasks(_user(request)).get(force__key=force.upper(), code=code)


@router.get("/tasks", response=list[TaskOut], summary="The force's tasks")
def list_tasks(request: HttpRequest) -> Any:
    return selectors.tasks(_user(request))


@router.post("/tasks", response={201: TaskOut, **ERRORS})
def create_task(request: HttpRequest, payload: TaskIn) -> Any:
    return Status(201, services.create_task(by=_user(request), **payload.dict()))


@router.get("/limits", response=list[LimitOut], summary="The mandate's limits")
def list_limits(request: HttpRequest) -> Any:
    return selectors.limits(_user(request))


@router.post("/limits", response={201: LimitOut, **ERRORS})
def create_limit(request: HttpRequest, payload: LimitIn) -> Any:
    return Status(201, services.create_limit(by=_user(request), **payload.dict()))


@router.get("/requirements", response=list[RequirementOut], summary="What the tasks need")
@paginate(Page)
def list_requirements(request: HttpRequest) -> Any:
    return selectors.requirements(_user(request))


@router.post("/requirements", response={201: RequirementOut, **ERRORS})
def create_requirement(request: HttpRequest, payload: RequirementIn) -> Any:
    data = payload.dict()
    task = _task(request, data.pop("force"), data.pop("task"))
    return Status(201, services.create_requirement(by=_user(request), task=task, **data))


@router.get("/assignments", response=list[AssignmentOut], summary="Pledges assigned to needs")
@paginate(Page)
def list_assignments(request: HttpRequest) -> Any:
    return selectors.assignments(_user(request))


@router.post(
    "/assignments",
    response={201: AssignmentOut, **ERRORS},
    summary="Assign a pledge; refused when it breaks a caveat or a limit",
)
def create_assignment(request: HttpRequest, payload: AssignmentIn) -> Any:
    user = _user(request)
    data = payload.dict()
    pledge = pledges(user).get(pk=data.pop("pledge"))
    requirement = selectors.requirements(user).get(pk=data.pop("requirement"))
    return Status(201, services.assign(by=user, pledge=pledge, requirement=requirement, **data))


@router.get("/actions", response=list[ActionOut], summary="The force's own actions")
@paginate(Page)
def list_actions(request: HttpRequest) -> Any:
    return selectors.actions(_user(request))


@router.post("/actions", response={201: ActionOut, **ERRORS})
def create_action(request: HttpRequest, payload: ActionIn) -> Any:
    data = payload.dict()
    task = _task(request, data["force"], data.pop("task"))
    return Status(201, services.record_force_action(by=_user(request), task=task, **data))


@router.get(
    "/force-generation", response=GenerationOut, summary="Solve the allocation and explain the gaps"
)
def force_generation(request: HttpRequest, conditional: bool = False) -> Any:
    """Assigns the pledges you may see to the requirements you may see, maximising weighted
    coverage without breaking any caveat or limit; each gap comes with its causes."""
    result = generation.run(_user(request), count_unmet_conditions=conditional)
    allocation = result.allocation
    return {
        "status": allocation.status,
        "coverage_percent": round(result.coverage_percent, 2),
        "objective": allocation.objective,
        "total_weight": allocation.total_weight,
        "assignments": [
            {
                "pledge": result.pledges[a.pledge_id].pk,
                "requirement": result.requirements[a.requirement_id].pk,
                "nation": a.nation,
                "quantity": a.quantity,
                "conditional": a.conditional,
            }
            for a in allocation.assignments
        ],
        "unmet": [
            {
                "requirement": result.requirements[u.requirement_id].pk,
                "missing": u.missing,
                "reasons": [
                    {"kind": r.kind, "nation": r.nation, "text": describe(result, r)}
                    for r in u.reasons
                ],
            }
            for u in allocation.unmet
        ],
        "unused": [
            {"pledge": result.pledges[u.pledge_id].pk, "quantity": u.quantity, "why": u.why}
            for u in allocation.unused
        ],
    }


@router.get(
    "/force-generation/what-if",
    response=WhatIfOut,
    summary="For each unmet legal condition, what meeting it would add; what blocks each gap",
)
def force_generation_what_if(request: HttpRequest) -> Any:
    """Solves again as if each unmet legal condition of the pledges you may see were met alone:
    the units and points of weighted coverage the force would gain. Each gap lists the unmet
    conditions and the caveats standing in its way."""
    found = generation.decision_support(_user(request))
    result = found.generation
    return {
        "coverage_percent": round(result.coverage_percent, 2),
        "conditions": [
            {
                "nation": gain.nation,
                "condition": gain.condition,
                "pledges": [result.pledges[i].pk for i in gain.pledge_ids],
                "units": dict(gain.units),
                "points": round(gain.points, 2),
                "text": gain_words(result, gain, conditions),
            }
            for gain, conditions in found.gains
        ],
        "gaps": [
            {
                "requirement": result.requirements[b.requirement_id].pk,
                "missing": b.missing,
                "conditions": [{"nation": n, "condition": c} for n, c in b.conditions],
                "caveats": [result.caveats[i].pk for i, _t in b.caveats if i in result.caveats],
                "blocked_by": blocking_words(found, b),
            }
            for b in found.blockers
        ],
    }
