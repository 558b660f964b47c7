"""API of the ceasefire, with the same filters as the pages."""

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.ceasefire import mapdata, selectors, services
from marsad.ceasefire.schemas import (
    AgreementOut,
    FigureIn,
    FigureOut,
    IncidentIn,
    IncidentOut,
    SummaryOut,
    ViolationIn,
    ViolationOut,
)
from marsad.ceasefire.summary import summarize
from marsad.core.api import Page
from marsad.core.schemas import Error
from marsad.core.services.inputs import parse_date

router = Router(tags=["ceasefire"])
ERRORS = {403: Error, 404: Error, 422: Error}


class Filters(Schema):
    start: str | None = None
    end: str | None = None
    event_type: str = ""
    sub_event_type: str = ""
    pcode: str = ""
    actor: str = ""
    verification: str = ""
    source: str = ""
    offshore: bool | None = None


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _incidents(request: HttpRequest, filters: Filters) -> Any:
    parsed = selectors.IncidentFilters.parse(filters.dict())
    return selectors.incidents(_user(request), parsed)


@router.get("/agreements", response=list[AgreementOut], summary="Agreements and their phases")
def list_agreements(request: HttpRequest) -> Any:
    return selectors.agreements(_user(request))


@router.get("/incidents", response=list[IncidentOut], summary="Incidents, filtered")
@paginate(Page)
def list_incidents(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _incidents(request, filters)


@router.get("/incidents/{pk}", response={200: IncidentOut, 404: Error})
def get_incident(request: HttpRequest, pk: int) -> Any:
    return selectors.incident(_user(request), pk)


@router.post("/incidents", response={201: IncidentOut, **ERRORS}, summary="Record an incident")
def create_incident(request: HttpRequest, payload: IncidentIn) -> Any:
    return Status(201, services.record_incident(by=_user(request), **payload.dict()))


@router.get(
    "/map",
    response=dict[str, Any],
    url_name="map_data",
    summary="Incidents for the map: points, or H3 clusters when many",
)
def map_data(
    request: HttpRequest, filters: Query[Filters], zoom: float = 10, bbox: str = ""
) -> Any:
    qs = _incidents(request, filters)
    if bbox:
        qs = mapdata.bbox_filter(qs, bbox)
    return mapdata.features(qs, zoom=zoom)


@router.get("/figures", response=list[FigureOut], summary="Casualty figures, each as given")
@paginate(Page)
def list_figures(request: HttpRequest, incident: int | None = None, source: str = "") -> Any:
    qs = selectors.figures(_user(request))
    if incident is not None:
        qs = qs.filter(incident_id=incident)
    return qs.filter(source__key=source.upper()) if source else qs


@router.post("/figures", response={201: FigureOut, **ERRORS}, summary="Record a figure")
def create_figure(request: HttpRequest, payload: FigureIn) -> Any:
    data = payload.dict()
    incident = data.pop("incident")
    if incident is not None:
        incident = selectors.incident(_user(request), incident)
    return Status(201, services.record_figure(by=_user(request), incident=incident, **data))


@router.get("/violations", response=list[ViolationOut], summary="Alleged violations")
@paginate(Page)
def list_violations(request: HttpRequest, accused: str = "") -> Any:
    qs = selectors.violations(_user(request))
    return qs.filter(accused__key=accused.upper()) if accused else qs


@router.post("/violations", response={201: ViolationOut, **ERRORS})
def create_violation(request: HttpRequest, payload: ViolationIn) -> Any:
    user = _user(request)
    data = payload.dict()
    agreement = selectors.agreements(user).get(actor__key=data.pop("agreement").upper())
    phase = data.pop("phase")
    clause = data.pop("clause")
    return Status(
        201,
        services.record_violation(
            by=user,
            incident=selectors.incident(user, data.pop("incident")),
            agreement=agreement,
            phase=agreement.phases.get(number=phase) if phase is not None else None,
            clause=agreement.clauses.get(ref=clause) if clause else None,
            **data,
        ),
    )


@router.get(
    "/summary",
    response=SummaryOut,
    summary="Killed since the truce by source and definition, per phase; alerts",
)
def summary(request: HttpRequest, since: str | None = None, as_of: str | None = None) -> Any:
    found = summarize(
        _user(request), since=parse_date(since, "since"), until=parse_date(as_of, "as_of")
    )
    return {
        "effective": found.effective,
        "until": found.until,
        "killed_since_truce": [asdict(f) for f in found.figures],
        "injured_since_truce": [asdict(f) for f in found.injured],
        "per_phase": [
            {"phase": r["phase"].number, "name_en": r["phase"].name_en, "killed": r["killed"]}
            for r in found.per_phase
        ],
        "alerts": [asdict(a) for a in found.alerts],
        "warnings": [asdict(w) for w in found.warnings],
    }
