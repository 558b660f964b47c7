"""Reads of intake: the review queue, and the claims of other documents about the same event."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from marsad.core.models import Claim, Document, ReviewState, User
from marsad.core.releasability import releasability_filter
from marsad.geo.distance import distance_m
from marsad.intake.models import Assignment, ClaimComment, ReviewDecision, SameStory


def queue(user: Any, limit: int = 50) -> QuerySet[Document]:
    """Visible documents with visible proposed claims, with their count."""
    return _queued(user)[:limit]


def _queued(user: Any) -> QuerySet[Document]:
    condition = releasability_filter(user, prefix="claims__")
    proposed = Q(claims__review_state="proposed")
    if condition is not None:
        proposed &= condition
    return (
        Document.objects.visible_to(user)
        .select_related("source")
        .annotate(proposed=Count("claims", filter=proposed))
        .filter(proposed__gt=0)
        .order_by("-created")
    )


# Two places this close are one event's place, whatever governorate each falls in (a strike on
# a boundary, a camp named by one report and its town by another).
NEAR_METRES = 3000


def _point(claim: Claim) -> tuple[float, float] | None:
    """(latitude, longitude) of the claim's place, when the place has a point."""
    geometry = claim.where.geometry if claim.where_id else None
    if not geometry or geometry.get("type") != "Point":
        return None
    lon, lat = geometry["coordinates"][:2]
    return lat, lon


def near(point: tuple[float, float] | None, there: tuple[float, float] | None) -> bool:
    """Whether two places' points are within NEAR_METRES (never when either has none)."""
    return point is not None and there is not None and distance_m(point, there) <= NEAR_METRES


def _same_place(claim: Claim, other: Claim, point: tuple[float, float] | None) -> bool:
    return other.where_pcode == claim.where_pcode or (
        point is not None and near(point, _point(other))
    )


def same_event(user: Any, claim: Claim) -> QuerySet[Claim]:
    """Claims `user` may read, of other documents, with the same type and actors, dated within
    a day of this one, in the same governorate or within NEAR_METRES of its place (or with no
    place, when this one has none); not rejected."""
    actor_keys = sorted(claim.actors.values_list("key", flat=True))
    point = _point(claim)
    candidates = (
        Claim.objects.visible_to(user)
        .filter(type=claim.type)
        .exclude(pk=claim.pk)
        .exclude(document=claim.document)
        .exclude(review_state=ReviewState.REJECTED)
    )
    if point is None:
        candidates = candidates.filter(where_pcode=claim.where_pcode)
    day = timedelta(days=1)
    if claim.when_date:
        candidates = candidates.filter(
            when_date__range=(claim.when_date - day, claim.when_date + day)
        )
    elif claim.document.published:
        published = claim.document.published
        candidates = candidates.filter(
            when_date__isnull=True, document__published__range=(published - day, published + day)
        )
    else:
        candidates = candidates.none()
    matching = [
        c.pk
        for c in candidates.select_related("where").prefetch_related("actors")
        if sorted(a.key for a in c.actors.all()) == actor_keys and _same_place(claim, c, point)
    ]
    return Claim.objects.filter(pk__in=matching).select_related("document")


def same_story_as(user: Any, document: Document) -> QuerySet[Document]:
    """Visible documents this one copies, or that copy it."""
    ids = set(SameStory.objects.filter(document=document).values_list("original_id", flat=True))
    ids |= set(SameStory.objects.filter(original=document).values_list("document_id", flat=True))
    return Document.objects.visible_to(user).filter(pk__in=ids).select_related("source")


def assigned_to(user: Any, document: Document) -> Any:
    """The analyst the document is given to (its latest assignment), or None."""
    latest = (
        Assignment.objects.visible_to(user)
        .filter(document=document)
        .select_related("analyst")
        .order_by("-at", "-id")
        .first()
    )
    return latest.analyst if latest is not None else None


def my_queue(user: Any, limit: int = 50) -> list[Document]:
    """The documents of the review queue given to `user` (by their latest assignment)."""
    latest = (
        Assignment.objects.visible_to(user)
        .filter(document=OuterRef("pk"))
        .order_by("-at", "-id")
        .values("analyst")[:1]
    )
    return list(
        _queued(user)
        .annotate(assignee=Subquery(latest))
        .filter(assignee=getattr(user, "pk", None))[:limit]
    )


def comments(user: Any, claims: list[Claim]) -> dict[int, list[ClaimComment]]:
    """Each claim's discussion thread, oldest first, as `user` may read it."""
    found: dict[int, list[ClaimComment]] = {c.pk: [] for c in claims}
    for item in (
        ClaimComment.objects.visible_to(user)
        .filter(claim__in=[c.pk for c in claims])
        .select_related("author")
        .order_by("created", "id")
    ):
        found[item.claim_id].append(item)
    return found


def rejections(user: Any, claims: list[Claim]) -> dict[int, ReviewDecision]:
    """The standing rejection (with its reason) of each rejected claim, as `user` may read it."""
    found: dict[int, ReviewDecision] = {}
    for decision in (
        ReviewDecision.objects.visible_to(user)
        .filter(claim__in=[c.pk for c in claims], state="rejected", undone_at__isnull=True)
        .select_related("by")
        .order_by("at", "id")
    ):
        found[decision.claim_id] = decision
    return found


def last_action(user: Any) -> list[ReviewDecision]:
    """The reader's own last review action not undone yet, as its decisions (empty if none)."""
    mine = ReviewDecision.objects.visible_to(user).filter(
        by=user if isinstance(user, User) else None, undone_at__isnull=True
    )
    latest = mine.order_by("-at", "-id").first()
    if latest is None:
        return []
    return list(mine.filter(batch=latest.batch).select_related("claim"))
