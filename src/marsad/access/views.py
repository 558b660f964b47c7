"""Pages of humanitarian access: the dashboard, a crossing, a corridor, the consignments."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.access import proximity, selectors
from marsad.access.models import Corridor, Crossing
from marsad.access.vocabulary import (
    STATE_COLOURS,
    AccessState,
    CargoCategory,
    ConsignmentStatus,
)
from marsad.analytics.access import share_of_days_open
from marsad.ceasefire import selectors as ceasefire
from marsad.ceasefire.models import Incident
from marsad.core import exports
from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.history import versions
from marsad.core.moments import Moments
from marsad.core.services.inputs import parse_date
from marsad.web.problems import explain

#: Colours of the crossings' series in the trucks chart, by crossing.
SERIES_COLOURS = [
    "#0f3a4a",
    "#c8872b",
    "#2f7d95",
    "#9cc9a9",
    "#b68bc6",
    "#c0504d",
    "#7fb3c4",
    "#8c8c8c",
    "#e0a526",
]


def state_labels() -> dict[str, str]:
    return {**{k: str(v) for k, v in AccessState.choices}, "unknown": _("no status recorded")}


def _params(request: HttpRequest) -> tuple[dict[str, Any], str]:
    """The page's day (`as_of`; `date`, its older name, still read), the moment the statuses
    are read as held (`known_on`), distance and period; a bad value is reported, the defaults
    kept."""
    found: dict[str, Any] = {
        "day": timezone.localdate(),
        "metres": proximity.DEFAULT_METRES,
        "moments": Moments(),
    }
    try:
        moments = Moments.parse(request.GET)
        if moments.as_of is None and request.GET.get("date"):
            moments = Moments(parse_date(request.GET["date"], "date"), moments.known_on)
        found["day"] = moments.as_of or found["day"]
        found["moments"] = moments
        found["metres"] = proximity.parse_metres(request.GET.get("distance"))
        found["since"] = parse_date(request.GET.get("since"), "since")
    except InvalidInput as error:
        return found, explain(error)
    return found, ""


def _truce_start(user: Any) -> date | None:
    agreement = ceasefire.main_agreement(user)
    return agreement.effective if agreement else None


def _point(crossing: Crossing, state: Any, labels: dict[str, str]) -> dict[str, Any]:
    key = state.state if state else "unknown"
    return {
        "type": "Feature",
        "geometry": crossing.geometry,
        "properties": {
            "key": crossing.key,
            "name": crossing.name,
            "state": key,
            "label": labels[key],
            "colour": STATE_COLOURS[key],
            "url": reverse("access:crossing", args=[crossing.key]),
        },
    }


def _line(corridor: Corridor, state: Any, labels: dict[str, str]) -> dict[str, Any]:
    key = state.state if state else "unknown"
    return {
        "type": "Feature",
        "geometry": corridor.route,
        "properties": {
            "key": corridor.key,
            "name": corridor.name,
            "state": key,
            "label": labels[key],
            "colour": STATE_COLOURS[key] if state else "#2f7d95",
            "url": reverse("access:corridor", args=[corridor.key]),
        },
    }


def _outline(user: Any) -> dict[str, Any]:
    """The five governorates' outlines (the place actors' OCHA polygons) under the map."""
    places = core.actors(user).filter(kind="place", pcode__startswith="PS02").exclude(pcode="PS02")
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": p.geometry, "properties": {"name": p.name}}
            for p in places
            if p.geometry
        ],
    }


def _map_data(
    user: Any, crossings: list[Crossing], corridors: list[Corridor], on_day: dict[str, Any]
) -> dict[str, Any]:
    labels = state_labels()
    return {
        "outline": _outline(user),
        "crossings": {
            "type": "FeatureCollection",
            "features": [_point(c, on_day.get(c.key), labels) for c in crossings if c.located],
        },
        "corridors": {
            "type": "FeatureCollection",
            "features": [_line(c, on_day.get(c.key), labels) for c in corridors],
        },
    }


def _chart(series: dict[str, list[tuple[date, int]]], names: dict[str, str]) -> dict[str, Any]:
    days = next(iter(series.values()), [])
    return {
        "days": [day.isoformat() for day, _n in days],
        "label": _("trucks per day"),
        "datasets": [
            {
                "key": key,
                "label": names.get(key, key),
                "values": [n for _day, n in values],
                "colour": SERIES_COLOURS[index % len(SERIES_COLOURS)],
            }
            for index, (key, values) in enumerate(series.items())
        ],
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    params, error = _params(request)
    day = params["day"]
    since = params.get("since") or _truce_start(user)
    crossings = list(selectors.crossings(user))
    corridors = list(selectors.corridors(user))
    known_on = params["moments"].known_on
    on_day = selectors.status_on(user, day, known_on)
    try:
        filters = selectors.ConsignmentFilters.parse(request.GET)
    except InvalidInput as problem:
        filters, error = selectors.ConsignmentFilters(), str(problem)
    if not (filters.start or filters.end):
        start, end = selectors.recent_window(user)
        filters = selectors.ConsignmentFilters(start=start, end=end)
    names = {c.key: c.name for c in crossings}
    comparison = selectors.compare_lists(user, filters)
    period_start = since or day
    shares = selectors.open_shares(user, period_start, day, known_on) if period_start <= day else {}
    risks = [
        (
            corridor,
            proximity.incidents_near(
                user, corridor.route, metres=params["metres"], start=since, end=day
            ).risk,
        )
        for corridor in corridors
    ]
    return render(
        request,
        "access/dashboard.html",
        {
            "day": day,
            "moments": params["moments"],
            "since": since,
            "metres": params["metres"],
            "error": error,
            "crossings": [(c, on_day.get(c.key), shares.get(c.key)) for c in crossings],
            "risks": risks,
            "map_data": _map_data(user, crossings, corridors, on_day),
            "legend": [(label, STATE_COLOURS[k]) for k, label in state_labels().items()],
            "chart": _chart(selectors.trucks_per_day(user, filters), names),
            "filters": filters,
            "comparison": comparison,
            "relative": (
                f"{comparison.relative * 100:+.1f}" if comparison.relative is not None else ""
            ),
            "tonnage": _tonnage_rows(selectors.tonnage_by_category(user, filters)),
            "changes": selectors.latest_changes(user, known_on=known_on),
            "incidents": selectors.access_incidents(user)[:10],
        },
    )


def _tonnage_rows(totals: dict[str, Any]) -> list[dict[str, Any]]:
    labels = dict(CargoCategory.choices)
    return [
        {"category": key, "label": labels.get(key, key), "total": total, "tons": round(total.tons)}
        for key, total in totals.items()
    ]


def _nearby(user: Any, geometry: Any, params: dict[str, Any], since: Any) -> dict[str, Any]:
    found = proximity.incidents_near(
        user, geometry, metres=params["metres"], start=since, end=params["day"]
    )
    shown = found.incidents[:100]
    records = core.records(user, Incident).in_bulk([i.id for i in shown])
    return {
        "nearby": found,
        "nearby_rows": [(i, records.get(i.id)) for i in shown],
        "drivers": [(d, records.get(d.incident.id)) for d in found.risk.drivers],
    }


def crossing_detail(request: HttpRequest, key: str) -> HttpResponse:
    user = request.user
    try:
        crossing = selectors.crossing(user, key)
    except Crossing.DoesNotExist:
        raise Http404(_("No crossing with this identifier is visible to you.")) from None
    params, error = _params(request)
    since = params.get("since") or _truce_start(user)
    known_on = params["moments"].known_on
    steps = selectors.timeline(user, crossing=crossing, known_on=known_on)
    filters = selectors.ConsignmentFilters(crossing=crossing.key)
    series = selectors.trucks_per_day(user, filters)
    on_day = selectors.status_on(user, params["day"], known_on)
    context: dict[str, Any] = {
        "crossing": crossing,
        "day": params["day"],
        "moments": params["moments"],
        "since": since,
        "metres": params["metres"],
        "error": error,
        "steps": steps,
        "state": on_day.get(crossing.key),
        "share": _share(steps, since, params["day"]),
        "lists": _by_list(user, filters),
        "consignments": selectors.consignments(user, filters)[:20],
        "chart": _chart(series, {crossing.key: crossing.name}),
        "corridors": selectors.corridors(user).filter(crossing=crossing),
        "incidents": selectors.access_incidents(user).filter(crossing=crossing)[:20],
        "map_data": _map_data(user, [crossing], [], on_day),
        "versions": versions(crossing, user),
        "state_labels": state_labels(),
    }
    if crossing.located:
        context.update(_nearby(user, crossing.geometry, params, since))
    return render(request, "access/crossing.html", context)


def _share(steps: list[Any], since: date | None, day: date) -> Any:
    usable = selectors.steps_of(steps)
    if not usable:
        return None
    start = since or min(s.start for s in usable)
    return share_of_days_open(usable, start, day) if start <= day else None


def _by_list(user: Any, filters: selectors.ConsignmentFilters) -> list[dict[str, Any]]:
    rows = (
        selectors.consignments(user, filters)
        .order_by()
        .values("imported_from", "reported_by")
        .annotate(
            records=Count("id"),
            total_trucks=Sum("trucks"),
            total_tons=Sum("tons"),
            first=Min("day"),
            last=Max("day"),
        )
        .order_by("imported_from", "reported_by")
    )
    return list(rows)


def corridor_detail(request: HttpRequest, key: str) -> HttpResponse:
    user = request.user
    try:
        corridor = selectors.corridor(user, key)
    except Corridor.DoesNotExist:
        raise Http404(_("No corridor with this identifier is visible to you.")) from None
    params, error = _params(request)
    since = params.get("since") or _truce_start(user)
    known_on = params["moments"].known_on
    steps = selectors.timeline(user, corridor=corridor, known_on=known_on)
    on_day = selectors.status_on(user, params["day"], known_on)
    context: dict[str, Any] = {
        "corridor": corridor,
        "day": params["day"],
        "moments": params["moments"],
        "since": since,
        "metres": params["metres"],
        "error": error,
        "steps": steps,
        "state": on_day.get(corridor.key),
        "protections": selectors.protections(user).filter(corridor=corridor),
        "incidents": selectors.access_incidents(user).filter(corridor=corridor)[:20],
        "consignments": selectors.consignments(
            user, selectors.ConsignmentFilters(corridor=corridor.key)
        )[:20],
        "versions": versions(corridor, user),
        "state_labels": state_labels(),
    }
    context.update(_nearby(user, corridor.route, params, since))
    crossings = [corridor.crossing] if corridor.crossing.located else []
    data = _map_data(user, crossings, [corridor], on_day)
    data["incidents"] = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [r.longitude, r.latitude]},
                "properties": {
                    "name": f"{r.event_date.isoformat()} · {r.location or r.sub_event_type}",
                    "url": reverse("ceasefire:incident", args=[r.pk]),
                },
            }
            for _near, r in context["nearby_rows"]
            if r is not None
        ],
    }
    context["map_data"] = data
    return render(request, "access/corridor.html", context)


def _consignment_filters(request: HttpRequest) -> tuple[selectors.ConsignmentFilters, str]:
    try:
        return selectors.ConsignmentFilters.parse(request.GET), ""
    except InvalidInput as error:
        return selectors.ConsignmentFilters(), explain(error)


def consignment_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    filters, error = _consignment_filters(request)
    qs = selectors.consignments(user, filters)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    totals = qs.order_by().aggregate(trucks=Sum("trucks"), tons=Sum("tons"))
    totals["tons"] = round(totals["tons"] or 0)
    return render(
        request,
        "access/consignments.html",
        {
            "page": page,
            "filters": filters,
            "error": error,
            "totals": totals,
            "query": filters.query_string(),
            "crossing_choices": [(c.key, c.name) for c in selectors.crossings(user)],
            "categories": CargoCategory.choices,
            "statuses": ConsignmentStatus.choices,
            "sources": [("unrwa", "UNRWA"), ("cogat", "COGAT"), ("demo", _("demo data"))],
        },
    )


# The exports' first addresses, kept: each is the list's export at /exports/ (same filters).
EXPORTS = {"consignments.csv": "csv", "consignments.hxl.csv": "hxl.csv"}


def export(request: HttpRequest, name: str) -> StreamingHttpResponse:
    """Consignments (CSV or HXL-tagged CSV) with the list's filters."""
    if name not in EXPORTS:
        raise Http404(_("No such export."))
    return exports.response(request, "consignments", EXPORTS[name])
