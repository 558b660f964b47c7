"""API shapes of governance."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.core.schemas import RecordIn, RecordOut


class InstrumentOut(RecordOut):
    actor: str
    kind: str
    adopted: date | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    abstainers: list[str]
    endorses: list[str]
    summary_ar: str
    summary_en: str
    authorised_until: date | None

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return obj.actor.key

    @staticmethod
    def resolve_abstainers(obj: Any) -> list[str]:
        return [a.key for a in obj.abstainers.all()]

    @staticmethod
    def resolve_endorses(obj: Any) -> list[str]:
        return [a.key for a in obj.endorses.all()]


class InstrumentIn(RecordIn):
    actor: str
    kind: str
    adopted: str | None = None
    votes_for: int | str | None = None
    votes_against: int | str | None = None
    abstentions: int | str | None = None
    abstainers: list[str] = []
    endorses: list[str] = []
    summary_ar: str = ""
    summary_en: str = ""
    authorised_until: str | None = None


class CharterActionOut(RecordOut):
    charter: str
    actor: str
    action: str
    on: date | None
    text_ar: str
    text_en: str

    @staticmethod
    def resolve_charter(obj: Any) -> str:
        return obj.charter.key

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return obj.actor.key


class CharterActionIn(RecordIn):
    charter: str = "BOP-CHARTER"
    actor: str
    action: str
    on: str | None = None
    text_ar: str = ""
    text_en: str = ""
