"""Writes of the ceasefire: agreements, phases, clauses, incidents, casualty figures and
violations. Imports of whole files are in `imports.py`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.ceasefire import transitions
from marsad.ceasefire.models import (
    Agreement,
    CasualtyFigure,
    Clause,
    Incident,
    Phase,
    Violation,
)
from marsad.ceasefire.places import governorates, h3_cells
from marsad.ceasefire.vocabulary import Determination, Verification
from marsad.core.errors import InvalidInput
from marsad.core.releasability import readable
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, require_writer
from marsad.core.services.inputs import choice, governorate, parse_date, parse_quantity
from marsad.datasets.acled_codebook import EVENT_TYPES
from marsad.extraction.numerals import to_latin_digits


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


def check_event_type(event_type: str, sub_event_type: str) -> None:
    choice(event_type, "event_type", EVENT_TYPES)
    allowed = EVENT_TYPES[event_type]
    if sub_event_type not in allowed:
        raise InvalidInput.one(
            "sub_event_type",
            sub_event_type,
            f"is not a sub-event of '{event_type}': " + ", ".join(allowed),
        )


@transaction.atomic
def record_incident(
    *,
    by: Any,
    event_date: Any,
    event_type: str,
    sub_event_type: str,
    time_precision: Any = 1,
    actor1: str = "",
    actor1_ref: Any = None,
    inter1: str = "",
    actor2: str = "",
    actor2_ref: Any = None,
    inter2: str = "",
    place: Any = None,
    pcode: str = "",
    location: str = "",
    latitude: Any = None,
    longitude: Any = None,
    geo_precision: Any = 1,
    description_ar: str = "",
    description_en: str = "",
    fatalities: Any = None,
    verification: str = "reported",
    reported_by: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Incident:
    """Record one incident. Its governorate comes from its coordinates, else its place, else the
    governorate's P-code given; coordinates at sea are kept with no governorate."""
    require_writer(by)
    day = parse_date(event_date, "event_date")
    if day is None:
        raise InvalidInput.one("event_date", event_date, "the date is required")
    check_event_type(event_type, sub_event_type)
    lat, lon = _coordinate(latitude, "latitude", 90), _coordinate(longitude, "longitude", 180)
    if (lat is None) != (lon is None):
        raise InvalidInput.one(
            "longitude" if lon is None else "latitude",
            None,
            "give both latitude and longitude, or neither",
        )
    where = lookups.actor(by, place, "place", ["place"]) if place else None
    if lat is not None:
        pcode = governorates([(lat, lon)])[0]
    elif where is not None:
        pcode = where.pcode
    elif pcode:
        pcode = governorate(pcode)
    cells = h3_cells(lat, lon)
    incident = Incident(
        event_id=f"MARSAD-{uuid.uuid4().hex[:12]}",
        event_date=day,
        time_precision=parse_quantity(time_precision, "time_precision", required=True),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1.strip(),
        actor1_ref=lookups.actor(by, actor1_ref, "actor1_ref") if actor1_ref else None,
        inter1=inter1.strip(),
        actor2=actor2.strip(),
        actor2_ref=lookups.actor(by, actor2_ref, "actor2_ref") if actor2_ref else None,
        inter2=inter2.strip(),
        place=where,
        location=location.strip(),
        pcode=pcode,
        latitude=lat,
        longitude=lon,
        h3_6=cells[0],
        h3_8=cells[1],
        geo_precision=parse_quantity(geo_precision, "geo_precision", required=True),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        fatalities=parse_quantity(fatalities, "fatalities"),
        verification=choice(verification, "verification", Verification.values),
        reported_by=reported_by.strip(),
    )
    gate.store(
        incident,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return incident


def _coordinate(value: Any, field: str, limit: int) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(to_latin_digits(str(value)).replace("٫", ".").strip())
    except ValueError:
        raise InvalidInput.one(field, value, "must be a number in decimal degrees") from None
    if not -limit <= number <= limit:
        raise InvalidInput.one(field, value, f"must lie between -{limit} and {limit}")
    return number


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise InvalidInput.one("reason", reason, "say why: the reason is kept with the change")
    return text


@transaction.atomic
def set_verification(
    *, by: Any, incident: Incident, verification: str, reason: str, claims: Iterable[Any] = ()
) -> Incident:
    """Move an incident between reported, corroborated, verified, disputed and false, with the
    reason and the claims it rests on (see transitions.py for what may follow what)."""
    require_writer(by)
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    new = choice(verification, "verification", Verification.values)
    why = transitions.verification_refusal(incident.verification, new)
    if why:
        raise InvalidInput.one("verification", new, why)
    text = _reason(reason)
    added = lookups.claims(by, claims)
    if new in transitions.NEEDS_CLAIM and not added:
        raise InvalidInput.one("claims", [], f"'{new}' needs at least one supporting claim")
    incident.verification, incident.verification_reason = new, text
    return gate.store(incident, by=by, claims=added, change_reason=text)


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
    text = _reason(reason)
    added = lookups.claims(by, claims)
    if new in transitions.NEEDS_CLAIM and not added:
        raise InvalidInput.one("claims", [], f"'{new}' needs at least one supporting claim")
    violation.determination, violation.determination_reason = new, text
    return gate.store(violation, by=by, claims=added, change_reason=text)


@transaction.atomic
def record_figure(
    *,
    by: Any,
    source: Any,
    reported_on: Any,
    incident: Incident | None = None,
    period_start: Any = None,
    period_end: Any = None,
    area: str = "",
    killed: Any = None,
    killed_low: Any = None,
    killed_high: Any = None,
    injured: Any = None,
    injured_low: Any = None,
    injured_high: Any = None,
    civilians: Any = None,
    children: Any = None,
    women: Any = None,
    wording: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> CasualtyFigure:
    """Record killed and injured as one source gives them; other sources' figures stay."""
    require_writer(by)
    reported = parse_date(reported_on, "reported_on")
    if reported is None:
        raise InvalidInput.one("reported_on", reported_on, "the date of the report is required")
    figure = CasualtyFigure(
        incident=incident,
        period_start=parse_date(period_start, "period_start"),
        period_end=parse_date(period_end, "period_end"),
        area=area.strip().upper(),
        source=lookups.source(by, source),
        reported_on=reported,
        killed_low=parse_quantity(killed_low, "killed_low"),
        killed_best=parse_quantity(killed, "killed"),
        killed_high=parse_quantity(killed_high, "killed_high"),
        injured_low=parse_quantity(injured_low, "injured_low"),
        injured_best=parse_quantity(injured, "injured"),
        injured_high=parse_quantity(injured_high, "injured_high"),
        civilians=parse_quantity(civilians, "civilians"),
        children=parse_quantity(children, "children"),
        women=parse_quantity(women, "women"),
        wording=wording.strip(),
    )
    if figure.killed_best is None and figure.injured_best is None:
        raise InvalidInput.one("killed", None, "give at least killed or injured")
    gate.store(
        figure,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return figure


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


def phase_on(user: Writer, agreement: Agreement, day: Any) -> Phase | None:
    """The phase of the agreement in force on `day`, among those `user` may read."""
    for phase in Phase.objects.visible_to(user).filter(agreement=agreement).order_by("starts"):
        if phase.starts <= day and (phase.ends is None or day < phase.ends):
            return phase
    return None
