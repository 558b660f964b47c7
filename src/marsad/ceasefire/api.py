"""API of the ceasefire, with the same filters as the pages."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.ceasefire import breakdowns, mapdata, selectors, services
from marsad.ceasefire.schemas import (
    AgreementOut,
    BreakdownOut,
    DailySeriesOut,
    DeterminationIn,
    FigureIn,
    FigureOut,
    IncidentIn,
    IncidentOut,
    SummaryOut,
    VerificationIn,
    ViolationIn,
    ViolationOut,
)
from marsad.ceasefire.summary import as_dict, summarize
from marsad.ceasefire.tolls import with_tolls
from marsad.core.api import Page
from marsad.core.moments import Moments
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


class FigureFilters(Schema):
    source: str = ""
    start: str | None = None
    end: str | None = None
    area: str = ""
    incident: int | None = None


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _incidents(request: HttpRequest, filters: Filters) -> Any:
    parsed = selectors.IncidentFilters.parse(filters.dict())
    return with_tolls(_user(request), selectors.incidents(_user(request), parsed))


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


@router.post(
    "/incidents/{pk}/verification",
    response={200: IncidentOut, **ERRORS},
    summary="Change an incident's verification, with the reason (analysts and administrators)",
)
def change_verification(request: HttpRequest, pk: int, payload: VerificationIn) -> Any:
    user = _user(request)
    return services.set_verification(
        by=user, incident=selectors.incident(user, pk), **payload.dict()
    )


@router.get(
    "/map",
    response=dict[str, Any],
    url_name="map_data",
    summary="Incidents for the map: points, or H3 clusters when many",
)
def map_data(
    request: HttpRequest, filters: Query[Filters], zoom: float = 10, bbox: str = ""
) -> Any:
    parsed = selectors.IncidentFilters.parse(filters.dict())
    if not bbox and (counted := mapdata.counted_clusters(_user(request), parsed, zoom)):
        return counted
    qs = selectors.incidents(_user(request), parsed)
    if bbox:
        qs = mapdata.bbox_filter(qs, bbox)
    return mapdata.features(qs, zoom=zoom)


@router.get("/figures", response=list[FigureOut], summary="Casualty figures, each as given")
@paginate(Page)
def list_figures(request: HttpRequest, filters: Query[FigureFilters]) -> Any:
    """The same filters as the figures' page and exports."""
    parsed = selectors.FigureFilters.parse(filters.dict())
    return selectors.figures(_user(request), parsed)


@router.post("/figures", response={201: FigureOut, **ERRORS}, summary="Record a figure")
def create_figure(request: HttpRequest, payload: FigureIn) -> Any:
    data = payload.dict()
    incident = data.pop("incident")
    if incident is not None:
        incident = selectors.incident(_user(request), incident)
    return Status(201, services.record_figure(by=_user(request), incident=incident, **data))


@router.get("/violations", response=list[ViolationOut], summary="Alleged violations")
@paginate(Page)
def list_violations(request: HttpRequest, accused: str = "", known_on: str | None = None) -> Any:
    """With `known_on` (a date, or an ISO date-time), the violations as Marsad held them then,
    with the incident, actors and supporting claims they named then."""
    when = Moments.parse({"known_on": known_on}).known_on
    if when is not None:
        return selectors.violations_shown(_user(request), when, accused=accused)
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


@router.post(
    "/violations/{pk}/determination",
    response={200: ViolationOut, **ERRORS},
    summary="Change a violation's determination, with the reason (analysts and administrators)",
)
def change_determination(request: HttpRequest, pk: int, payload: DeterminationIn) -> Any:
    user = _user(request)
    return services.set_determination(
        by=user, violation=selectors.violations(user).get(pk=pk), **payload.dict()
    )


def _breakdown(request: HttpRequest, group: str, filters: Filters) -> dict[str, Any]:
    parsed = selectors.IncidentFilters.parse(filters.dict())
    return {
        "group": group,
        "definitions": breakdowns.DEFINITIONS,
        "rows": breakdowns.breakdown(_user(request), group, parsed),
    }


@router.get(
    "/analytics/by-governorate",
    response={200: BreakdownOut, 422: Error},
    summary="Incidents, coded fatalities and each source's killed and injured, by governorate",
)
def by_governorate(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _breakdown(request, "governorate", filters)


@router.get(
    "/analytics/by-event-type",
    response={200: BreakdownOut, 422: Error},
    summary="Incidents, coded fatalities and each source's killed and injured, by event type",
)
def by_event_type(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _breakdown(request, "event_type", filters)


@router.get(
    "/analytics/by-actor",
    response={200: BreakdownOut, 422: Error},
    summary="Incidents, coded fatalities and each source's killed and injured, by actor 1",
)
def by_actor(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _breakdown(request, "actor", filters)


@router.get(
    "/analytics/per-day",
    response={200: BreakdownOut, 422: Error},
    summary="Incidents, coded fatalities and each source's killed and injured, per day",
)
def per_day(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _breakdown(request, "day", filters)


@router.get(
    "/analytics/per-week",
    response={200: BreakdownOut, 422: Error},
    summary="Incidents, coded fatalities and each source's killed and injured, per week",
)
def per_week(request: HttpRequest, filters: Query[Filters]) -> Any:
    return _breakdown(request, "week", filters)


@router.get(
    "/analytics/daily-series",
    response={200: DailySeriesOut, 422: Error},
    summary="A source's daily casualty series since the truce, with what each definition counts",
)
def daily_series(
    request: HttpRequest,
    source: str = selectors.MAIN_SERIES_SOURCE,
    definition: str = "new_deaths",
    since: str | None = None,
    until: str | None = None,
) -> Any:
    return breakdowns.daily_series(
        _user(request),
        source=source,
        definition=definition,
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
    )


@router.get(
    "/summary",
    response=SummaryOut,
    summary="Killed since the truce by source and definition, per phase; alerts",
)
def summary(
    request: HttpRequest,
    since: str | None = None,
    as_of: str | None = None,
    known_on: str | None = None,
) -> Any:
    """`as_of`: count up to that day; `known_on` (a date, or an ISO date-time): count the
    incidents, reports and figures as Marsad held them then."""
    moments = Moments.parse({"as_of": as_of, "known_on": known_on})
    found = summarize(
        _user(request),
        since=parse_date(since, "since"),
        until=moments.as_of,
        known_on=moments.known_on,
    )
    return as_dict(found)
