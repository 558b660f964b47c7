"""Reads of the plan, always through visible_to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet

from marsad.core import history
from marsad.core.errors import InvalidInput
from marsad.core.evidence import CLAIM_RELATED
from marsad.core.moments import Moments
from marsad.plan.models import Category, Plan, Precondition, Provision, ScoreChange

MAIN_PLAN = "PLAN-20"


def plans(user: Any) -> QuerySet[Plan]:
    return Plan.objects.visible_to(user).select_related("actor", "endorsed_by__actor")


def main_plan(user: Any) -> Plan | None:
    return plans(user).filter(actor__key=MAIN_PLAN).first()


def provisions(
    user: Any, plan: Plan, known_on: datetime | None = None
) -> QuerySet[Provision] | list[Provision]:
    """The plan's points, as they read today; with `known_on`, as Marsad held them then: their
    texts, and the points they depended on, the actors responsible and the evidence as linked
    then (each as held then, and only if `user` may read it as marked then and now)."""
    if known_on is None:
        return (
            Provision.objects.visible_to(user)
            .filter(plan=plan)
            .prefetch_related("depends_on", "responsible")
            .order_by("number")
        )
    held = list(history.known_on(Provision, user, known_on).filter(plan_id=plan.pk))
    held.sort(key=lambda p: p.number)
    history.held_links(held, "depends_on", user)
    history.held_links(held, "responsible", user)
    history.held_links(held, "claims", user, *CLAIM_RELATED)
    return held


def scores(user: Any, provision: Provision) -> QuerySet[ScoreChange]:
    return ScoreChange.objects.visible_to(user).filter(provision=provision).order_by("on", "id")


def score_changes_since(user: Any, day: date) -> QuerySet[ScoreChange]:
    """Score changes the reader may see that took effect on `day` or later (the home page's
    "points moved this week")."""
    return ScoreChange.objects.visible_to(user).filter(on__gte=day)


def _changes(user: Any, as_of: date | None, known_on: datetime | None) -> QuerySet[ScoreChange]:
    """Score changes dated on or before `as_of`, as they are now or as held at `known_on`."""
    changes = history.held(ScoreChange, user, known_on)
    if as_of:
        changes = changes.filter(on__lte=as_of)
    return changes  # type: ignore[no-any-return]


def current_scores(
    user: Any, plan: Plan, *, as_of: date | None = None, known_on: datetime | None = None
) -> dict[Provision, int | None]:
    """Each provision's score on `as_of` (today): the latest change dated on or before it,
    from the changes as Marsad held them at `known_on` when given."""
    changes = _changes(user, as_of, known_on).filter(provision__plan_id=plan.pk)
    latest: dict[int, int] = {}
    for change in changes.order_by("on", "id"):
        latest[change.provision_id] = change.score
    return {p: latest.get(p.pk) for p in provisions(user, plan, known_on)}


def trend(
    user: Any,
    provision: Provision,
    *,
    as_of: date | None = None,
    known_on: datetime | None = None,
) -> int:
    """+1 when the last change raised the score, -1 when it lowered it, 0 otherwise."""
    changes = _changes(user, as_of, known_on).filter(provision_id=provision.pk)
    values = list(changes.order_by("on", "id").values_list("score", flat=True))
    if len(values) < 2:
        return 0
    return (values[-1] > values[-2]) - (values[-1] < values[-2])


# What a precondition names.
PRECONDITION_RELATED = ("party", "provision", "after", "statement")


def preconditions(user: Any, plan: Plan) -> QuerySet[Precondition]:
    return (
        Precondition.objects.visible_to(user)
        .filter(provision__plan=plan)
        .select_related(*PRECONDITION_RELATED)
    )


def preconditions_held(user: Any, plan: Plan, known_on: datetime) -> list[Precondition]:
    """The parties' preconditions as Marsad held them at `known_on`: their texts, and the
    points, party and statement they named, as held then (one the reader may not read so is
    left out, deny by default)."""
    held = history.known_on(Precondition, user, known_on).filter(provision__plan=plan)
    return history.held_named(held.order_by("id"), user, *PRECONDITION_RELATED)


SCORES = ("0", "1", "2", "3", "none")


@dataclass(frozen=True)
class PointFilters:
    """The filters of the plan tracker and its exports: the day (`as_of`), the moment the
    scores are read as Marsad held them (`known_on`, `core/moments.py`), the category, the
    score on that day (0-3, or `none` for points not scored yet)."""

    as_of: date | None = None
    category: str = ""
    score: str = ""
    known_on: datetime | None = None

    @property
    def moments(self) -> Moments:
        return Moments(as_of=self.as_of, known_on=self.known_on)

    @classmethod
    def parse(cls, params: Any) -> PointFilters:
        category = (params.get("category", "") or "").strip()
        if category and category not in Category.values:
            raise InvalidInput.one(
                "category", category, "must be one of " + ", ".join(Category.values)
            )
        score = (params.get("score", "") or "").strip().lower()
        if score and score not in SCORES:
            raise InvalidInput.one("score", score, "must be 0, 1, 2, 3 or none")
        moments = Moments.parse(params)
        return cls(as_of=moments.as_of, category=category, score=score, known_on=moments.known_on)

    def keeps(self, provision: Provision, score: int | None) -> bool:
        if self.category and provision.category != self.category:
            return False
        if self.score:
            return (score is None) if self.score == "none" else score == int(self.score)
        return True


def points(user: Any, filters: PointFilters | None = None) -> list[Provision]:
    """The main plan's points `user` may read that the filters keep, each with its `score` on
    the filters' day (None when not scored yet)."""
    filters = filters or PointFilters()
    plan = main_plan(user)
    if plan is None:
        return []
    found = []
    scored = current_scores(user, plan, as_of=filters.as_of, known_on=filters.known_on)
    for provision, score in scored.items():
        if filters.keeps(provision, score):
            provision.score = score  # type: ignore[attr-defined]
            found.append(provision)
    return found
