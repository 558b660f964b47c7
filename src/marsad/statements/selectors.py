"""Reads of statements, always through visible_to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor
from marsad.statements.models import REFUSALS, STANCES, Statement, Topic


@dataclass(frozen=True)
class StatementFilters:
    actor: str = ""
    stance: str = ""
    refusal: str = ""
    topic: str = ""
    refusals_only: bool = False

    @classmethod
    def parse(cls, params: Any) -> StatementFilters:
        stance, refusal, topic = (params.get(k, "") or "" for k in ("stance", "refusal", "topic"))
        for field, value, allowed in (
            ("stance", stance, STANCES),
            ("refusal", refusal, REFUSALS),
            ("topic", topic, Topic.values),
        ):
            if value and value not in allowed:
                raise InvalidInput.one(field, value, "must be one of " + ", ".join(allowed))
        return cls(
            actor=(params.get("actor", "") or "").upper(),
            stance=stance,
            refusal=refusal,
            topic=topic,
            refusals_only=str(params.get("refusals_only", "")).lower() in ("1", "true"),
        )


def statements(user: Any, filters: StatementFilters | None = None) -> QuerySet[Statement]:
    filters = filters or StatementFilters()
    qs = Statement.objects.visible_to(user).select_related("speaker", "speaker__parent")
    if filters.actor:
        qs = qs.filter(Q(speaker__key=filters.actor) | Q(speaker__parent__key=filters.actor))
    if filters.stance:
        qs = qs.filter(stance=filters.stance)
    if filters.refusal:
        qs = qs.filter(refusal=filters.refusal)
    if filters.refusals_only:
        qs = qs.exclude(refusal="")
    if filters.topic:
        qs = qs.filter(topic=filters.topic)
    return qs.prefetch_related("about")


def by_actor(user: Any, actor: Actor) -> QuerySet[Statement]:
    """What the actor, or one of its offices and people, said or would not say."""
    return statements(user).filter(Q(speaker=actor) | Q(speaker__parent=actor))
