"""Reads of the plan, always through visible_to."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from marsad.plan.models import Plan, Precondition, Provision, ScoreChange

MAIN_PLAN = "PLAN-20"


def plans(user: Any) -> QuerySet[Plan]:
    return Plan.objects.visible_to(user).select_related("actor", "endorsed_by__actor")


def main_plan(user: Any) -> Plan | None:
    return plans(user).filter(actor__key=MAIN_PLAN).first()


def provisions(user: Any, plan: Plan) -> QuerySet[Provision]:
    return (
        Provision.objects.visible_to(user)
        .filter(plan=plan)
        .prefetch_related("depends_on", "responsible")
        .order_by("number")
    )


def scores(user: Any, provision: Provision) -> QuerySet[ScoreChange]:
    return ScoreChange.objects.visible_to(user).filter(provision=provision).order_by("on", "id")


def current_scores(
    user: Any, plan: Plan, *, as_of: date | None = None
) -> dict[Provision, int | None]:
    """Each provision's score on `as_of` (today): the latest change dated on or before it."""
    changes = ScoreChange.objects.visible_to(user).filter(provision__plan=plan)
    if as_of:
        changes = changes.filter(on__lte=as_of)
    latest: dict[int, int] = {}
    for change in changes.order_by("on", "id"):
        latest[change.provision_id] = change.score
    return {p: latest.get(p.pk) for p in provisions(user, plan)}


def trend(user: Any, provision: Provision, *, as_of: date | None = None) -> int:
    """+1 when the last change raised the score, -1 when it lowered it, 0 otherwise."""
    changes = scores(user, provision)
    if as_of:
        changes = changes.filter(on__lte=as_of)
    values = list(changes.values_list("score", flat=True))
    if len(values) < 2:
        return 0
    return (values[-1] > values[-2]) - (values[-1] < values[-2])


def preconditions(user: Any, plan: Plan) -> QuerySet[Precondition]:
    return (
        Precondition.objects.visible_to(user)
        .filter(provision__plan=plan)
        .select_related("party", "provision", "after", "statement")
    )
