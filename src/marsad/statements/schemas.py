"""API shapes of statements."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.core.schemas import RecordIn, RecordOut


class StatementOut(RecordOut):
    speaker: str
    on: date | None
    stance: str
    refusal: str
    topic: str
    about: list[str]
    calls_for_ar: str
    calls_for_en: str
    quote: str
    quote_language: str
    translation: str

    @staticmethod
    def resolve_speaker(obj: Any) -> str:
        return obj.speaker.key

    @staticmethod
    def resolve_about(obj: Any) -> list[str]:
        return [a.key for a in obj.about.all()]


class StatementIn(RecordIn):
    speaker: str
    topic: str
    on: str | None = None
    stance: str = ""
    refusal: str = ""
    about: list[str] = []
    calls_for_ar: str = ""
    calls_for_en: str = ""
    quote: str = ""
    quote_language: str = ""
    translation: str = ""
