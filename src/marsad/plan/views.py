"""Pages of the plan: the tracker, a provision, and the sequencing graph."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.plan import selectors
from marsad.plan.models import Category, Provision
from marsad.plan.sequencing import analyse_plan, node_id, svg_geometry
from marsad.statements.selectors import statements
from marsad.web.problems import explain


def _plan(request: HttpRequest):  # type: ignore[no-untyped-def]
    plan = selectors.main_plan(request.user)
    if plan is None:
        raise Http404(_("No plan is visible to you."))
    return plan


def tracker(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    error = ""
    try:
        filters = selectors.PointFilters.parse(request.GET)
    except InvalidInput as refused:  # shown above the tracker, which then shows today
        filters, error = selectors.PointFilters(), explain(refused)
    as_of, known_on = filters.as_of, filters.known_on
    sequencing = analyse_plan(request.user, plan, as_of=as_of, known_on=known_on)
    rows = []
    for provision in selectors.points(request.user, filters):
        blockers = sequencing.analysis.blocked.get(node_id(provision), ())
        rows.append(
            {
                "provision": provision,
                "score": provision.score,  # type: ignore[attr-defined]
                "trend": selectors.trend(request.user, provision, as_of=as_of, known_on=known_on),
                "blockers": [sequencing.provisions[b.provision] for b in blockers],
                "deadlocked": any(b.in_deadlock for b in blockers),
            }
        )
    return render(
        request,
        "plan/tracker.html",
        {
            "plan": plan,
            "rows": rows,
            "as_of": as_of,
            "moments": filters.moments,
            "filters": filters,
            "categories": Category.choices,
            "scores": selectors.SCORES,
            "error": error,
            "sequencing": sequencing,
        },
    )


def provision(request: HttpRequest, number: int) -> HttpResponse:
    plan = _plan(request)
    found = selectors.provisions(request.user, plan).filter(number=number).first()
    if found is None:
        raise Http404(_("No point with this number is visible to you."))
    conditions = selectors.preconditions(request.user, plan).filter(
        provision=found
    ) | selectors.preconditions(request.user, plan).filter(after=found)
    cited = statements(request.user).filter(preconditions__in=conditions).distinct()
    return render(
        request,
        "plan/provision.html",
        {
            "plan": plan,
            "provision": found,
            "scores": selectors.scores(request.user, found),
            "enables": core.records(request.user, Provision).filter(depends_on=found),
            "conditions": conditions,
            "statements": cited,
        },
    )


def sequencing_view(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    sequencing = analyse_plan(request.user, plan)
    return render(
        request,
        "plan/sequencing.html",
        {
            "plan": plan,
            "sequencing": sequencing,
            "graph": svg_geometry(sequencing, rtl=get_language_bidi()),
            "deadlocks": [(d, sequencing.deadlock_words(d)) for d in sequencing.analysis.deadlocks],
            "relaxation": sequencing.relaxation_words(),
            "order": [sequencing.provisions[n] for n in sequencing.analysis.order],
        },
    )
