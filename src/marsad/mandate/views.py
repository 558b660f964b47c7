"""Pages of the mandate: tasks, limits, requirements and coverage, the force's actions, and
force generation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marsad.mandate import generation, selectors
from marsad.mandate.checks import breaches
from marsad.mandate.wording import UNUSED_WHY, blocking_words, describe, gain_words


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    requirements = [
        (requirement, selectors.requirement_fill(user, requirement))
        for requirement in selectors.requirements(user)
    ]
    actions = [(action, breaches(action)) for action in selectors.actions(user)[:50]]
    return render(
        request,
        "mandate/index.html",
        {
            "tasks": selectors.tasks(user),
            "limits": selectors.limits(user),
            "requirements": requirements,
            "assignments": selectors.assignments(user),
            "actions": actions,
        },
    )


def force_generation(request: HttpRequest) -> HttpResponse:
    conditional = request.GET.get("conditional") == "1"
    support = generation.decision_support(request.user)
    result = (
        generation.run(request.user, count_unmet_conditions=True)
        if conditional
        else support.generation
    )
    allocation = result.allocation
    blocked = {b.requirement_id: blocking_words(support, b) for b in support.blockers}
    gaps = [
        (
            result.requirements.get(unmet.requirement_id),
            unmet,
            [describe(result, reason) for reason in unmet.reasons],
            blocked.get(unmet.requirement_id, []),
        )
        for unmet in allocation.unmet
    ]
    assigned = [
        (result.pledges.get(a.pledge_id), result.requirements.get(a.requirement_id), a)
        for a in allocation.assignments
    ]
    coverage = [
        (requirement, round(100 * allocation.coverage.get(key, 0.0)))
        for key, requirement in result.requirements.items()
    ]
    unused = [
        (result.pledges.get(u.pledge_id), u, UNUSED_WHY.get(u.why, u.why))
        for u in allocation.unused
    ]
    return render(
        request,
        "mandate/force_generation.html",
        {
            "result": result,
            "allocation": allocation,
            "gaps": gaps,
            "assigned": assigned,
            "coverage": coverage,
            "unused": unused,
            "conditional": conditional,
            "gains": [
                (gain, gain_words(support.generation, gain, conditions))
                for gain, conditions in support.gains
            ],
        },
    )
