"""Writes of consignments, access incidents and the mandate's protection of corridors."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.access import transitions
from marsad.access.models import AccessIncident, Consignment, Corridor, CorridorProtection, Crossing
from marsad.access.services.base import number, require_access_writer
from marsad.access.services.places import corridor_by_key, crossing_by_key
from marsad.access.vocabulary import AccessCategory, CargoCategory, ConsignmentStatus, Unit
from marsad.ceasefire.vocabulary import Verification
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.inputs import choice, parse_date, parse_quantity


@transaction.atomic
def record_consignment(
    *,
    by: Any,
    day: Any,
    crossing: Crossing | str,
    category: str,
    trucks: Any = None,
    quantity: Any = None,
    unit: str = "",
    tons: Any = None,
    status: str = "entered",
    corridor: Corridor | str | None = None,
    description: str = "",
    donor: str = "",
    donation_type: str = "",
    destination: str = "",
    reported_by: str = "",
    note: str = "",
    key: str = "",
    imported_from: str = "",
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Consignment:
    """Record trucks and their load through a crossing on a day. A load given in tons is also
    its tonnage."""
    require_access_writer(by, marking)
    when = parse_date(day, "day")
    if when is None:
        raise InvalidInput.one("day", day, "the date is required")
    unit = choice(unit, "unit", ["", *Unit.values]) if unit else ""
    amount = number(quantity, "quantity")
    weight = number(tons, "tons")
    if weight is None and unit == Unit.TONS:
        weight = amount
    if parse_quantity(trucks, "trucks") is None and amount is None and weight is None:
        raise InvalidInput.one("trucks", trucks, "give trucks, a quantity or tons")
    key = key.strip() or f"MARSAD-{uuid.uuid4().hex[:12]}"
    gate.check_unique(
        by,
        Consignment.objects.filter(key=key),
        "key",
        key,
        "a consignment has this identifier already",
    )
    consignment = Consignment(
        key=key,
        day=when,
        crossing=crossing_by_key(by, crossing),
        corridor=corridor_by_key(by, corridor) if corridor else None,
        category=choice(category, "category", CargoCategory.values),
        category_raw="",
        description=description.strip(),
        donor=donor.strip(),
        donation_type=donation_type.strip(),
        trucks=parse_quantity(trucks, "trucks"),
        quantity=amount,
        unit=unit,
        tons=weight,
        status=choice(status, "status", ConsignmentStatus.values),
        destination=destination.strip(),
        reported_by=reported_by.strip(),
        imported_from=imported_from.strip(),
        note=note.strip(),
    )
    gate.store(
        consignment,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return consignment


@transaction.atomic
def set_consignment_status(
    *, by: Any, consignment: Consignment, status: str, claims: Iterable[Any] = ()
) -> Consignment:
    """Move a consignment along requested, approved, entered, delivered (or denied,
    intercepted); a move that makes no sense is refused."""
    require_access_writer(by, consignment.marking)
    consignment = Consignment.objects.select_for_update().get(pk=consignment.pk)
    status = choice(status, "status", ConsignmentStatus.values)
    why = transitions.consignment_refusal(consignment.status, status)
    if why:
        raise InvalidInput.one("status", status, why)
    consignment.status = status
    return gate.store(consignment, by=by, claims=claims)


@transaction.atomic
def record_access_incident(
    *,
    by: Any,
    day: Any,
    category: str,
    crossing: Crossing | str | None = None,
    corridor: Corridor | str | None = None,
    actor_key: Any = None,
    latitude: Any = None,
    longitude: Any = None,
    trucks_affected: Any = None,
    description_ar: str = "",
    description_en: str = "",
    reported_by: str = "",
    verification: str = "reported",
    imported_from: str = "",
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> AccessIncident:
    """Record something that impeded access, in an OCHA access-monitoring category, at a
    crossing, on a corridor or at a point."""
    require_access_writer(by, marking)
    when = parse_date(day, "day")
    if when is None:
        raise InvalidInput.one("day", day, "the date is required")
    if not (description_ar.strip() or description_en.strip()):
        raise InvalidInput.one("description_en", "", "describe the incident in Arabic or English")
    incident = AccessIncident(
        day=when,
        category=choice(category, "category", AccessCategory.values),
        crossing=crossing_by_key(by, crossing) if crossing else None,
        corridor=corridor_by_key(by, corridor) if corridor else None,
        actor=lookups.actor(by, actor_key, "actor") if actor_key else None,
        latitude=number(latitude, "latitude", limit=90),
        longitude=number(longitude, "longitude", limit=180),
        trucks_affected=parse_quantity(trucks_affected, "trucks_affected"),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        reported_by=reported_by.strip(),
        verification=choice(verification, "verification", Verification.values),
        imported_from=imported_from.strip(),
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


@transaction.atomic
def protect_corridor(
    *,
    by: Any,
    task: Any,
    corridor: Corridor | str,
    since: Any = None,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> CorridorProtection:
    """Record that a task of the force's mandate protects a corridor."""
    require_access_writer(by, marking)
    target = corridor_by_key(by, corridor)
    gate.check_unique(
        by,
        CorridorProtection.objects.filter(task=task, corridor=target),
        "task",
        task.code,
        "already protects this corridor",
    )
    protection = CorridorProtection(
        task=task,
        corridor=target,
        since=parse_date(since, "since"),
        note_ar=note_ar.strip(),
        note_en=note_en.strip(),
    )
    gate.store(
        protection,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return protection
