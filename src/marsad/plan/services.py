"""Writes of the plan: provisions, their dependencies and scores, and parties' preconditions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, require_writer
from marsad.core.services.inputs import choice, parse_date, parse_quantity
from marsad.governance.models import LegalInstrument
from marsad.plan.models import Category, Plan, Precondition, Provision, ScoreChange
from marsad.statements.models import Statement


def provision_by_number(user: Writer, plan: Plan, number: Any, field: str) -> Provision:
    """The point of the plan with this number, if `user` may read it."""
    value = parse_quantity(number, field, required=True)
    found = Provision.objects.visible_to(user).filter(plan=plan, number=value).first()
    if found is None:
        raise InvalidInput.one(field, number, f"the plan has no point {value}")
    return found


@transaction.atomic
def create_plan(
    *,
    by: Any,
    actor_key: Any,
    announced: Any,
    endorsed_by: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Plan:
    """Record a plan with the date it was announced and the resolution that endorsed it."""
    require_writer(by)
    subject = lookups.actor(by, actor_key, "actor", ["plan"])
    day = parse_date(announced, "announced")
    if day is None:
        raise InvalidInput.one("announced", announced, "the date of announcement is required")
    resolution = None
    if endorsed_by:
        resolution = lookups.by_key(
            by,
            LegalInstrument,
            endorsed_by,
            "endorsed_by",
            "legal instrument",
            key_field="actor__key",
        )
    plan = Plan(actor=subject, announced=day, endorsed_by=resolution)
    gate.store(
        plan,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return plan


@transaction.atomic
def create_provision(
    *,
    by: Any,
    plan: Plan,
    number: Any,
    summary_ar: str,
    summary_en: str,
    category: str,
    responsible: Iterable[Any] = (),
    depends_on: Iterable[Any] = (),
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Provision:
    """Record a point of the plan. Its dependencies name points already recorded."""
    require_writer(by)
    value = parse_quantity(number, "number", required=True)
    gate.check_unique(
        by,
        Provision.objects.filter(plan=plan, number=value),
        "number",
        number,
        "this point is recorded already",
    )
    needs = [provision_by_number(by, plan, n, f"depends_on[{i}]") for i, n in enumerate(depends_on)]
    provision = Provision(
        plan=plan,
        number=value,
        summary_ar=summary_ar.strip(),
        summary_en=summary_en.strip(),
        category=choice(category, "category", Category.values),
    )
    gate.store(
        provision,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        responsible=lookups.actors(by, responsible, "responsible"),
        depends_on=needs,
    )
    return provision


@transaction.atomic
def add_dependency(*, by: Any, provision: Provision, on: Any) -> Provision:
    """Make `provision` depend on point `on` (which must exist)."""
    require_writer(by)
    needed = provision_by_number(by, provision.plan, on, "on")
    if needed.pk == provision.pk:
        raise InvalidInput.one("on", on, "a point cannot depend on itself")
    return gate.store(provision, by=by, depends_on=[*provision.depends_on.all(), needed])


@transaction.atomic
def record_score(
    *,
    by: Any,
    provision: Provision,
    score: Any,
    on: Any,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> ScoreChange:
    """Record a provision's implementation score (0-3) from a date, with its evidence."""
    require_writer(by)
    value = parse_quantity(score, "score", required=True)
    if value > 3:
        raise InvalidInput.one("score", score, "must be 0, 1, 2 or 3 (Peace Accords Matrix)")
    day = parse_date(on, "on")
    if day is None:
        raise InvalidInput.one("on", on, "the date of the score is required")
    change = ScoreChange(
        provision=provision, score=value, on=day, note_ar=note_ar.strip(), note_en=note_en.strip()
    )
    gate.store(
        change,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return change


@transaction.atomic
def record_precondition(
    *,
    by: Any,
    party: Any,
    provision: Provision,
    after: Provision,
    statement: Any,
    text_ar: str = "",
    text_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Precondition:
    """Record a party's condition "provision only after `after`", citing its statement."""
    require_writer(by)
    if statement in (None, ""):
        raise InvalidInput.one(
            "statement", statement, "a precondition must cite the statement that carries it"
        )
    said = lookups.by_number(by, Statement, statement, "statement", "statement")
    condition = Precondition(
        party=lookups.actor(by, party, "party"),
        provision=provision,
        after=after,
        statement=said,
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    gate.store(
        condition,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return condition
