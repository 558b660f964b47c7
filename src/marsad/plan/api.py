"""API of the plan: provisions with scores and blockers, score changes, preconditions, and the
sequencing analysis."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from marsad.core.errors import InvalidInput
from marsad.core.schemas import Error
from marsad.plan import selectors, services
from marsad.plan.schemas import (
    DependencyIn,
    PreconditionIn,
    PreconditionOut,
    ProvisionOut,
    ScoreIn,
    ScoreOut,
)
from marsad.plan.sequencing import analyse_plan, node_id
from marsad.plangraph import analysis_to_dict

router = Router(tags=["plan"])
ERRORS = {403: Error, 404: Error, 422: Error}


def _plan(request: HttpRequest) -> Any:
    plan = selectors.main_plan(request.auth)  # type: ignore[attr-defined]
    if plan is None:
        raise InvalidInput.one("plan", selectors.MAIN_PLAN, "no plan is visible to you")
    return plan


def _provision(request: HttpRequest, number: int) -> Any:
    return selectors.provisions(request.auth, _plan(request)).get(number=number)  # type: ignore[attr-defined]


@router.get(
    "/provisions",
    response=list[ProvisionOut],
    summary="The points with their score, blockers and deadlocks",
)
def list_provisions(
    request: HttpRequest,
    as_of: str | None = None,
    category: str = "",
    score: str = "",
    known_on: str | None = None,
) -> Any:
    """The same filters as the tracker's page and exports; `known_on` (a date, or an ISO
    date-time): the points and their scores as Marsad held them then."""
    user = request.auth  # type: ignore[attr-defined]
    plan = _plan(request)
    filters = selectors.PointFilters.parse(
        {"as_of": as_of, "category": category, "score": score, "known_on": known_on}
    )
    sequencing = analyse_plan(user, plan, as_of=filters.as_of, known_on=filters.known_on)
    found = []
    for provision in selectors.points(user, filters):
        blockers = sequencing.analysis.blocked.get(node_id(provision), ())
        provision.blocked_by = sorted(sequencing.provisions[b.provision].number for b in blockers)
        provision.in_deadlock = any(b.in_deadlock for b in blockers)
        found.append(provision)
    return found


@router.post(
    "/provisions/{number}/scores",
    response={201: ScoreOut, **ERRORS},
    summary="Record a score (0-3) from a date",
)
def add_score(request: HttpRequest, number: int, payload: ScoreIn) -> Any:
    return Status(
        201,
        services.record_score(
            by=request.auth,
            provision=_provision(request, number),
            **payload.dict(),  # type: ignore[attr-defined]
        ),
    )


@router.post(
    "/provisions/{number}/dependencies",
    response={201: ProvisionOut, **ERRORS},
    summary="Make a point depend on another",
)
def add_dependency(request: HttpRequest, number: int, payload: DependencyIn) -> Any:
    return Status(
        201,
        services.add_dependency(
            by=request.auth,
            provision=_provision(request, number),
            on=payload.on,  # type: ignore[attr-defined]
        ),
    )


@router.get("/preconditions", response=list[PreconditionOut], summary="Parties' preconditions")
def list_preconditions(request: HttpRequest) -> Any:
    return selectors.preconditions(request.auth, _plan(request))  # type: ignore[attr-defined]


@router.post(
    "/preconditions",
    response={201: PreconditionOut, **ERRORS},
    summary="Record a party's 'X only after Y', citing its statement",
)
def add_precondition(request: HttpRequest, payload: PreconditionIn) -> Any:
    plan = _plan(request)
    data = payload.dict()
    provision = services.provision_by_number(request.auth, plan, data.pop("provision"), "provision")
    after = services.provision_by_number(request.auth, plan, data.pop("after"), "after")
    return Status(
        201,
        services.record_precondition(
            by=request.auth,
            provision=provision,
            after=after,
            **data,  # type: ignore[attr-defined]
        ),
    )


@router.get(
    "/sequencing",
    response=dict[str, Any],
    summary="Order, blocked points, deadlocks and the smallest relaxation",
)
def sequencing(request: HttpRequest) -> Any:
    return analysis_to_dict(analyse_plan(request.auth, _plan(request)).analysis)  # type: ignore[attr-defined]
