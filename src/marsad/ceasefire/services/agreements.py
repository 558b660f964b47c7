"""Writes of ceasefire agreements, their phases (which may not overlap) and clauses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.ceasefire.models import Agreement, Clause, Phase
from marsad.core.errors import InvalidInput
from marsad.core.releasability import readable
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, require_writer
from marsad.core.services.inputs import parse_date, parse_quantity


@transaction.atomic
def create_agreement(
    *,
    by: Any,
    actor_key: Any,
    effective: Any,
    parties: Iterable[Any] = (),
    mediators: Iterable[Any] = (),
    summary_ar: str = "",
    summary_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Agreement:
    """Record a ceasefire agreement with its parties, mediators and date of effect."""
    require_writer(by)
    subject = lookups.actor(by, actor_key, "actor", ["agreement"])
    gate.check_unique(
        by,
        Agreement.objects.filter(actor=subject),
        "actor",
        subject.key,
        "this agreement is recorded already",
    )
    day = parse_date(effective, "effective")
    if day is None:
        raise InvalidInput.one("effective", effective, "the date of effect is required")
    agreement = Agreement(
        actor=subject, effective=day, summary_ar=summary_ar.strip(), summary_en=summary_en.strip()
    )
    gate.store(
        agreement,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        parties=lookups.actors(by, parties, "parties"),
        mediators=lookups.actors(by, mediators, "mediators"),
    )
    return agreement


@transaction.atomic
def create_phase(
    *,
    by: Any,
    agreement: Agreement,
    number: Any,
    name_ar: str,
    name_en: str,
    starts: Any,
    ends: Any = None,
    conditions_ar: str = "",
    conditions_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Phase:
    """Record a phase of an agreement; phases of one agreement may not overlap."""
    require_writer(by)
    start = parse_date(starts, "starts")
    if start is None:
        raise InvalidInput.one("starts", starts, "the start date is required")
    if start < agreement.effective:
        raise InvalidInput.one(
            "starts",
            start.isoformat(),
            f"is before the agreement took effect ({agreement.effective})",
        )
    phase = Phase(
        agreement=agreement,
        number=parse_quantity(number, "number", required=True),
        name_ar=name_ar.strip(),
        name_en=name_en.strip(),
        starts=start,
        ends=parse_date(ends, "ends"),
        conditions_ar=conditions_ar.strip(),
        conditions_en=conditions_en.strip(),
    )
    overlapping = [
        other
        for other in Phase.objects.filter(agreement=agreement)
        if (other.ends is None or other.ends > start)
        and (phase.ends is None or phase.ends > other.starts)
    ]
    for other in overlapping:
        if readable(by, other):
            raise InvalidInput.one(
                "starts",
                start.isoformat(),
                f"overlaps phase {other.number} ({other.starts}–{other.ends or '…'})",
            )
    gate.store(
        phase,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    for other in overlapping:
        gate.queue_conflict(
            by=by,
            record=phase,
            other=other,
            field="starts",
            reason=f"phase {phase.number} ({phase.starts}–{phase.ends or '…'}) overlaps phase "
            f"{other.number} ({other.starts}–{other.ends or '…'})",
        )
    return phase


@transaction.atomic
def create_clause(
    *,
    by: Any,
    agreement: Agreement,
    ref: str,
    text_ar: str,
    text_en: str,
    phase: Phase | None = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Clause:
    """Record a clause that a violation can be linked to."""
    require_writer(by)
    if phase is not None and phase.agreement_id != agreement.pk:
        raise InvalidInput.one("phase", phase.number, "belongs to another agreement")
    clause = Clause(
        agreement=agreement,
        phase=phase,
        ref=ref.strip(),
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    gate.store(
        clause,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return clause


def phase_on(user: Writer, agreement: Agreement, day: Any) -> Phase | None:
    """The phase of the agreement in force on `day`, among those `user` may read."""
    for phase in Phase.objects.visible_to(user).filter(agreement=agreement).order_by("starts"):
        if phase.starts <= day and (phase.ends is None or day < phase.ends):
            return phase
    return None
