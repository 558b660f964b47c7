"""The leak matrix's records of the plan, humanitarian access, the force's mandate, programs
and the system, one of each for one marking."""

from __future__ import annotations

from typing import Any

from marsad.access.services import (
    create_corridor,
    create_crossing,
    protect_corridor,
    record_access_incident,
    record_consignment,
    record_status,
)
from marsad.core.models import Conflict
from marsad.core.services import gate
from marsad.core.services.actors import create_actor
from marsad.mandate.services import (
    assign,
    create_limit,
    create_requirement,
    create_task,
    record_force_action,
)
from marsad.plan import selectors as plans
from marsad.plan.services import create_plan, create_provision, record_precondition, record_score
from marsad.programs.services import create_course, record_cohort, record_indicator
from marsad.reports.models import IssuedReport
from marsad.statements.services import record_statement

from .marked import MARKINGS, SYSTEM, One


def plan(w: One, actor: Any) -> None:
    """A plan, two points of the main plan, a score, a statement and a precondition."""
    plan_actor = create_actor(
        by=SYSTEM,
        key=w.key("plan"),
        kind="plan",
        name_ar=w.t("plan"),
        name_en=w.t("plan"),
        **w.mark,
    )
    w.keep(
        "plan",
        create_plan(by=SYSTEM, actor_key=plan_actor, announced="2025-09-29", **w.claims, **w.mark),
    )
    # Points of the main plan, which pages and the API show (101 and up).
    main = plans.main_plan(SYSTEM)
    number = 101 + 2 * [n for n, _m, _r in MARKINGS].index(w.name)
    first = w.keep(
        "provision",
        create_provision(
            by=SYSTEM,
            plan=main,
            number=number,
            summary_ar=w.t("provision"),
            summary_en=w.t("provision"),
            category="security",
            responsible=[actor],
            **w.claims,
            **w.mark,
        ),
    )
    second = create_provision(
        by=SYSTEM,
        plan=main,
        number=number + 1,
        summary_ar=w.t("provision"),
        summary_en=w.t("provision"),
        category="governance",
        depends_on=[number],
        **w.claims,
        **w.mark,
    )
    w.keep(
        "score",
        record_score(
            by=SYSTEM,
            provision=first,
            score=1,
            on="2026-01-20",
            note_en=w.t("score"),
            note_ar=w.t("score"),
            **w.claims,
            **w.mark,
        ),
    )
    statement = w.keep(
        "statement",
        record_statement(
            by=SYSTEM,
            speaker=actor,
            topic="plan",
            on="2026-01-21",
            stance="reject",
            quote=w.t("statement"),
            quote_language="en",
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "precondition",
        record_precondition(
            by=SYSTEM,
            party=actor,
            provision=first,
            after=second,
            statement=statement,
            text_en=w.t("precondition"),
            text_ar=w.t("precondition"),
            **w.claims,
            **w.mark,
        ),
    )


def access(w: One) -> Any:
    """A crossing, a corridor (returned), a status step, a consignment and an access incident."""
    crossing = w.keep(
        "crossing",
        create_crossing(
            by=SYSTEM,
            key=w.key("crossing"),
            kind="land",
            name_ar=w.t("crossing"),
            name_en=w.t("crossing"),
            latitude="31.30",
            longitude="34.30",
            **w.claims,
            **w.mark,
        ),
    )
    corridor = w.keep(
        "corridor",
        create_corridor(
            by=SYSTEM,
            key=w.key("corridor"),
            crossing=crossing,
            name_ar=w.t("corridor"),
            name_en=w.t("corridor"),
            route={"type": "LineString", "coordinates": [[34.30, 31.30], [34.35, 31.40]]},
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "status",
        record_status(
            by=SYSTEM,
            crossing=crossing,
            state="open",
            on="2026-01-10",
            reason_en=w.t("status"),
            reason_ar=w.t("status"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "consignment",
        record_consignment(
            by=SYSTEM,
            key=w.key("consignment"),
            day="2026-01-12",
            crossing=crossing,
            category="food",
            trucks=7,
            description=w.t("consignment"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "accessincident",
        record_access_incident(
            by=SYSTEM,
            day="2026-01-13",
            category="denial_of_needs",
            crossing=crossing,
            description_en=w.t("accessincident"),
            description_ar=w.t("accessincident"),
            **w.claims,
            **w.mark,
        ),
    )
    return corridor


def mandate(w: One, corridor: Any, pledge: Any) -> None:
    """A force, its task protecting the corridor, a limit, a requirement, an assignment of the
    pledge and an action."""
    force = create_actor(
        by=SYSTEM,
        key=w.key("force"),
        kind="force",
        name_ar=w.t("force"),
        name_en=w.t("force"),
        **w.mark,
    )
    task = w.keep(
        "task",
        create_task(
            by=SYSTEM,
            force=force,
            code="ceasefire",
            name_ar=w.t("task"),
            name_en=w.t("task"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "protection",
        protect_corridor(
            by=SYSTEM,
            task=task,
            corridor=corridor,
            note_en=w.t("protection"),
            note_ar=w.t("protection"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "limit",
        create_limit(
            by=SYSTEM,
            force=force,
            kind="no_direct_combat",
            text_ar=w.t("limit"),
            text_en=w.t("limit"),
            **w.claims,
            **w.mark,
        ),
    )
    requirement = w.keep(
        "requirement",
        create_requirement(
            by=SYSTEM,
            task=task,
            capability="funding",
            quantity=5,
            note_en=w.t("requirement"),
            note_ar=w.t("requirement"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "assignment",
        assign(by=SYSTEM, pledge=pledge, requirement=requirement, quantity=2, **w.claims, **w.mark),
    )
    w.keep(
        "forceaction",
        record_force_action(
            by=SYSTEM,
            force=force,
            on="2026-01-30",
            description_en=w.t("forceaction"),
            description_ar=w.t("forceaction"),
            **w.claims,
            **w.mark,
        ),
    )


def programs(w: One, source: Any) -> None:
    """A police course, a cohort and an indicator."""
    course = w.keep(
        "course",
        create_course(
            by=SYSTEM,
            name_ar=w.t("course"),
            name_en=w.t("course"),
            location="PS0265",
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "cohort",
        record_cohort(
            by=SYSTEM,
            course=course,
            name_ar=w.t("cohort"),
            name_en=w.t("cohort"),
            enrolled=10,
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "indicator",
        record_indicator(
            by=SYSTEM,
            pcode="PS0265",
            kind="water",
            value="30",
            measured_on="2026-01-31",
            source=source,
            note_en=w.t("indicator"),
            note_ar=w.t("indicator"),
            **w.claims,
            **w.mark,
        ),
    )


def system(w: One, claim: Any) -> None:
    """A conflict and an issued report: records the system writes."""
    conflict = Conflict(
        model="core.Claim",
        record_id=str(claim.pk),
        other_model="core.Claim",
        other_id=str(claim.pk),
        field="test",
        reason=w.t("conflict"),
    )
    w.keep("conflict", gate.store(conflict, by=SYSTEM, **w.mark))
    # An issued report: its issuer (a system job's name, which every reader of the record reads)
    # and its bytes carry the token.
    report = IssuedReport(
        day="2026-01-31",
        audience="public",
        language="en",
        format="html",
        content=f"<p>{w.t('issuedreport')}</p>".encode(),
        sha256="0" * 64,
        size=1,
        issued_by=f"system:{w.t('issuedreport')}",
    )
    w.keep("issuedreport", gate.store(report, by=SYSTEM, **w.mark))
