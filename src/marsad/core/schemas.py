"""API shapes of the provenance core."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ninja import Schema
from pydantic import Field

from marsad.core.roles import reads_usernames
from marsad.core.selectors import evidence_withheld, source_by_id

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.models import Claim, User


class ActorOut(Schema):
    key: str
    kind: str
    name_ar: str
    name_en: str
    aliases_ar: list[str]
    aliases_en: list[str]
    description_ar: str
    description_en: str
    iso3: str | None
    pcode: str | None
    parent: str | None
    marking: str
    releasable_to: list[str]

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return obj.parent.key if obj.parent_id else None

    @staticmethod
    def resolve_releasable_to(obj: Any) -> list[str]:
        return obj.nations

    @staticmethod
    def resolve_iso3(obj: Any) -> str | None:
        return obj.iso3 or None

    @staticmethod
    def resolve_pcode(obj: Any) -> str | None:
        return obj.pcode or None


class ActorDetail(ActorOut):
    geometry: dict[str, Any] | None


class SourceOut(Schema):
    key: str
    name_ar: str
    name_en: str
    kind: str
    reliability: str
    actor: str | None
    url: str
    grading_note_ar: str
    grading_note_en: str
    marking: str

    @staticmethod
    def resolve_actor(obj: Any) -> str | None:
        return obj.actor.key if obj.actor_id else None


class SourceRefOut(Schema):
    """The graded source a record was imported from."""

    key: str
    reliability: str = Field(description="NATO Admiralty reliability, A-F")


def imported_source(obj: Any, context: Any) -> SourceRefOut | None:
    """The record's source, when the reader may see it."""
    request = context["request"]
    source = source_by_id(request.auth, obj.source_id, request=request)
    return SourceRefOut(key=source.key, reliability=source.reliability) if source else None


class DocumentIn(Schema):
    title: str = ""
    text: str
    source: str = Field(description="Identifier of the source, e.g. BLOOMBERG")
    language: str = Field("", description="ar, en or other; detected from the text when empty")
    url: str = ""
    published: str | None = Field(None, description="YYYY-MM-DD, any digits")
    marking: str = Field("", description="public, force, nations or internal; empty: admins only")
    releasable_to: list[str] = []


class DocumentOut(Schema):
    id: int
    title: str
    language: str
    url: str
    published: date | None
    source: str
    sha256: str
    chars: int
    marking: str
    releasable_to: list[str]
    created: datetime

    @staticmethod
    def resolve_source(obj: Any) -> str:
        return obj.source.key

    @staticmethod
    def resolve_chars(obj: Any) -> int:
        return len(obj.text)

    @staticmethod
    def resolve_releasable_to(obj: Any) -> list[str]:
        return obj.nations


class DocumentDetail(DocumentOut):
    text: str
    claims: list[int]

    @staticmethod
    def resolve_claims(obj: Any) -> list[int]:
        return obj.visible_claims


class DocumentCreated(Schema):
    created: bool
    document: DocumentDetail


class ClaimIn(Schema):
    """A claim in the extraction contract's shape, for a stored document. Values are checked by
    the service, which names each wrong field and value."""

    document: int
    type: str
    actor: list[str] = []
    recipient: list[str] = []
    target: str | None = None
    attributes: dict[str, Any] = {}
    status: str = "reported"
    modality: str = "asserted"
    attribution: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    when: dict[str, Any] = {}
    where: dict[str, Any] = {}
    evidence: list[dict[str, Any]]
    reliability: str = Field("", description="Admiralty A-F; defaults to the source's")
    credibility: int | str | None = Field(None, description="Admiralty 1-6, any digits")
    review_state: str = "proposed"
    marking: str | None = Field(None, description="defaults to the document's marking")
    releasable_to: list[str] = []


