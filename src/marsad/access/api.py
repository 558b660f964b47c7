"""API of humanitarian access, with the same selectors and filters as the pages."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.access import proximity, selectors, services
from marsad.access.schemas import (
    AccessIncidentIn,
    AccessIncidentOut,
    ComparisonOut,
    ConsignmentIn,
    ConsignmentOut,
    ConsignmentStatusIn,
    CorridorIn,
    CorridorOut,
    CrossingIn,
    CrossingOut,
    CrossingStatusIn,
    CrossingStatusOut,
    FiguresOut,
    NearbyOut,
    OpenShareOut,
    ProtectionIn,
    StatusOnOut,
)
from marsad.core.api import Page
from marsad.core.errors import InvalidInput
from marsad.core.moments import Moments, moment
from marsad.core.schemas import Error
from marsad.core.services.inputs import parse_date
from marsad.mandate import selectors as mandate

router = Router(tags=["access"])
ERRORS = {403: Error, 404: Error, 422: Error}


class Filters(Schema):
    start: str | None = None
    end: str | None = None
    crossing: str = ""
    corridor: str = ""
    category: str = ""
    status: str = ""
    donor: str = ""
    source: str = ""


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _filters(filters: Filters) -> selectors.ConsignmentFilters:
    return selectors.ConsignmentFilters.parse(filters.dict())


@router.get("/crossings", response=list[CrossingOut], summary="Crossings with their names")
def list_crossings(request: HttpRequest) -> Any:
    return selectors.crossings(_user(request))


@router.post("/crossings", response={201: CrossingOut, **ERRORS}, summary="Record a crossing")
def create_crossing(request: HttpRequest, payload: CrossingIn) -> Any:
    return Status(201, services.create_crossing(by=_user(request), **payload.dict()))


@router.get("/crossings/{key}", response={200: CrossingOut, 404: Error})
def get_crossing(request: HttpRequest, key: str) -> Any:
    return selectors.crossing(_user(request), key)


@router.get(
    "/crossings/{key}/statuses",
    response={200: list[CrossingStatusOut], 404: Error},
    summary="A crossing's status timeline, expected steps included",
)
def crossing_timeline(request: HttpRequest, key: str, known_on: str | None = None) -> Any:
    """With `known_on` (a date, or an ISO date-time), the steps as Marsad held them then."""
    user = _user(request)
    when = moment(known_on)
    return selectors.timeline(user, crossing=selectors.crossing(user, key), known_on=when)


@router.get("/corridors", response=list[CorridorOut], summary="Corridors with their routes")
def list_corridors(request: HttpRequest) -> Any:
    return selectors.corridors(_user(request))


@router.post("/corridors", response={201: CorridorOut, **ERRORS}, summary="Record a corridor")
def create_corridor(request: HttpRequest, payload: CorridorIn) -> Any:
    return Status(201, services.create_corridor(by=_user(request), **payload.dict()))


@router.get("/corridors/{key}", response={200: CorridorOut, 404: Error})
def get_corridor(request: HttpRequest, key: str) -> Any:
    return selectors.corridor(_user(request), key)


@router.get("/corridors/{key}/statuses", response={200: list[CrossingStatusOut], 404: Error})
def corridor_timeline(request: HttpRequest, key: str, known_on: str | None = None) -> Any:
    """With `known_on` (a date, or an ISO date-time), the steps as Marsad held them then."""
    user = _user(request)
    when = moment(known_on)
    return selectors.timeline(user, corridor=selectors.corridor(user, key), known_on=when)


def _nearby(request: HttpRequest, geometry: Any, key: str, **params: Any) -> dict[str, Any]:
    found = proximity.incidents_near(
        _user(request),
        geometry,
        metres=proximity.parse_metres(params["distance"]),
        start=parse_date(params["start"], "start"),
        end=parse_date(params["end"], "end"),
    )
    return {
        "corridor": key,
        "metres": found.metres,
        "start": found.start,
        "end": found.end,
        "risk": found.risk,
        "incidents": found.incidents,
    }


@router.get(
    "/corridors/{key}/incidents",
    response={200: NearbyOut, 404: Error, 422: Error},
    summary="Ceasefire incidents within a distance of a corridor, and its risk",
)
def corridor_incidents(
    request: HttpRequest,
    key: str,
    distance: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Any:
    corridor = selectors.corridor(_user(request), key)
    return _nearby(request, corridor.route, corridor.key, distance=distance, start=start, end=end)


@router.get(
    "/crossings/{key}/incidents",
    response={200: NearbyOut, 404: Error, 422: Error},
    summary="Ceasefire incidents within a distance of a crossing",
)
def crossing_incidents(
    request: HttpRequest,
    key: str,
    distance: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Any:
    crossing = selectors.crossing(_user(request), key)
    if not crossing.located:
        raise InvalidInput.one("crossing", crossing.key, "has no recorded coordinate")
    return _nearby(
        request, crossing.geometry, crossing.key, distance=distance, start=start, end=end
    )


@router.get(
    "/status",
    response={200: StatusOnOut, 422: Error},
    summary="The status of every crossing and corridor on a date (default today)",
)
def status_on(
    request: HttpRequest,
    as_of: str | None = None,
    known_on: str | None = None,
    date: str | None = None,
) -> Any:
    """`as_of` (`date` is its older name): the day; `known_on` (a date, or an ISO date-time):
    the steps as Marsad held them then."""
    moments = Moments.parse({"as_of": as_of, "known_on": known_on})
    day = moments.as_of or parse_date(date, "date") or timezone.localdate()
    return {
        "on": day,
        "known_on": moments.known_on,
        "statuses": selectors.status_on(_user(request), day, moments.known_on),
    }


@router.get(
    "/status/open-share",
    response={200: list[OpenShareOut], 422: Error},
    summary="Days by status and the share of days open, per crossing and corridor",
)
def open_share(
    request: HttpRequest, start: str, end: str | None = None, known_on: str | None = None
) -> Any:
    first = parse_date(start, "start")
    last = parse_date(end, "end") or timezone.localdate()
    if first is None or last < first:
        raise InvalidInput.one("start", start, "give a start on or before the end")
    shares = selectors.open_shares(_user(request), first, last, moment(known_on))
    return [
        {
            "key": key,
            "start": s.start,
            "end": s.end,
            "days": s.days,
            "by_state": s.by_state,
            "share_open": s.share_open,
            "share_open_or_restricted": s.share_open_or_restricted,
        }
        for key, s in shares.items()
    ]


@router.post(
    "/statuses", response={201: CrossingStatusOut, **ERRORS}, summary="Record a status step"
)
def create_status(request: HttpRequest, payload: CrossingStatusIn) -> Any:
    return Status(201, services.record_status(by=_user(request), **payload.dict()))


@router.get("/consignments", response=list[ConsignmentOut], summary="Consignments, filtered")
@paginate(Page)
def list_consignments(request: HttpRequest, filters: Query[Filters]) -> Any:
    return selectors.consignments(_user(request), _filters(filters)).order_by("-day", "id")


@router.get("/consignments/{key}", response={200: ConsignmentOut, 404: Error})
def get_consignment(request: HttpRequest, key: str) -> Any:
    return selectors.consignments(_user(request)).get(key=key)


@router.post("/consignments", response={201: ConsignmentOut, **ERRORS})
def create_consignment(request: HttpRequest, payload: ConsignmentIn) -> Any:
    return Status(201, services.record_consignment(by=_user(request), **payload.dict()))


@router.post("/consignments/{key}/status", response={200: ConsignmentOut, **ERRORS})
def move_consignment(request: HttpRequest, key: str, payload: ConsignmentStatusIn) -> Any:
    user = _user(request)
    consignment = selectors.consignments(user).get(key=key)
    return services.set_consignment_status(
        by=user, consignment=consignment, status=payload.status, claims=payload.claims
    )


@router.get(
    "/figures",
    response={200: FiguresOut, 422: Error},
    summary="Trucks per day per crossing and tonnage by category, with the list's filters",
)
def figures(request: HttpRequest, filters: Query[Filters]) -> Any:
    parsed = _filters(filters)
    user = _user(request)
    return {
        "start": parsed.start,
        "end": parsed.end,
        "trucks_per_day": selectors.trucks_per_day(user, parsed),
        "tonnage_by_category": selectors.tonnage_by_category(user, parsed),
    }


@router.get(
    "/compare",
    response={200: ComparisonOut, 422: Error},
    summary="UNRWA's trucks and COGAT's consignments for the same days, with the difference",
)
def compare(request: HttpRequest, filters: Query[Filters]) -> Any:
    found = selectors.compare_lists(_user(request), _filters(filters))
    return {
        "first": found.first,
        "second": found.second,
        "days_compared": len(found.days),
        "total_first": found.total_first,
        "total_second": found.total_second,
        "difference": found.difference,
        "relative": found.relative,
        "days_second_higher": found.days_second_higher,
        "days_first_higher": found.days_first_higher,
        "only_first": found.only_first,
        "only_second": found.only_second,
        "statement": found.statement(),
        "days": [
            {"day": d.day, "first": d.first, "second": d.second, "difference": d.difference}
            for d in found.days
        ],
    }


@router.get("/incidents", response=list[AccessIncidentOut], summary="Access incidents")
@paginate(Page)
def list_access_incidents(
    request: HttpRequest, category: str = "", crossing: str = "", corridor: str = ""
) -> Any:
    qs = selectors.access_incidents(_user(request), category)
    if crossing:
        qs = qs.filter(crossing__key=crossing.upper())
    if corridor:
        qs = qs.filter(corridor__key=corridor.upper())
    return qs


@router.post("/incidents", response={201: AccessIncidentOut, **ERRORS})
def create_access_incident(request: HttpRequest, payload: AccessIncidentIn) -> Any:
    data = payload.dict()
    data["actor_key"] = data.pop("actor")
    return Status(201, services.record_access_incident(by=_user(request), **data))


@router.post(
    "/corridors/{key}/protections",
    response={201: CorridorOut, **ERRORS},
    summary="Record that a task of the force protects the corridor",
)
def protect(request: HttpRequest, key: str, payload: ProtectionIn) -> Any:
    user = _user(request)
    data = payload.dict()
    task = mandate.tasks(user).get(force__key=data.pop("force").upper(), code=data.pop("task"))
    corridor = selectors.corridor(user, key)
    services.protect_corridor(by=user, task=task, corridor=corridor, **data)
    return Status(201, corridor)
