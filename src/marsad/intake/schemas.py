"""API shapes of intake."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.core.schemas import ClaimOut, DocumentDetail


class SubmitIn(Schema):
    text: str
    source: str = Field(description="Identifier of the source, e.g. REUTERS")
    title: str = ""
    language: str = ""
    url: str = ""
    published: str | None = None
    marking: str = "internal"
    releasable_to: list[str] = []


class SubmitOut(Schema):
    created: bool
    document: DocumentDetail
    claims: list[ClaimOut]
    same_story: list[int]
    skipped: list[str]
    extraction: dict[str, Any]


class QueueItem(Schema):
    id: int
    title: str
    language: str
    source: str
    proposed: int


class DecisionOut(Schema):
    claim: ClaimOut
    effects: list[str]


class RejectIn(Schema):
    reason: str = Field(description="why the claim is rejected (required, kept with the claim)")


class BulkIn(Schema):
    action: str = Field(description="accept or reject")
    claims: list[int] = Field(description="the numbers of the proposed claims")
    reason: str = Field("", description="why they are rejected (required to reject)")


class BulkOut(Schema):
    action: str = Field(description="the action's identifier (empty for an undo)")
    decided: list[int]
    skipped: list[int] = Field(description="claims reviewed already, left as they were")
    effects: list[str]


class CommentIn(Schema):
    text: str


class CommentOut(Schema):
    id: int
    claim: int = Field(alias="claim_id")
    author: str | None
    text: str
    created: datetime

    @staticmethod
    def resolve_author(obj: Any) -> str | None:
        return obj.author.username if obj.author_id else None


class ClaimFigureIn(Schema):
    """One measure's figure; numbers may be written in Arabic-Indic digits."""

    low: int | str | None = None
    best: int | str | None = None
    high: int | str | None = None
    text: str | None = Field(None, description="The words of the document (kept if not given)")


class WhenIn(Schema):
    date: str | None = Field(None, description="ISO date YYYY-MM-DD (any digits); null clears")
    precision: str | None = Field(None, description="day, month or year")


class EditIn(Schema):
    type: str | None = None
    actor: list[str] | None = None
    recipient: list[str] | None = None
    target: str | None = None
    attributes: dict[str, Any] | None = None
    status: str | None = None
    modality: str | None = None
    credibility: int | None = None
    figures: dict[str, ClaimFigureIn] | None = Field(
        None,
        description="killed, injured, trucks, troops, trainees or amount_usd: each given "
        "replaces that measure; one with no number removes it",
    )
    when: WhenIn | None = None
    place: str | None = Field(
        None, description="Identifier of a place, or an OCHA P-code (e.g. PS0270); '' clears"
    )