class ClaimOut(Schema):
    id: int
    document: int
    type: str
    actor: list[str]
    recipient: list[str]
    target: str | None
    attributes: dict[str, Any]
    status: str
    modality: str
    attribution: dict[str, Any]
    figures: dict[str, Any]
    when: dict[str, Any]
    where: dict[str, Any]
    evidence: list[dict[str, Any]]
    quotes: list[str]
    reliability: str
    credibility: int
    grade: str
    review_state: str
    reviewed_by: str | None = Field(
        description="the reviewer's user name for analysts and administrators, the reviewer's "
        "role (e.g. analyst) for other readers"
    )
    reviewed_at: datetime | None
    marking: str
    releasable_to: list[str]

    @staticmethod
    def from_claim(claim: Claim, reader: User | AnonymousUser) -> dict[str, Any]:
        """The claim as `reader` may read it."""
        contract = claim.to_contract()
        reviewer = claim.reviewed_by
        reviewed_by = reviewer.username if reviewer is not None else None
        if reviewer is not None and not reads_usernames(reader):
            reviewed_by = reviewer.role
        return {
            **contract,
            "id": claim.pk,
            "document": claim.document_id,
            "quotes": claim.evidence_quotes(),
            "reliability": claim.reliability,
            "credibility": claim.credibility,
            "grade": claim.grade,
            "review_state": claim.review_state,
            "reviewed_by": reviewed_by,
            "reviewed_at": claim.reviewed_at,
            "marking": claim.marking,
            "releasable_to": claim.nations,
        }


class Me(Schema):
    username: str | None
    role: str
    nation: str | None


class FieldError(Schema):
    """One refused field: its name, the value given and what is wrong with it."""

    field: str
    value: Any = None
    message: str


class Error(Schema):
    """Every refusal of the API: what is wrong in words, and for bad input each field."""

    detail: str
    errors: list[FieldError] = []


class RecordOut(Schema):
    """Fields every area record shares: its id, marking and the supporting claims the reader
    may see."""

    id: int
    marking: str
    releasable_to: list[str]
    claims: list[int]
    evidence_withheld: bool = Field(
        description="true when some supporting claims are not releasable to you (how many is "
        "not said)"
    )
    sanitized_release: str | None = Field(
        None,
        description="to analysts: why the record is released further than its evidence",
    )

    @staticmethod
    def resolve_releasable_to(obj: Any) -> list[str]:
        return obj.nations

    @staticmethod
    def resolve_claims(obj: Any, context: Any) -> list[int]:
        user = context["request"].auth
        return obj.evidence_ids(user)  # type: ignore[no-any-return]

    @staticmethod
    def resolve_evidence_withheld(obj: Any, context: Any) -> bool:
        return evidence_withheld(context["request"].auth, obj)

    @staticmethod
    def resolve_sanitized_release(obj: Any, context: Any) -> str | None:
        user = context["request"].auth
        return (obj.sanitized_reason or None) if getattr(user, "can_write", False) else None


class RecordIn(Schema):
    """Fields every area record takes on creation."""

    claims: list[int] = Field([], description="ids of the supporting claims")
    marking: str = Field("", description="public, force, nations or internal; empty: admins only")
    releasable_to: list[str] = []
    sanitized: str | None = Field(
        None,
        description="analysts: the reason for releasing the record further than its supporting "
        "claims (readers who may not read them are told the evidence is not releasable to them)",
    )


class ConflictOut(Schema):
    id: int
    created: datetime
    created_by: str | None
    model: str = Field(description="the stored record's type (app.Model)")
    record_id: str
    other_model: str = Field(description="the type of the record its writer could not see")
    other_id: str
    field: str
    reason: str
    marking: str
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str

    @staticmethod
    def resolve_created_by(obj: Any) -> str | None:
        return obj.created_by.username if obj.created_by else None

    @staticmethod
    def resolve_resolved_by(obj: Any) -> str | None:
        return obj.resolved_by.username if obj.resolved_by else None


class ConflictResolution(Schema):
    resolution: str = Field(description="how the two records were reconciled")
