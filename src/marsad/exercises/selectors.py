"""Reads of releasable records for an exercise, each for a reader."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from marsad.core.models import Actor, Claim, ReviewState, Source


def source_known(reader: Any, key: str) -> bool:
    return Source.objects.visible_to(reader).filter(key=key).exists()


def actor_known(reader: Any, key: str) -> bool:
    return Actor.objects.visible_to(reader).filter(key=key).exists()


def crossing_known(reader: Any, key: str) -> bool:
    from marsad.access.models import Crossing

    return Crossing.objects.visible_to(reader).filter(key=key).exists()


def reviewed_claims(reader: Any, documents: Iterable[int]) -> QuerySet[Claim]:
    """The claims of `documents` someone accepted or rejected, in the order of review."""
    return (
        Claim.objects.visible_to(reader)
        .filter(document_id__in=list(documents), reviewed_by__isnull=False)
        .exclude(review_state=ReviewState.PROPOSED)
        .select_related("reviewed_by", "target")
        .prefetch_related("actors", "recipients")
        .order_by("reviewed_at", "pk")
    )
