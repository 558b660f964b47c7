"""Writes of incidents: recorded in ACLED's shape, then verified with a reason and claims."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.ceasefire import transitions
from marsad.ceasefire.models import Incident
from marsad.ceasefire.places import governorates, h3_cells
from marsad.ceasefire.vocabulary import Verification
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer
from marsad.core.services.inputs import choice, governorate, parse_date, parse_quantity
from marsad.datasets.acled_codebook import EVENT_TYPES
from marsad.extraction.numerals import to_latin_digits


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


def reason_given(reason: str) -> str:
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
    text = reason_given(reason)
    added = lookups.claims(by, claims)
    if new in transitions.NEEDS_CLAIM and not added:
        raise InvalidInput.one("claims", [], f"'{new}' needs at least one supporting claim")
    incident.verification, incident.verification_reason = new, text
    return gate.store(incident, by=by, claims=added, change_reason=text)
