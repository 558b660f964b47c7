"""API shapes of the plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema

from marsad.core.schemas import RecordIn, RecordOut


class ProvisionOut(RecordOut):
    number: int
    summary_ar: str
    summary_en: str
    category: str
    responsible: list[str]
    depends_on: list[int]
    score: int | None = None
    blocked_by: list[int] = []
    in_deadlock: bool = False

    @staticmethod
    def resolve_responsible(obj: Any) -> list[str]:
        return [a.key for a in obj.responsible.all()]

    @staticmethod
    def resolve_depends_on(obj: Any) -> list[int]:
        return sorted(p.number for p in obj.depends_on.all())


class ScoreOut(RecordOut):
    provision: int
    score: int
    on: date
    note_ar: str
    note_en: str

    @staticmethod
    def resolve_provision(obj: Any) -> int:
        return obj.provision.number


class ScoreIn(RecordIn):
    score: int | str
    on: str
    note_ar: str = ""
    note_en: str = ""


class PreconditionOut(RecordOut):
    party: str
    provision: int
    after: int
    statement: int
    text_ar: str
    text_en: str

    @staticmethod
    def resolve_party(obj: Any) -> str:
        return obj.party.key

    @staticmethod
    def resolve_provision(obj: Any) -> int:
        return obj.provision.number

    @staticmethod
    def resolve_after(obj: Any) -> int:
        return obj.after.number

    @staticmethod
    def resolve_statement(obj: Any) -> int:
        return obj.statement_id


class PreconditionIn(RecordIn):
    party: str
    provision: int | str
    after: int | str
    statement: int | str | None = None
    text_ar: str = ""
    text_en: str = ""


class DependencyIn(Schema):
    on: int | str
