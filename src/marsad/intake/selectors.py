"""The review queue: documents with proposed claims, newest first."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from marsad.core.models import Document
from marsad.core.releasability import releasability_filter


def queue(user: Any, limit: int = 50) -> QuerySet[Document]:
    """Visible documents with visible proposed claims, with their count."""
    condition = releasability_filter(user, prefix="claims__")
    proposed = Q(claims__review_state="proposed")
    if condition is not None:
        proposed &= condition
    return (
        Document.objects.visible_to(user)
        .select_related("source")
        .annotate(proposed=Count("claims", filter=proposed))
        .filter(proposed__gt=0)
        .order_by("-created")[:limit]
    )
