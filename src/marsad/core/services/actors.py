"""Recording actors and sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, ActorKind, Reliability, Source, SourceKind
from marsad.core.releasability import ISO3, decode_nations, within
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer

KEY = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,63}$")
GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


def _clean_key(key: str, field: str = "key") -> str:
    key = (key or "").strip().upper()
    if not KEY.match(key):
        raise InvalidInput.one(field, key, "use upper-case letters, digits and hyphens")
    return key


def _aliases(values: Iterable[str] | None) -> list[str]:
    return sorted({v.strip() for v in (values or []) if v and v.strip()})


def _check_geometry(geometry: Any) -> None:
    if geometry is None:
        return
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        raise InvalidInput.one(
            "geometry", geometry, "must be a GeoJSON geometry (" + ", ".join(GEOMETRY_TYPES) + ")"
        )
    if not isinstance(geometry.get("coordinates"), list):
        raise InvalidInput.one("geometry", geometry, "has no coordinates")


@transaction.atomic
def create_actor(
    *,
    by: Any,
    key: str,
    kind: str,
    name_ar: str,
    name_en: str,
    aliases_ar: Iterable[str] = (),
    aliases_en: Iterable[str] = (),
    description_ar: str = "",
    description_en: str = "",
    iso3: str = "",
    pcode: str = "",
    geometry: dict[str, Any] | None = None,
    parent: str = "",
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Actor:
    """Record a new actor with its Arabic and English names."""
    require_writer(by)
    key = _clean_key(key)
    gate.check_unique(
        by,
        Actor.objects.filter(key=key),
        "key",
        key,
        "an actor with this identifier exists already",
    )
    if kind not in ActorKind.values:
        raise InvalidInput.one("kind", kind, "must be one of " + ", ".join(ActorKind.values))
    iso3 = (iso3 or "").strip().upper()
    if kind == ActorKind.STATE and not ISO3.match(iso3):
        raise InvalidInput.one("iso3", iso3, "a state needs its ISO 3166 alpha-3 code")
    if iso3 and kind != ActorKind.STATE:
        raise InvalidInput.one("iso3", iso3, "only states carry an ISO alpha-3 code")
    _check_geometry(geometry)
    actor = Actor(
        key=key,
        kind=kind,
        name_ar=(name_ar or "").strip(),
        name_en=(name_en or "").strip(),
        aliases_ar=_aliases(aliases_ar),
        aliases_en=_aliases(aliases_en),
        description_ar=description_ar.strip(),
        description_en=description_en.strip(),
        iso3=iso3,
        pcode=(pcode or "").strip().upper(),
        geometry=geometry,
        parent=lookups.actor(by, parent, "parent") if parent else None,
    )
    return gate.store(actor, by=by, marking=marking, releasable_to=releasable_to)


UPDATABLE_ACTOR_FIELDS = (
    "name_ar",
    "name_en",
    "aliases_ar",
    "aliases_en",
    "description_ar",
    "description_en",
    "pcode",
    "geometry",
)


@transaction.atomic
def update_actor(*, by: Any, actor: Actor, **changes: Any) -> Actor:
    """Change an actor's names, aliases, descriptions, P-code or geometry."""
    require_writer(by)
    unknown = set(changes) - set(UPDATABLE_ACTOR_FIELDS)
    if unknown:
        raise InvalidInput.one(sorted(unknown)[0], changes[sorted(unknown)[0]], "cannot be changed")
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    if "geometry" in changes:
        _check_geometry(changes["geometry"])
    for field, value in changes.items():
        if field.startswith("aliases"):
            value = _aliases(value)
        setattr(actor, field, value)
    return gate.store(actor, by=by)


@transaction.atomic
def create_source(
    *,
    by: Any,
    key: str,
    name_ar: str,
    name_en: str,
    kind: str,
    reliability: str = "F",
    actor: str = "",
    url: str = "",
    marking: str = "",
    releasable_to: Iterable[str] = (),
    grading_note_ar: str = "",
    grading_note_en: str = "",
) -> Source:
    """Record an outlet, office or channel with its default Admiralty reliability (A-F) and,
    optionally, why that letter."""
    require_writer(by)
    key = _clean_key(key)
    gate.check_unique(
        by,
        Source.objects.filter(key=key),
        "key",
        key,
        "a source with this identifier exists already",
    )
    if kind not in SourceKind.values:
        raise InvalidInput.one("kind", kind, "must be one of " + ", ".join(SourceKind.values))
    reliability = (reliability or "").strip().upper()
    if reliability not in Reliability.values:
        raise InvalidInput.one("reliability", reliability, "must be an Admiralty letter A-F")
    source = Source(
        key=key,
        name_ar=(name_ar or "").strip(),
        name_en=(name_en or "").strip(),
        kind=kind,
        reliability=reliability,
        actor=lookups.actor(by, actor, "actor") if actor else None,
        url=url,
        grading_note_ar=(grading_note_ar or "").strip(),
        grading_note_en=(grading_note_en or "").strip(),
    )
    return gate.store(source, by=by, marking=marking, releasable_to=releasable_to)


def check_source_reach(source: Source, *, marking: str, nations: str) -> None:
    """Rows marked `marking` (nations as stored) may rest on `source` only if every reader of
    the rows may read the source too."""
    if not within((marking, decode_nations(nations)), (source.marking, source.nations)):
        raise InvalidInput.one(
            "marking", marking, f"source '{source.key}' is marked '{source.marking or 'unmarked'}'"
        )


def import_source(*, by: Any, spec: dict[str, Any], marking: str, nations: str) -> Source:
    """The graded source a bulk import attributes its rows to, found by `spec["key"]`. When it
    is missing it is recorded, public, from `spec` (create_source's arguments; its actor only
    if that actor is recorded); a source already recorded keeps the grading analysts gave it."""
    source = Source.objects.visible_to(by).filter(key=spec["key"]).first()
    if source is None:
        actor = spec.get("actor", "")
        if actor and not Actor.objects.visible_to(by).filter(key=actor).exists():
            actor = ""
        source = create_source(by=by, **{**spec, "actor": actor, "marking": "public"})
    check_source_reach(source, marking=marking, nations=nations)
    return source
