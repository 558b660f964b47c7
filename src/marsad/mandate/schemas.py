"""API shapes of the mandate and force generation."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.core.schemas import RecordIn, RecordOut
from marsad.mandate.checks import breaches


class TaskOut(RecordOut):
    force: str
    code: str
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    legal_basis: str | None
    corridors: list[str] = []

    @staticmethod
    def resolve_force(obj: Any) -> str:
        return obj.force.key

    @staticmethod
    def resolve_corridors(obj: Any) -> list[str]:
        """The corridors the task protects, as the selector found them visible to the reader
        (a task just written has none yet)."""
        return [p.corridor.key for p in getattr(obj, "protections", [])]

    @staticmethod
    def resolve_legal_basis(obj: Any) -> str | None:
        return obj.legal_basis.actor.key if obj.legal_basis_id else None


class TaskIn(RecordIn):
    force: str = "ISF"
    code: str
    name_ar: str
    name_en: str
    description_ar: str = ""
    description_en: str = ""
    legal_basis: str | None = None


class LimitOut(RecordOut):
    force: str
    kind: str
    text_ar: str
    text_en: str

    @staticmethod
    def resolve_force(obj: Any) -> str:
        return obj.force.key


class LimitIn(RecordIn):
    force: str = "ISF"
    kind: str
    text_ar: str
    text_en: str


class RequirementOut(RecordOut):
    task: str
    capability: str
    quantity: int
    area: str | None
    combat: bool
    weight: float
    needed_from: date | None
    note_ar: str
    note_en: str

    @staticmethod
    def resolve_task(obj: Any) -> str:
        return obj.task.code

    @staticmethod
    def resolve_area(obj: Any) -> str | None:
        return obj.area.key if obj.area_id else None


class RequirementIn(RecordIn):
    task: str
    force: str = "ISF"
    capability: str
    quantity: int | str
    area: str | None = None
    combat: bool = False
    weight: float | str = 1.0
    needed_from: str | None = None
    note_ar: str = ""
    note_en: str = ""


class AssignmentOut(RecordOut):
    pledge: int
    nation: str
    requirement: int
    quantity: int
    status: str
    since: date | None

    @staticmethod
    def resolve_pledge(obj: Any) -> int:
        return obj.pledge_id

    @staticmethod
    def resolve_nation(obj: Any) -> str:
        return obj.pledge.nation.key

    @staticmethod
    def resolve_requirement(obj: Any) -> int:
        return obj.requirement_id


class AssignmentIn(RecordIn):
    pledge: int
    requirement: int
    quantity: int | str
    status: str = "planned"
    since: str | None = None


class ActionOut(RecordOut):
    force: str
    task: str | None
    on: date
    place: str | None
    description_ar: str
    description_en: str
    combat: bool
    breaches: list[str]

    @staticmethod
    def resolve_force(obj: Any) -> str:
        return obj.force.key

    @staticmethod
    def resolve_task(obj: Any) -> str | None:
        return obj.task.code if obj.task_id else None

    @staticmethod
    def resolve_place(obj: Any) -> str | None:
        return obj.place.key if obj.place_id else None

    @staticmethod
    def resolve_breaches(obj: Any) -> list[str]:
        return breaches(obj)


class ActionIn(RecordIn):
    force: str = "ISF"
    on: str
    task: str | None = None
    place: str | None = None
    description_ar: str = ""
    description_en: str = ""
    combat: bool = False


class GenerationOut(Schema):
    status: str
    coverage_percent: float
    objective: float
    total_weight: float
    assignments: list[dict[str, Any]]
    unmet: list[dict[str, Any]]
    unused: list[dict[str, Any]]


class ConditionGainOut(Schema):
    nation: str = Field(description="ISO3 code (or key) of the nation whose condition it is")
    condition: str = Field(description="the unmet legal conditions, as recorded in English")
    pledges: list[int] = Field(description="the pledges the condition holds back")
    units: dict[str, int] = Field(description="units the force would gain, by capability")
    points: float = Field(description="percentage points of weighted coverage gained")
    text: str


class BlockedGapOut(Schema):
    requirement: int
    missing: int
    conditions: list[dict[str, str]] = Field(description="unmet legal conditions in its way")
    caveats: list[int] = Field(description="caveats (their numbers) in its way")
    blocked_by: list[str]


class WhatIfOut(Schema):
    coverage_percent: float
    conditions: list[ConditionGainOut]
    gaps: list[BlockedGapOut]
