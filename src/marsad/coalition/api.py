"""API of the coalition: invitations and their timeline, memberships, pledges, caveats."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from marsad.coalition import selectors, services
from marsad.coalition.schemas import (
    CaveatIn,
    CaveatOut,
    ConditionIn,
    InvitationIn,
    InvitationOut,
    MembershipIn,
    MembershipOut,
    PledgeIn,
    PledgeOut,
    PledgeStatusIn,
    StandingOut,
    StatusIn,
    StatusOut,
)
from marsad.core.api import Page
from marsad.core.schemas import Error
from marsad.core.services.inputs import parse_date

router = Router(tags=["coalition"])
ERRORS = {403: Error, 404: Error, 422: Error}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


@router.get("/standings", response=list[StandingOut], summary="Where each state stands")
def standings(request: HttpRequest, as_of: str | None = None, force: str = "ISF") -> Any:
    """Members, invitees and pledging states of the force as they stood on `as_of` (today)."""
    day = parse_date(as_of, "as_of")
    return [
        {
            "actor": s.actor.key,
            "name_ar": s.actor.name_ar,
            "name_en": s.actor.name_en,
            "category": s.category,
            "membership": s.membership.role if s.membership else None,
            "invitations": [
                {"id": invitation.pk, "state": step.state if step else None}
                for invitation, step in s.invitations
            ],
            "pledges": s.pledges,
        }
        for s in selectors.standings(_user(request), day=day, force=force.upper())
    ]


@router.get("/invitations", response=list[InvitationOut], summary="Invitations")
@paginate(Page)
def list_invitations(request: HttpRequest, invitee: str = "") -> Any:
    found = selectors.invitations(_user(request))
    return found.filter(invitee__key=invitee.upper()) if invitee else found


@router.get("/invitations/{pk}", response={200: InvitationOut, 404: Error})
def get_invitation(request: HttpRequest, pk: int) -> Any:
    return selectors.invitations(_user(request)).get(pk=pk)


@router.post(
    "/invitations", response={201: InvitationOut, **ERRORS}, summary="Record an invitation"
)
def create_invitation(request: HttpRequest, payload: InvitationIn) -> Any:
    return Status(201, services.create_invitation(by=_user(request), **payload.dict()))


@router.post(
    "/invitations/{pk}/statuses",
    response={201: StatusOut, **ERRORS},
    summary="Add a step to an invitation's timeline",
)
def add_status(request: HttpRequest, pk: int, payload: StatusIn) -> Any:
    invitation = selectors.invitations(_user(request)).get(pk=pk)
    return Status(
        201, services.record_status(by=_user(request), invitation=invitation, **payload.dict())
    )


@router.get("/memberships", response=list[MembershipOut], summary="Memberships")
@paginate(Page)
def list_memberships(request: HttpRequest) -> Any:
    return selectors.memberships(_user(request))


@router.post("/memberships", response={201: MembershipOut, **ERRORS})
def create_membership(request: HttpRequest, payload: MembershipIn) -> Any:
    return Status(201, services.record_membership(by=_user(request), **payload.dict()))


@router.get("/pledges", response=list[PledgeOut], summary="Pledges")
@paginate(Page)
def list_pledges(
    request: HttpRequest,
    nation: str = "",
    body: str = "",
    kind: str = "",
    status: str = "",
    negative: bool | None = None,
) -> Any:
    """The same filters as the pledges' page and exports."""
    filters = selectors.PledgeFilters.parse(
        {"nation": nation, "body": body, "kind": kind, "status": status, "negative": negative}
    )
    return selectors.pledges(_user(request), filters)


@router.post("/pledges", response={201: PledgeOut, **ERRORS}, summary="Record a pledge")
def create_pledge(request: HttpRequest, payload: PledgeIn) -> Any:
    return Status(201, services.record_pledge(by=_user(request), **payload.dict()))


@router.post(
    "/pledges/{pk}/status",
    response={201: PledgeOut, **ERRORS},
    summary="Confirm, deliver or withdraw a pledge",
)
def pledge_status(request: HttpRequest, pk: int, payload: PledgeStatusIn) -> Any:
    pledge = selectors.pledges(_user(request)).get(pk=pk)
    return Status(
        201, services.set_pledge_status(by=_user(request), pledge=pledge, **payload.dict())
    )


@router.get("/caveats", response=list[CaveatOut], summary="Caveats and legal conditions")
@paginate(Page)
def list_caveats(request: HttpRequest, nation: str = "") -> Any:
    found = selectors.caveats(_user(request))
    return found.filter(nation__key=nation.upper()) if nation else found


@router.post("/caveats", response={201: CaveatOut, **ERRORS}, summary="Record a caveat")
def create_caveat(request: HttpRequest, payload: CaveatIn) -> Any:
    return Status(201, services.record_caveat(by=_user(request), **payload.dict()))


@router.post(
    "/caveats/{pk}/met",
    response={201: CaveatOut, **ERRORS},
    summary="Record whether a legal condition is met",
)
def condition_met(request: HttpRequest, pk: int, payload: ConditionIn) -> Any:
    caveat = selectors.caveats(_user(request)).get(pk=pk)
    return Status(
        201, services.set_condition_met(by=_user(request), caveat=caveat, **payload.dict())
    )
