"""API of governance: legal instruments and actions on charters."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from marsad.core.api import Page
from marsad.core.schemas import Error
from marsad.governance import selectors, services
from marsad.governance.schemas import (
    CharterActionIn,
    CharterActionOut,
    InstrumentIn,
    InstrumentOut,
)

router = Router(tags=["governance"])
ERRORS = {403: Error, 404: Error, 422: Error}


@router.get(
    "/instruments", response=list[InstrumentOut], summary="Resolutions, agreements, charters"
)
@paginate(Page)
def list_instruments(request: HttpRequest) -> Any:
    return selectors.instruments(request.auth)  # type: ignore[attr-defined]


@router.post("/instruments", response={201: InstrumentOut, **ERRORS})
def create_instrument(request: HttpRequest, payload: InstrumentIn) -> Any:
    data = payload.dict()
    return Status(
        201,
        services.record_instrument(
            by=request.auth,
            actor_key=data.pop("actor"),
            **data,  # type: ignore[attr-defined]
        ),
    )


@router.get("/charter-actions", response=list[CharterActionOut], summary="Actions on charters")
@paginate(Page)
def list_charter_actions(request: HttpRequest, charter: str = "", actor: str = "") -> Any:
    found = selectors.charter_actions(request.auth)  # type: ignore[attr-defined]
    if charter:
        found = found.filter(charter__key=charter.upper())
    return found.filter(actor__key=actor.upper()) if actor else found


@router.post("/charter-actions", response={201: CharterActionOut, **ERRORS})
def create_charter_action(request: HttpRequest, payload: CharterActionIn) -> Any:
    data = payload.dict()
    return Status(
        201,
        services.record_charter_action(
            by=request.auth,
            actor_key=data.pop("actor"),
            **data,  # type: ignore[attr-defined]
        ),
    )
