"""API shapes of the programs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.core.schemas import RecordIn, RecordOut


class CohortOut(RecordOut):
    course: int
    name_ar: str
    name_en: str
    starts: date | None
    ends: date | None
    status: str
    enrolled: int
    vetted: int
    graduated: int
    dropped_out: int
    note_ar: str
    note_en: str

    @staticmethod
    def resolve_course(obj: Any) -> int:
        return obj.course_id


class CohortIn(RecordIn):
    name_ar: str = ""
    name_en: str = ""
    starts: str | None = Field(None, description="YYYY-MM-DD, any digits")
    ends: str | None = None
    enrolled: int | str | None = Field(0, description="whole number ≥ 0, any digits")
    vetted: int | str | None = 0
    graduated: int | str | None = 0
    dropped_out: int | str | None = 0
    note_ar: str = ""
    note_en: str = ""


class CohortChange(Schema):
    """Only the fields sent are changed."""

    starts: str | None = None
    ends: str | None = None
    enrolled: int | str | None = None
    vetted: int | str | None = None
    graduated: int | str | None = None
    dropped_out: int | str | None = None
    note_ar: str | None = None
    note_en: str | None = None
    claims: list[int] = []


class CourseOut(RecordOut):
    program: str
    name_ar: str
    name_en: str
    location: str | None
    location_ar: str
    location_en: str
    starts: date | None
    ends: date | None
    trainer_nations: list[str]
    pledge: int | None
    target_trainees: int | None
    note_ar: str
    note_en: str
    enrolled: int
    vetted: int
    graduated: int
    dropped_out: int
    progress: float | None = Field(description="graduated as a percentage of the target")
    dropout_rate: float | None = Field(description="dropped out as a percentage of enrolled")
    cohorts: list[CohortOut]

    @staticmethod
    def resolve_location(obj: Any) -> str | None:
        return obj.location.key if obj.location_id else None

    @staticmethod
    def resolve_trainer_nations(obj: Any) -> list[str]:
        return [n.key for n in obj.trainer_nations.all()]

    @staticmethod
    def resolve_pledge(obj: Any) -> int | None:
        return obj.pledge_id

    @staticmethod
    def resolve_cohorts(obj: Any) -> list[Any]:
        return list(obj.visible_cohorts)


class CourseIn(RecordIn):
    program: str = "police_training"
    name_ar: str = ""
    name_en: str = ""
    location: str | None = Field(None, description="identifier of a place or state actor")
    location_ar: str = ""
    location_en: str = ""
    starts: str | None = None
    ends: str | None = None
    trainer_nations: list[str] = Field([], description="ISO alpha-3 codes of state actors")
    pledge: int | str | None = Field(None, description="number of a police_trainers pledge")
    target_trainees: int | str | None = None
    note_ar: str = ""
    note_en: str = ""


class IndicatorOut(RecordOut):
    pcode: str
    kind: str
    value: float
    measured_on: date
    source: str
    note_ar: str
    note_en: str

    @staticmethod
    def resolve_source(obj: Any) -> str:
        return obj.source.key


class IndicatorIn(RecordIn):
    pcode: str = Field(description="OCHA P-code of a governorate, PS0255 ... PS0275")
    kind: str
    value: float | int | str = Field(description="a percentage 0-100, or a number of incidents")
    measured_on: str = Field(description="YYYY-MM-DD, any digits")
    source: str = Field(description="identifier of the source")
    note_ar: str = ""
    note_en: str = ""


class CellOut(Schema):
    kind: str
    value: float | None
    measured_on: date | None
    source: str | None
    computed: bool = Field(description="counted from the ceasefire incident log")
    indicator: int | None = Field(description="the indicator record behind the value")
    previous: float | None
    trend: str = Field(description="up, down, same, or empty when there is no earlier value")


class GovernorateOut(Schema):
    pcode: str
    name: str
    score: int | None
    average: float | None
    penalty: int
    incidents: int | None
    indicators_used: list[str]
    indicators_missing: list[str]
    indicators: list[CellOut]


class ReadinessOut(Schema):
    as_of: date
    known_on: datetime | None = None
    window_start: date
    penalty_per_incident: int
    formula: dict[str, str] = Field(description="the formula in words, in Arabic and English")
    governorates: list[GovernorateOut]
