"""Writes of crossings and corridors, and the reference crossings Marsad knows."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db import transaction

from marsad.access.models import Corridor, Crossing, route_problem
from marsad.access.services.base import names, number, require_access_writer
from marsad.access.vocabulary import CrossingKind
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor
from marsad.core.releasability import within
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, lock_writes
from marsad.core.services.inputs import choice
from marsad.geo.distance import project_geometry

REFERENCE = Path(__file__).resolve().parents[1] / "crossings.toml"


@transaction.atomic
def create_crossing(
    *,
    by: Any,
    key: str,
    kind: str,
    name_ar: str,
    name_en: str,
    aliases_ar: Iterable[str] = (),
    aliases_en: Iterable[str] = (),
    place: Any = None,
    latitude: Any = None,
    longitude: Any = None,
    location_note_ar: str = "",
    location_note_en: str = "",
    description_ar: str = "",
    description_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Crossing:
    """Record a crossing under its canonical identifier."""
    require_access_writer(by, marking)
    key = key.strip().upper()
    gate.check_unique(
        by, Crossing.objects.filter(key=key), "key", key, "this crossing is recorded already"
    )
    crossing = Crossing(
        key=key,
        kind=choice(kind, "kind", CrossingKind.values),
        place=lookups.actor(by, place, "place", ["place"]) if place else None,
        name_ar=name_ar.strip(),
        name_en=name_en.strip(),
        aliases_ar=names(aliases_ar),
        aliases_en=names(aliases_en),
        latitude=number(latitude, "latitude", limit=90),
        longitude=number(longitude, "longitude", limit=180),
        location_note_ar=location_note_ar.strip(),
        location_note_en=location_note_en.strip(),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
    )
    gate.store(
        crossing,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return crossing


def reference_crossings() -> list[dict[str, Any]]:
    """The crossings Marsad knows (crossings.toml), as specs for `create_crossing`."""
    data = tomllib.loads(REFERENCE.read_text(encoding="utf-8"))
    return list(data["crossing"])


@transaction.atomic
def ensure_crossings(*, by: Any) -> list[Crossing]:
    """Record the reference crossings that are missing, each linked to the public place actor of
    its key when there is one; link a place to a crossing recorded before its actor existed.
    Twice changes nothing."""
    lock_writes()
    made = []
    existing = {c.key: c for c in Crossing.objects.visible_to(by)}
    places = {
        a.key: a
        for a in Actor.objects.visible_to(by).filter(
            kind="place", key__in=[s["key"] for s in reference_crossings()]
        )
    }
    for spec in reference_crossings():
        place = places.get(spec["key"])
        if place is not None and not within(("public", []), (place.marking, place.nations)):
            place = None
        crossing = existing.get(spec["key"])
        if crossing is None:
            made.append(create_crossing(by=by, place=place, marking="public", **spec))
        elif crossing.place_id is None and place is not None:
            crossing.place = place
            gate.store(crossing, by=by)
    return made


def _route_length_km(route: dict[str, Any]) -> float:
    return round(float(project_geometry(route).length) / 1000, 2)


@transaction.atomic
def create_corridor(
    *,
    by: Any,
    key: str,
    crossing: Crossing | str,
    name_ar: str,
    name_en: str,
    route: dict[str, Any],
    destinations_ar: str = "",
    destinations_en: str = "",
    route_note_ar: str = "",
    route_note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Corridor:
    """Record a corridor: a route (GeoJSON LineString in degrees) from a crossing into Gaza."""
    require_access_writer(by, marking)
    key = key.strip().upper()
    gate.check_unique(
        by, Corridor.objects.filter(key=key), "key", key, "this corridor is recorded already"
    )
    corridor = Corridor(
        key=key,
        crossing=crossing_by_key(by, crossing),
        name_ar=name_ar.strip(),
        name_en=name_en.strip(),
        destinations_ar=destinations_ar.strip(),
        destinations_en=destinations_en.strip(),
        route=route,
        route_note_ar=route_note_ar.strip(),
        route_note_en=route_note_en.strip(),
    )
    problem = route_problem(route)
    if problem:
        raise InvalidInput.one("route", route, problem)
    corridor.length_km = _route_length_km(route)
    gate.store(
        corridor,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return corridor


def crossing_by_key(user: Writer, value: Crossing | str, field: str = "crossing") -> Crossing:
    return lookups.by_key(user, Crossing, value, field, "crossing")


def corridor_by_key(user: Writer, value: Corridor | str, field: str = "corridor") -> Corridor:
    return lookups.by_key(user, Corridor, value, field, "corridor")
