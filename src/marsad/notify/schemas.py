"""API shapes of notifications. A webhook's secret goes in and never comes out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class SubscriptionIn(Schema):
    channel: str = Field(description="app, atom, webhook or email")
    events: list[str] = Field(
        description="spike_alert, crossing_status, corridor_status, plan_score, plan_deadlock, "
        "claim, document, report_issued"
    )
    language: str = Field("ar", description="ar or en: of e-mails and webhook titles")
    claim_type: str = Field("", description="only claims of this type")
    actor: str = Field("", description="only claims naming this actor (identifier)")
    pcode: str = Field("", description="only claims in this governorate (OCHA P-code)")
    saved_search: int | None = Field(None, description="only documents this saved search finds")
    url: str = Field("", description="webhooks: the http(s) address that receives the POSTs")
    secret: str = Field("", description="webhooks: the key of the HMAC-SHA256 signature")


class SubscriptionOut(Schema):
    id: int
    channel: str
    events: list[str]
    language: str
    claim_type: str
    actor: str
    pcode: str
    saved_search: int | None
    url: str
    active: bool
    consecutive_failures: int
    disabled_at: datetime | None
    created: datetime

    @staticmethod
    def resolve_events(obj: Any) -> list[str]:
        return obj.kinds

    @staticmethod
    def resolve_saved_search(obj: Any) -> int | None:
        return obj.saved_search_id


class DeliveryOut(Schema):
    id: int
    event: str
    record_type: str
    record_id: str
    status: str
    attempts: int
    last_status: int | None
    last_error: str
    next_attempt: datetime | None
    created: datetime
    delivered_at: datetime | None

    @staticmethod
    def resolve_event(obj: Any) -> str:
        return obj.event.kind

    @staticmethod
    def resolve_record_type(obj: Any) -> str:
        return obj.event.model

    @staticmethod
    def resolve_record_id(obj: Any) -> str:
        return obj.event.object_id


class NotificationOut(Schema):
    id: int
    event: str
    title_ar: str
    title_en: str
    link: str
    created: datetime
    read_at: datetime | None

    @staticmethod
    def resolve_event(obj: Any) -> str:
        return obj.event.kind


class NotificationList(Schema):
    count: int
    unread: int
    items: list[NotificationOut]


class FeedTokenOut(Schema):
    token: str = Field(description="shown once: the feed's address holds it")
    url: str


class Revoked(Schema):
    revoked: int


class Marked(Schema):
    marked: int
