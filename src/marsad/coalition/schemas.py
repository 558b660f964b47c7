"""API shapes of the coalition."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema
from pydantic import Field

from marsad.coalition import selectors
from marsad.core.schemas import RecordIn, RecordOut


def _key(actor: Any) -> str | None:
    return actor.key if actor is not None else None


class StatusOut(RecordOut):
    state: str
    valid_from: date
    valid_to: date | None
    note: str
    anonymous_only: bool

    @staticmethod
    def resolve_anonymous_only(obj: Any, context: Any) -> bool:
        return bool(obj.anonymous_only_for(context["request"].auth))


class InvitationOut(RecordOut):
    inviter: str
    invitee: str
    body: str
    role: str
    channels: list[str]
    note: str
    current_state: str | None
    statuses: list[StatusOut]

    @staticmethod
    def resolve_inviter(obj: Any) -> str:
        return obj.inviter.key

    @staticmethod
    def resolve_invitee(obj: Any) -> str:
        return obj.invitee.key

    @staticmethod
    def resolve_body(obj: Any) -> str:
        return obj.body.key

    @staticmethod
    def resolve_channels(obj: Any) -> list[str]:
        return [c.key for c in obj.channels.all()]

    @staticmethod
    def resolve_current_state(obj: Any, context: Any) -> str | None:
        current = selectors.status_on(context["request"].auth, obj)
        return current.state if current else None

    @staticmethod
    def resolve_statuses(obj: Any, context: Any) -> list[Any]:
        return selectors.timeline(context["request"].auth, obj)


class InvitationIn(RecordIn):
    inviter: str
    invitee: str
    body: str = "ISF"
    role: str
    channels: list[str] = []
    state: str = "proposed"
    on: str
    note: str = ""


class StatusIn(RecordIn):
    state: str
    on: str
    note: str = ""


class MembershipOut(RecordOut):
    member: str
    body: str
    role: str
    since: date | None
    until: date | None

    @staticmethod
    def resolve_member(obj: Any) -> str:
        return obj.member.key

    @staticmethod
    def resolve_body(obj: Any) -> str:
        return obj.body.key


class MembershipIn(RecordIn):
    member: str
    body: str = "ISF"
    role: str
    since: str | None = None
    until: str | None = None


class PledgeOut(RecordOut):
    nation: str
    body: str
    kind: str
    quantity: int | None
    unit: str
    negative: bool
    conditions: str
    status: str
    announced: date | None
    status_since: date | None = Field(description="the day the status took effect, if known")
    readiness: str = Field(description="planned, designated, preparing, ready, deployed or ''")
    deployable_from: date | None = Field(description="the day the contribution can deploy")

    @staticmethod
    def resolve_nation(obj: Any) -> str:
        return obj.nation.key

    @staticmethod
    def resolve_body(obj: Any) -> str:
        return obj.body.key


class PledgeIn(RecordIn):
    nation: str
    body: str = "ISF"
    kind: str
    quantity: int | str | None = None
    unit: str = ""
    negative: bool = False
    conditions: str = ""
    status: str = "offered"
    announced: str | None = None
    status_since: str | None = None
    readiness: str = ""
    deployable_from: str | None = None


class PledgeStatusIn(Schema):
    status: str
    on: str | None = Field(None, description="YYYY-MM-DD, the day it took effect; today if none")
    claims: list[int] = []


class CaveatOut(RecordOut):
    nation: str
    kind: str
    text_ar: str
    text_en: str
    areas: list[str]
    tasks: list[str]
    until: date | None
    met: bool | None
    legal_condition: bool

    @staticmethod
    def resolve_nation(obj: Any) -> str:
        return obj.nation.key

    @staticmethod
    def resolve_legal_condition(obj: Any) -> bool:
        return obj.is_legal_condition


class CaveatIn(RecordIn):
    nation: str
    kind: str
    text_ar: str = ""
    text_en: str = ""
    areas: list[str] = []
    tasks: list[str] = []
    until: str | None = None
    met: bool | None = None


class ConditionIn(Schema):
    met: bool | None
    claims: list[int] = []


class StandingOut(Schema):
    actor: str
    name_ar: str
    name_en: str
    category: str
    membership: str | None
    invitations: list[dict[str, Any]]
    pledges: int
