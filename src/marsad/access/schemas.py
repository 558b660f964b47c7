"""API shapes of humanitarian access."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.core.schemas import RecordIn, RecordOut, SourceRefOut, imported_source


class CrossingOut(RecordOut):
    key: str
    kind: str
    place: str | None
    name_ar: str
    name_en: str
    aliases_ar: list[str]
    aliases_en: list[str]
    latitude: float | None
    longitude: float | None
    location_note_ar: str
    location_note_en: str

    @staticmethod
    def resolve_place(obj: Any) -> str | None:
        return obj.place.key if obj.place_id else None


class CorridorOut(RecordOut):
    key: str
    crossing: str
    name_ar: str
    name_en: str
    destinations_ar: str
    destinations_en: str
    route: dict[str, Any]
    length_km: float
    route_note_ar: str
    route_note_en: str
    protected_by: list[str]

    @staticmethod
    def resolve_crossing(obj: Any) -> str:
        return obj.crossing.key

    @staticmethod
    def resolve_protected_by(obj: Any, context: Any) -> list[str]:
        user = context["request"].auth
        return [p.task.code for p in obj.protections.visible_to(user).select_related("task")]


class CrossingStatusOut(RecordOut):
    crossing: str | None
    corridor: str | None
    state: str
    valid_from: date
    valid_to: date | None
    expected: bool
    reason_ar: str
    reason_en: str
    authority: str | None

    @staticmethod
    def resolve_crossing(obj: Any) -> str | None:
        return obj.crossing.key if obj.crossing_id else None

    @staticmethod
    def resolve_corridor(obj: Any) -> str | None:
        return obj.corridor.key if obj.corridor_id else None

    @staticmethod
    def resolve_authority(obj: Any) -> str | None:
        return obj.authority.key if obj.authority_id else None


class CrossingStatusIn(RecordIn):
    crossing: str | None = Field(None, description="identifier of the crossing, or give corridor")
    corridor: str | None = None
    state: str = Field(description="open, restricted, closed or reopened")
    on: str = Field(description="YYYY-MM-DD, the first day of the step")
    expected: bool = Field(False, description="reported as coming, not in effect")
    reason_ar: str = ""
    reason_en: str = ""
    authority: str | None = Field(None, description="identifier of the deciding actor")
    marking: str = "public"


class StatusOnOut(Schema):
    on: date
    known_on: datetime | None = None
    statuses: dict[str, CrossingStatusOut]


class ConsignmentOut(RecordOut):
    key: str
    day: date
    crossing: str
    corridor: str | None
    category: str
    category_raw: str
    description: str
    donor: str
    donation_type: str
    trucks: int | None
    quantity: float | None
    unit: str
    unit_raw: str
    tons: float | None
    status: str
    destination: str
    reported_by: str
    imported_from: str
    line: int | None
    source: SourceRefOut | None = Field(description="the graded source it was imported from")
    source_row: int | None = Field(description="its line in the imported file (as `line`)")

    @staticmethod
    def resolve_source(obj: Any, context: Any) -> SourceRefOut | None:
        return imported_source(obj, context)

    @staticmethod
    def resolve_crossing(obj: Any) -> str:
        return obj.crossing.key

    @staticmethod
    def resolve_corridor(obj: Any) -> str | None:
        return obj.corridor.key if obj.corridor_id else None


class ConsignmentIn(RecordIn):
    day: str
    crossing: str
    category: str
    trucks: int | str | None = None
    quantity: float | str | None = None
    unit: str = ""
    tons: float | str | None = None
    status: str = "entered"
    corridor: str | None = None
    description: str = ""
    donor: str = ""
    donation_type: str = ""
    destination: str = ""
    reported_by: str = ""
    note: str = ""
    marking: str = "public"


class ConsignmentStatusIn(Schema):
    status: str
    claims: list[int] = []


class AccessIncidentOut(RecordOut):
    day: date
    category: str
    crossing: str | None
    corridor: str | None
    actor: str | None
    latitude: float | None
    longitude: float | None
    trucks_affected: int | None
    description_ar: str
    description_en: str
    reported_by: str
    verification: str

    @staticmethod
    def resolve_crossing(obj: Any) -> str | None:
        return obj.crossing.key if obj.crossing_id else None

    @staticmethod
    def resolve_corridor(obj: Any) -> str | None:
        return obj.corridor.key if obj.corridor_id else None

    @staticmethod
    def resolve_actor(obj: Any) -> str | None:
        return obj.actor.key if obj.actor_id else None


class AccessIncidentIn(RecordIn):
    day: str
    category: str
    crossing: str | None = None
    corridor: str | None = None
    actor: str | None = None
    latitude: float | str | None = None
    longitude: float | str | None = None
    trucks_affected: int | str | None = None
    description_ar: str = ""
    description_en: str = ""
    reported_by: str = ""
    verification: str = "reported"
    marking: str = "public"


class ProtectionIn(RecordIn):
    task: str = Field(description="code of the task of the force, e.g. humanitarian_corridors")
    force: str = "ISF"
    since: str | None = None
    note_ar: str = ""
    note_en: str = ""
    marking: str = "public"


class NearIncidentOut(Schema):
    id: int
    day: date
    event_type: str
    sub_event_type: str
    fatalities: int | None
    distance_m: float


class DriverOut(Schema):
    incident: NearIncidentOut
    weight: float
    share: float


class RiskOut(Schema):
    level: str
    score: float
    incidents: int
    fatalities: int
    metres: float
    drivers: list[DriverOut]
    by_type: dict[str, int]


class NearbyOut(Schema):
    corridor: str
    metres: float
    start: date | None
    end: date | None
    risk: RiskOut
    incidents: list[NearIncidentOut]


class TonnageOut(Schema):
    tons: float
    records: int
    unknown: int


class FiguresOut(Schema):
    start: date | None
    end: date | None
    trucks_per_day: dict[str, list[tuple[date, int]]]
    tonnage_by_category: dict[str, TonnageOut]


class ComparisonDayOut(Schema):
    day: date
    first: int
    second: int
    difference: int


class ComparisonOut(Schema):
    first: str
    second: str
    days_compared: int
    total_first: int
    total_second: int
    difference: int
    relative: float | None
    days_second_higher: int
    days_first_higher: int
    only_first: list[date]
    only_second: list[date]
    statement: str
    days: list[ComparisonDayOut]


class OpenShareOut(Schema):
    key: str
    start: date
    end: date
    days: int
    by_state: dict[str, int]
    share_open: float | None
    share_open_or_restricted: float | None


class CrossingIn(RecordIn):
    key: str = Field(description="the crossing's identifier, e.g. CROSSING-ZIKIM")
    kind: str = Field(description="land, maritime, air or aggregate")
    name_ar: str
    name_en: str
    aliases_ar: list[str] = []
    aliases_en: list[str] = []
    place: str | None = Field(None, description="identifier of the place it lies in")
    latitude: float | str | None = None
    longitude: float | str | None = None
    location_note_ar: str = ""
    location_note_en: str = ""
    description_ar: str = ""
    description_en: str = ""
    marking: str = "public"


class CorridorIn(RecordIn):
    key: str
    crossing: str = Field(description="identifier of the crossing it starts from")
    name_ar: str
    name_en: str
    route: dict[str, Any] = Field(description="GeoJSON LineString in degrees")
    destinations_ar: str = ""
    destinations_en: str = ""
    route_note_ar: str = ""
    route_note_en: str = ""
    marking: str = "public"
