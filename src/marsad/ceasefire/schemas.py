"""API shapes of the ceasefire."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.core.schemas import RecordIn, RecordOut, SourceRefOut, imported_source


class PhaseOut(RecordOut):
    number: int
    name_ar: str
    name_en: str
    starts: date
    ends: date | None
    conditions_ar: str
    conditions_en: str


class AgreementOut(RecordOut):
    actor: str
    effective: date
    parties: list[str]
    phases: list[PhaseOut]

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return obj.actor.key

    @staticmethod
    def resolve_parties(obj: Any) -> list[str]:
        return [a.key for a in obj.parties.all()]

    @staticmethod
    def resolve_phases(obj: Any, context: Any) -> list[Any]:
        return list(obj.phases.visible_to(context["request"].auth).order_by("number"))


class IncidentOut(RecordOut):
    event_id: str
    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor1_ref: str | None
    inter1: str
    actor2: str
    actor2_ref: str | None
    inter2: str
    location: str
    pcode: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    offshore: bool
    description_ar: str
    description_en: str
    fatalities: int | None = Field(description="the count coded on the incident")
    toll: int | None = Field(
        None,
        description="the most conservative of the coded count and each source's figure, as the "
        "pages and exports show it",
    )
    verification: str
    verification_reason: str
    reported_by: str
    source: SourceRefOut | None = Field(description="the graded source it was imported from")
    source_row: int | None = Field(description="its line in the imported file")

    @staticmethod
    def resolve_toll(obj: Any) -> int | None:
        # An incident just written has no figure yet: its toll is its coded count.
        return getattr(obj, "toll", obj.fatalities)

    @staticmethod
    def resolve_source(obj: Any, context: Any) -> SourceRefOut | None:
        return imported_source(obj, context)

    @staticmethod
    def resolve_actor1_ref(obj: Any) -> str | None:
        return obj.actor1_ref.key if obj.actor1_ref_id else None

    @staticmethod
    def resolve_actor2_ref(obj: Any) -> str | None:
        return obj.actor2_ref.key if obj.actor2_ref_id else None

    @staticmethod
    def resolve_pcode(obj: Any) -> str | None:
        return obj.pcode or None


class IncidentIn(RecordIn):
    event_date: str
    event_type: str
    sub_event_type: str
    time_precision: int | str = 1
    actor1: str = ""
    actor1_ref: str | None = None
    inter1: str = ""
    actor2: str = ""
    actor2_ref: str | None = None
    inter2: str = ""
    place: str | None = None
    location: str = ""
    latitude: float | str | None = None
    longitude: float | str | None = None
    geo_precision: int | str = 1
    description_ar: str = ""
    description_en: str = ""
    fatalities: int | str | None = None
    verification: str = "reported"
    reported_by: str = ""


class FigureOut(RecordOut):
    incident: str | None
    period_start: date | None
    period_end: date | None
    area: str
    source: str
    reported_on: date
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None
    injured_low: int | None
    injured_best: int | None
    injured_high: int | None
    civilians: int | None
    children: int | None
    women: int | None
    wording: str

    @staticmethod
    def resolve_incident(obj: Any) -> str | None:
        return obj.incident.event_id if obj.incident_id else None

    @staticmethod
    def resolve_source(obj: Any) -> str:
        return obj.source.key


class FigureIn(RecordIn):
    source: str
    reported_on: str
    incident: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    area: str = ""
    killed: int | str | None = None
    killed_low: int | str | None = None
    killed_high: int | str | None = None
    injured: int | str | None = None
    injured_low: int | str | None = None
    injured_high: int | str | None = None
    civilians: int | str | None = None
    children: int | str | None = None
    women: int | str | None = None
    wording: str = ""


class ViolationOut(RecordOut):
    incident: int
    agreement: str
    phase: int | None
    clause: str | None
    accused: str
    accuser: str | None
    determination: str
    determination_reason: str
    note_ar: str
    note_en: str

    @staticmethod
    def resolve_incident(obj: Any) -> int:
        return obj.incident_id

    @staticmethod
    def resolve_agreement(obj: Any) -> str:
        return obj.agreement.actor.key

    @staticmethod
    def resolve_phase(obj: Any) -> int | None:
        return obj.phase.number if obj.phase_id else None

    @staticmethod
    def resolve_clause(obj: Any) -> str | None:
        return obj.clause.ref if obj.clause_id else None

    @staticmethod
    def resolve_accused(obj: Any) -> str:
        return obj.accused.key

    @staticmethod
    def resolve_accuser(obj: Any) -> str | None:
        return obj.accuser.key if obj.accuser_id else None


class ViolationIn(RecordIn):
    incident: int
    agreement: str = "GAZA-CEASEFIRE"
    phase: int | None = None
    clause: str | None = None
    accused: str
    accuser: str | None = None
    determination: str = "alleged"
    note_ar: str = ""
    note_en: str = ""


class SummaryOut(Schema):
    effective: date | None
    counted_from: date | None
    since_truce: bool
    until: date | None
    known_on: datetime | None = None
    killed_since_truce: list[dict[str, Any]]
    injured_since_truce: list[dict[str, Any]]
    per_phase: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


class VerificationIn(Schema):
    verification: str
    reason: str
    claims: list[int] = []


class DeterminationIn(Schema):
    determination: str
    reason: str
    claims: list[int] = []


class SourceSum(Schema):
    source: str
    figures: int
    killed: int | None
    injured: int | None


class BreakdownRow(Schema):
    key: str
    incidents: int
    killed_coded: int
    toll: int = Field(description="sum of the incidents' tolls, as the pages show them")
    by_source: list[SourceSum]


class BreakdownOut(Schema):
    group: str
    definitions: dict[str, str]
    rows: list[BreakdownRow]


class SeriesDay(Schema):
    date: date
    value: int


class DailySeriesOut(Schema):
    source: str
    source_name: str
    via: list[str]
    since: date
    until: date | None
    definition: str
    definitions: dict[str, str]
    days: list[SeriesDay]
