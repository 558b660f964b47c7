"""Pages of the ceasefire: dashboard, incidents (list, map, page), alerts, exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.ceasefire import selectors, services, transitions
from marsad.ceasefire.aggregates import day_areas, governorates_of
from marsad.ceasefire.lists import figure_rows
from marsad.ceasefire.models import Incident, Violation
from marsad.ceasefire.summary import summarize
from marsad.ceasefire.tolls import toll, with_tolls
from marsad.ceasefire.vocabulary import (
    DEFINITIONS,
    EVENT_TYPE_LABELS,
    SUB_EVENT_LABELS,
    WARNING_LABELS,
    Determination,
    Verification,
)
from marsad.core import exports
from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.history import versions
from marsad.core.moments import Moments
from marsad.geo.areas import governorate_names
from marsad.web import pagecache
from marsad.web.problems import explain

# The governorates' names and outlines are actors: kept until an actor is written.
ACTORS = ("core.actor",)


def _filters(request: HttpRequest) -> tuple[selectors.IncidentFilters, str]:
    try:
        return selectors.IncidentFilters.parse(request.GET), ""
    except InvalidInput as error:
        return selectors.IncidentFilters(), explain(error)


def _governorates(user: Any) -> list[tuple[str, str]]:
    # A governorate's place actor is keyed by its P-code; a neighbourhood carries its
    # governorate's P-code too and must not lend the governorate its name.
    return _named(_places(user).defer("geometry"))


def dashboard(request: HttpRequest) -> HttpResponse:
    # What the page computes is the same for every reader of one visibility class: computed
    # once per write (marsad.web.pagecache), the page rendered around it for each reader.
    figures = pagecache.cached(
        "ceasefire:dashboard", request.user, lambda: _dashboard(request), request.GET.urlencode()
    )
    return render(request, "ceasefire/dashboard.html", {**figures, "definitions": DEFINITIONS})


def _dashboard(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    try:
        moments, error = Moments.parse(request.GET), ""
    except InvalidInput as refused:
        moments, error = Moments(), explain(refused)
    summary = summarize(user, until=moments.as_of, known_on=moments.known_on)
    # The page shows the counts by governorate only: the other aggregates are not computed.
    if summary.areas_from == summary.effective:
        counts = summary.by_governorate
    else:
        counts = governorates_of(
            day_areas(user, start=summary.effective, end=moments.as_of, known_on=moments.known_on)
        )
    governorates, shapes = pagecache.cached(
        "ceasefire:places", user, lambda: _names_and_shapes(user), models=ACTORS
    )
    names = dict(governorates)
    by_governorate = []
    for row in counts:
        if row["pcode"]:
            by_governorate.append({**row, "name": names.get(row["pcode"], row["pcode"])})
            continue
        # No governorate: at sea or outside every area when located, else place unknown.
        if row["located"]:
            by_governorate.append({**row, "n": row["located"], "where": "outside"})
        if row["n"] - row["located"]:
            by_governorate.append(
                {**row, "n": row["n"] - row["located"], "killed": None, "where": "unknown"}
            )
    chart = {
        "days": [day.isoformat() for day, _n in summary.daily],
        "values": [n for _day, n in summary.daily],
        "label": _("new deaths reported per day"),
        "phases": [
            {
                "label": p.name,
                "start": p.starts.isoformat(),
                "end": p.ends.isoformat() if p.ends else None,
            }
            for p in summary.phases
        ],
    }
    map_counts = {row["pcode"]: row["n"] for row in counts if row["pcode"]}
    return {
        "summary": summary,
        "agreement": selectors.main_agreement(user, moments.known_on),
        "by_governorate": by_governorate,
        "chart": chart,
        "map_counts": map_counts,
        "places": shapes,
        "violations": selectors.violations_shown(user, moments.known_on, limit=10),
        "moments": moments,
        "error": error,
    }


def _places(user: Any) -> Any:
    # Without their parent (the Gaza Strip, whose outline is every governorate's) nor the
    # columns nothing here shows: decoding those outlines was most of a cold dashboard's time.
    return (
        core.actors(user)
        .filter(kind="place", key__in=list(governorate_names()))
        .select_related(None)
        .only("marking", "releasable_to", "key", "pcode", "name_ar", "name_en", "geometry")
    )


def _names_and_shapes(user: Any) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """What `_governorates` and `_governorate_shapes` give, from one read of the places: the
    dashboard keeps both under one cache entry (one read and one write fewer when cold)."""
    places = list(_places(user))
    return _named(places), _shapes(places)


def _named(places: Any) -> list[tuple[str, str]]:
    names = {a.pcode: a.name for a in places}
    return [(code, names.get(code, name)) for code, name in sorted(governorate_names().items())]


def _governorate_shapes(user: Any) -> dict[str, Any]:
    return _shapes(_places(user))


def _shapes(places: Any) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": p.geometry,
                "properties": {"pcode": p.pcode, "name": p.name},
            }
            for p in places
            if p.geometry
        ],
    }


def incident_list(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request)
    qs = with_tolls(request.user, selectors.incidents(request.user, filters))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "ceasefire/incident_list.html",
        {
            "page": page,
            "filters": filters,
            "error": error,
            "event_types": EVENT_TYPE_LABELS.items(),
            "verifications": Verification.choices,
            "governorates": _governorates(request.user),
            "query": filters.query_string(),
        },
    )


def incident_map(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request)
    return render(
        request,
        "ceasefire/map.html",
        {
            "filters": filters,
            "error": error,
            "query": filters.query_string(),
            "event_types": EVENT_TYPE_LABELS.items(),
            "verifications": Verification.choices,
            "governorates": _governorates(request.user),
            "places": _governorate_shapes(request.user),
            # The map's data gives codes; its pop-ups read them in the reader's language.
            "type_labels": {code: str(label) for code, label in SUB_EVENT_LABELS.items()},
        },
    )


def _incident_for(request: HttpRequest, pk: int) -> Incident:
    try:
        return selectors.incident(request.user, pk)
    except Incident.DoesNotExist:
        raise Http404(_("No incident with this number is visible to you.")) from None


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident_for(request, pk)
    figures = list(selectors.figures(request.user).filter(incident=incident))
    violations = list(selectors.violations(request.user).filter(incident=incident))
    labels = dict(Determination.choices)
    for violation in violations:
        # The determinations this violation may move to, for the analysts' form.
        violation.next_determinations = [  # type: ignore[attr-defined]
            (value, labels[value])
            for value in sorted(transitions.DETERMINATION_NEXT[violation.determination])
        ]
    verifications = dict(Verification.choices)
    return render(
        request,
        "ceasefire/incident_detail.html",
        {
            "incident": incident,
            "figures": figures,
            "toll": toll(request.user, incident),
            "violations": violations,
            "versions": versions(incident, request.user),
            "sub_event_label": SUB_EVENT_LABELS.get(incident.sub_event_type),
            "writer": _writer(request),
            "next_verifications": [
                (value, verifications[value])
                for value in sorted(transitions.VERIFICATION_NEXT[incident.verification])
            ],
        },
    )


def _claim_numbers(text: str) -> list[str]:
    return [n for n in text.replace("،", ",").replace(" ", ",").split(",") if n.strip()]


@login_required
@require_POST
def change_verification(request: HttpRequest, pk: int) -> HttpResponse:
    """An analyst's change of an incident's verification, with the reason and claims."""
    incident = _incident_for(request, pk)
    if not _writer(request):
        raise PermissionDenied(_("Only analysts and administrators change a verification."))
    try:
        services.set_verification(
            by=request.user,
            incident=incident,
            verification=request.POST.get("verification", ""),
            reason=request.POST.get("reason", ""),
            claims=_claim_numbers(request.POST.get("claims", "")),
        )
    except InvalidInput as error:
        messages.error(request, explain(error))
    else:
        messages.success(request, _("The verification is changed; the reason is kept."))
    return redirect("ceasefire:incident", pk=incident.pk)


@login_required
@require_POST
def change_determination(request: HttpRequest, pk: int) -> HttpResponse:
    """An analyst's change of a violation's determination, with the reason and claims."""
    try:
        violation = selectors.violations(request.user).get(pk=pk)
    except Violation.DoesNotExist:
        raise Http404(_("No violation with this number is visible to you.")) from None
    if not _writer(request):
        raise PermissionDenied(_("Only analysts and administrators change a determination."))
    try:
        services.set_determination(
            by=request.user,
            violation=violation,
            determination=request.POST.get("determination", ""),
            reason=request.POST.get("reason", ""),
            claims=_claim_numbers(request.POST.get("claims", "")),
        )
    except InvalidInput as error:
        messages.error(request, explain(error))
    else:
        messages.success(request, _("The determination is changed; the reason is kept."))
    return redirect(f"{reverse('ceasefire:incident', args=[violation.incident_id])}#h-violations")


def alerts(request: HttpRequest) -> HttpResponse:
    summary = summarize(request.user)
    return render(
        request,
        "ceasefire/alerts.html",
        {
            "summary": summary,
            "definitions": DEFINITIONS,
            "warning_labels": WARNING_LABELS,
        },
    )


# The exports' first addresses, kept: each is the list's export at /exports/ (same filters).
EXPORTS = {
    "incidents.csv": ("incidents", "csv"),
    "incidents.hxl.csv": ("incidents", "hxl.csv"),
    "incidents.geojson": ("incidents", "geojson"),
    "figures.csv": ("figures", "csv"),
    "figures.hxl.csv": ("figures", "hxl.csv"),
    "figures.geojson": ("figures", "geojson"),
}


def export(request: HttpRequest, name: str) -> StreamingHttpResponse:
    """Incidents or casualty figures (CSV, HXL, GeoJSON), each with its own list's filters."""
    if name not in EXPORTS:
        raise Http404(_("No such export."))
    return exports.response(request, *EXPORTS[name])


def figure_list(request: HttpRequest) -> HttpResponse:
    """Casualty figures as each source gives them, filtered by source, day reported, area and
    incident; the exports carry the same filters."""
    try:
        filters, error = selectors.FigureFilters.parse(request.GET), ""
    except InvalidInput as refused:
        filters, error = selectors.FigureFilters(), explain(refused)
    page = Paginator(figure_rows(request.user, filters), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "ceasefire/figure_list.html",
        {
            "page": page,
            "filters": filters,
            "error": error,
            # Sources of the figures this reader may read, not of every stored figure.
            "sources": core.sources(request.user).filter(
                pk__in=selectors.figures(request.user).values("source")
            ),
            "governorates": _governorates(request.user),
        },
    )
