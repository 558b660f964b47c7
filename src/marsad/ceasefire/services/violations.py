"""Writes of violations: an incident linked to the agreement, phase and clause it allegedly
breaches, and the determination of the allegation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.ceasefire import transitions
from marsad.ceasefire.models import Agreement, Clause, Incident, Phase, Violation
from marsad.ceasefire.services.agreements import phase_on
from marsad.ceasefire.services.incidents import reason_given
from marsad.ceasefire.vocabulary import Determination, Verification
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer
from marsad.core.services.inputs import choice


@transaction.atomic
def set_determination(
    *, by: Any, violation: Violation, determination: str, reason: str, claims: Iterable[Any] = ()
) -> Violation:
    """Move a violation between alleged, confirmed and rejected, with the reason and the claims
    it rests on (see transitions.py)."""
    require_writer(by)
    violation = (
        Violation.objects.select_for_update().select_related("incident").get(pk=violation.pk)
    )
    new = choice(determination, "determination", Determination.values)
    why = transitions.determination_refusal(
        violation.determination,
        new,
        incident_false=violation.incident.verification == Verification.FALSE,
    )
    if why:
        raise InvalidInput.one("determination", new, why)
    text = reason_given(reason)
    added = lookups.claims(by, claims)
    if new in transitions.NEEDS_CLAIM and not added:
        raise InvalidInput.one("claims", [], f"'{new}' needs at least one supporting claim")
    violation.determination, violation.determination_reason = new, text
    return gate.store(violation, by=by, claims=added, change_reason=text)


@transaction.atomic
def record_violation(
    *,
    by: Any,
    incident: Incident,
    agreement: Agreement,
    accused: Any,
    accuser: Any = None,
    phase: Phase | None = None,
    clause: Clause | None = None,
    determination: str = "alleged",
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Violation:
    """Link an incident to the agreement (and phase, clause) it allegedly breaches."""
    require_writer(by)
    if incident.event_date < agreement.effective:
        raise InvalidInput.one(
            "incident",
            incident.event_id,
            f"happened on {incident.event_date}, before the agreement took effect "
            f"({agreement.effective})",
        )
    if phase is None:
        phase = phase_on(by, agreement, incident.event_date)
    elif phase.agreement_id != agreement.pk:
        raise InvalidInput.one("phase", phase.number, "belongs to another agreement")
    if clause is not None and clause.agreement_id != agreement.pk:
        raise InvalidInput.one("clause", clause.ref, "belongs to another agreement")
    violation = Violation(
        incident=incident,
        agreement=agreement,
        phase=phase,
        clause=clause,
        accused=lookups.actor(by, accused, "accused"),
        accuser=lookups.actor(by, accuser, "accuser") if accuser else None,
        determination=choice(determination, "determination", Determination.values),
        note_ar=note_ar.strip(),
        note_en=note_en.strip(),
    )
    gate.store(
        violation,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return violation
