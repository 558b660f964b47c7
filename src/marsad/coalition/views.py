"""Pages of the coalition: overview with a map of standings, and each state's page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.coalition import selectors
from marsad.coalition.dated import dated_profile
from marsad.coalition.lists import PLEDGES
from marsad.coalition.vocabulary import InvitationState, PledgeKind, PledgeStatus, Role, Unit
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor
from marsad.core.moments import Moments
from marsad.core.services.inputs import parse_date
from marsad.geo.countries import iso_numeric
from marsad.web.problems import explain

CATEGORY_COLOURS = {
    "founding_member": "#0f3a4a",
    "member": "#2f7d95",
    "observer": "#7fb3c4",
    "partner": "#9cc9a9",
    "accepted": "#3c9a5f",
    "under_consideration": "#e0a526",
    "delivered": "#f1cf7a",
    "proposed": "#f6e3b0",
    "declined": "#c0504d",
    "withdrawn": "#8c8c8c",
    "pledged": "#b68bc6",
}


def category_labels() -> dict[str, str]:
    labels = {**dict(Role.choices), **dict(InvitationState.choices)}
    labels["pledged"] = _("pledged without invitation")
    return {key: str(labels[key]) for key in CATEGORY_COLOURS}


def _day(request: HttpRequest) -> tuple[Any, str]:
    """The day asked for, or none and the reason it was refused (shown on the page, which then
    shows today)."""
    try:
        return parse_date(request.GET.get("as_of"), "as_of"), ""
    except InvalidInput as refused:
        return None, explain(refused)


def index(request: HttpRequest) -> HttpResponse:
    day, error = _day(request)
    standings = selectors.standings(request.user, day=day)
    labels = category_labels()
    countries = {}
    for standing in standings:
        numeric = iso_numeric(standing.actor.iso3) if standing.actor.iso3 else None
        if numeric:
            countries[numeric] = {
                "name": standing.actor.name,
                "category": standing.category,
                "label": labels.get(standing.category, standing.category),
                "colour": CATEGORY_COLOURS.get(standing.category, "#cccccc"),
                "url": reverse("coalition:state", args=[standing.actor.key]),
            }
    by_kind = selectors.pledges_by_kind(request.user, day=day)
    kind_labels = dict(PledgeKind.choices)
    unit_labels = dict(Unit.choices)
    for row in by_kind:
        # The unit's name in the reader's language ("أفراد"), not its code ("persons").
        row["unit"] = unit_labels.get(row["unit"], row["unit"])
    chart = {
        "labels": [str(kind_labels[row["kind"]]) for row in by_kind],
        "pledges": [row["pledges"] for row in by_kind],
        "refusals": [row["refusals"] for row in by_kind],
        "pledges_label": _("pledges"),
        "refusals_label": _("refusals"),
    }
    return render(
        request,
        "coalition/index.html",
        {
            "standings": [(s, labels.get(s.category, "")) for s in standings],
            "as_of": day,
            "error": error,
            "map_data": {"countries": countries},
            "legend": [(labels[k], colour) for k, colour in CATEGORY_COLOURS.items()],
            "by_kind": by_kind,
            "kind_labels": kind_labels,
            "chart": chart,
            # The current step as the reader may know it, never the stored one (deny by default).
            "invitations": selectors.current_statuses(
                request.user, selectors.invitations(request.user), day
            ),
        },
    )


def state(request: HttpRequest, key: str) -> HttpResponse:
    try:
        moments, error = Moments.parse(request.GET), ""
    except InvalidInput as refused:
        moments, error = Moments(), str(refused)
    try:
        profile = dated_profile(request.user, key, moments)
    except Actor.DoesNotExist:
        raise Http404(_("No actor with this identifier is visible to you.")) from None
    from marsad.governance.selectors import charter_actions_of
    from marsad.mandate.selectors import assignments_of

    return render(
        request,
        "coalition/state.html",
        {
            "profile": profile,
            "actor": profile.actor,
            "moments": moments,
            "error": error,
            "charter_actions": charter_actions_of(request.user, profile.actor),
            "assignments": assignments_of(request.user, profile.actor),
        },
    )


def pledge_list(request: HttpRequest) -> HttpResponse:
    """Every pledge and refusal the reader may read, filtered by nation, body, kind, status;
    the exports carry the same filters."""
    try:
        filters, error = selectors.PledgeFilters.parse(request.GET), ""
    except InvalidInput as refused:
        filters, error = selectors.PledgeFilters(), explain(refused)
    found = PLEDGES.rows(request.user, filters)
    return render(
        request,
        "coalition/pledges.html",
        {
            "page": Paginator(found, 50).get_page(request.GET.get("page")),
            "filters": filters,
            "error": error,
            "kinds": PledgeKind.choices,
            "statuses": PledgeStatus.choices,
        },
    )
