"""Claims about the same event from different documents: one group, many sources. The group
sets each claim's credibility by the Admiralty rule of marsad.extraction.grading."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import QuerySet

from marsad.core import audit
from marsad.core.models import Claim, ReviewState
from marsad.core.services.base import save
from marsad.extraction.grading import credibility
from marsad.geo.distance import distance_m
from marsad.intake.fingerprints import story_links, story_root

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


def _same_place(claim: Claim, other: Claim, point: tuple[float, float] | None) -> bool:
    if other.where_pcode == claim.where_pcode:
        return True
    there = _point(other)
    return point is not None and there is not None and distance_m(point, there) <= NEAR_METRES


def related(claim: Claim) -> QuerySet[Claim]:
    """Claims of other documents with the same type and actors, dated within a day of this one,
    in the same governorate or within NEAR_METRES of its place (or with no place, when this one
    has none); not rejected."""
    actor_keys = sorted(claim.actors.values_list("key", flat=True))
    point = _point(claim)
    candidates = (
        Claim.objects.filter(type=claim.type)
        .exclude(pk=claim.pk)
        .exclude(document=claim.document)
        .exclude(review_state=ReviewState.REJECTED)
    )
    if point is None:
        candidates = candidates.filter(where_pcode=claim.where_pcode)
    if claim.when_date:
        day = timedelta(days=1)
        candidates = candidates.filter(
            when_date__range=(claim.when_date - day, claim.when_date + day)
        )
    elif claim.document.published:
        day = timedelta(days=1)
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


def independent_sources(members: list[Claim]) -> int:
    """How many independent sources tell the claims: a claim's source is the one it is
    attributed to, else its document's. Two documents of one source are one source; copies
    of one story are one source, whoever published them. So stories and sources that meet in
    a claim are joined, and each connected set counts once."""
    links = story_links([c.document_id for c in members])
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for c in members:
        story = ("story", story_root(c.document_id, links))
        source = ("source", c.attribution_source_id or c.document.source_id)
        parent[root(story)] = root(source)
    return len({root(node) for node in list(parent)})


def grade(claim: Claim, group: list[Claim]) -> int:
    """The credibility the group gives, by the rule of marsad.extraction.grading."""
    members = [claim, *group]
    anonymous = all(c.attribution_kind == "anonymous" for c in members)
    return credibility(
        independent_sources=independent_sources(members),
        anonymous_only=anonymous,
        status=claim.status,
    )


def regrade(*, by: Any, claim: Claim) -> list[Claim]:
    """Set the credibility of the claim and of its group's claims; return the group."""
    group = list(related(claim))
    for member in [claim, *group]:
        others = [c for c in [claim, *group] if c.pk != member.pk]
        digit = grade(member, others)
        if digit != member.credibility:
            before = audit.snapshot(member)
            member.credibility = digit
            save(member, by=by, before=before)
    return group
