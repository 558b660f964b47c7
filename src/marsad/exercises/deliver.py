"""An inject arriving: each kind goes through the service any outside writer would use, so the
trainees meet it where they would meet the real thing (the intake queue, the incident log, a
crossing's timeline, the coalition's pledges, the statements), with its events and alerts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from marsad.core.services.base import SystemUser
from marsad.exercises.models import MINUTES_PER_DAY, Inject, InjectKind

# The outside world of the exercise, named in the audit log of the exercise's database.
INJECTOR = SystemUser("exercise:injects")


def inject_day(day_zero: date, minutes: int) -> date:
    return day_zero + timedelta(days=minutes // MINUTES_PER_DAY)


def _marking(payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "marking": payload.get("marking", "force"),
        "releasable_to": payload.get("releasable_to", []),
    }


def _pick(payload: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: payload[name] for name in names if name in payload}


def deliver(inject: Inject, day_zero: date) -> tuple[str, Any]:
    """Write what `inject` carries; returns the record's label and, for a document, itself."""
    payload, day = inject.payload, inject_day(day_zero, inject.at)
    if inject.kind == InjectKind.DOCUMENT:
        from marsad.intake.services import submit

        intake = submit(
            by=INJECTOR,
            title=payload["title"],
            text=payload["text"],
            source=payload["source"],
            language=payload["language"],
            published=day,
            **_marking(payload),
        )
        return f"core.Document {intake.document.pk}", intake.document
    if inject.kind == InjectKind.INCIDENT:
        from marsad.ceasefire.services.incidents import record_incident

        names = (
            "event_type",
            "sub_event_type",
            "place",
            "pcode",
            "actor1",
            "actor1_ref",
            "actor2",
            "actor2_ref",
            "description_ar",
            "description_en",
            "fatalities",
            "verification",
            "reported_by",
        )
        incident = record_incident(
            by=INJECTOR, event_date=day, **_pick(payload, names), **_marking(payload)
        )
        return f"ceasefire.Incident {incident.pk}", None
    if inject.kind == InjectKind.CROSSING_STATUS:
        from marsad.access.services.timeline import record_status

        names = ("crossing", "state", "reason_ar", "reason_en", "authority")
        step = record_status(by=INJECTOR, on=day, **_pick(payload, names), **_marking(payload))
        return f"access.AccessStatus {step.pk}", None
    if inject.kind == InjectKind.PLEDGE:
        from marsad.coalition.services import record_pledge

        names = ("nation", "body", "quantity", "unit", "status", "conditions")
        pledge = record_pledge(
            by=INJECTOR,
            kind=payload["pledge_kind"],
            announced=day,
            **_pick(payload, names),
            **_marking(payload),
        )
        return f"coalition.Pledge {pledge.pk}", None
    from marsad.statements.services import record_statement

    names = (
        "speaker",
        "topic",
        "stance",
        "refusal",
        "quote",
        "quote_language",
        "calls_for_ar",
        "calls_for_en",
    )
    statement = record_statement(by=INJECTOR, on=day, **_pick(payload, names), **_marking(payload))
    return f"statements.Statement {statement.pk}", None
