"""Reads of the coalition, always through visible_to."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership, Pledge
from marsad.core import selectors as core
from marsad.core.models import Actor, Claim

FORCE_KEY = "ISF"
# Claim types in which a state speaks or keeps silent, for "what it said".
SPEECH_TYPES = (
    "statement",
    "comment_refusal",
    "legal_reservation",
    "caveat",
    "membership_decision",
)


def invitations(user: Any) -> QuerySet[Invitation]:
    return Invitation.objects.visible_to(user).select_related("inviter", "invitee", "body")


def statuses(user: Any) -> QuerySet[InvitationStatus]:
    return InvitationStatus.objects.visible_to(user).select_related("invitation")


def memberships(user: Any) -> QuerySet[Membership]:
    return Membership.objects.visible_to(user).select_related("member", "body")


def pledges(user: Any) -> QuerySet[Pledge]:
    return Pledge.objects.visible_to(user).select_related("nation", "body")


def caveats(user: Any) -> QuerySet[Caveat]:
    return Caveat.objects.visible_to(user).select_related("nation")


def status_on(user: Any, invitation: Invitation, day: date) -> InvitationStatus | None:
    """The step of the invitation's timeline in force on `day` (visible to `user`)."""
    return (
        statuses(user)
        .filter(invitation=invitation, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .order_by("-valid_from", "-id")
        .first()
    )


@dataclass
class Standing:
    """Where one actor stands towards a force on a day."""

    actor: Actor
    membership: Membership | None = None
    invitations: list[tuple[Invitation, InvitationStatus | None]] = field(default_factory=list)
    pledges: int = 0

    @property
    def category(self) -> str:
        """One word for maps and filters: the membership role, else the invitation's status."""
        if self.membership is not None:
            return self.membership.role
        states = [s.state for _i, s in self.invitations if s is not None]
        for state in (
            "accepted",
            "under_consideration",
            "delivered",
            "proposed",
            "declined",
            "withdrawn",
        ):
            if state in states:
                return state
        return "pledged" if self.pledges else "none"


def standings(user: Any, *, day: date | None = None, force: str = FORCE_KEY) -> list[Standing]:
    """Every actor invited to, member of, or pledging to the force, as it stood on `day`."""
    day = day or date.today()
    table: dict[int, Standing] = {}

    def entry(actor: Actor) -> Standing:
        return table.setdefault(actor.pk, Standing(actor=actor))

    for membership in memberships(user).filter(body__key=force):
        if (membership.since is None or membership.since <= day) and (
            membership.until is None or membership.until >= day
        ):
            entry(membership.member).membership = membership
    for invitation in invitations(user).filter(body__key=force):
        entry(invitation.invitee).invitations.append((invitation, status_on(user, invitation, day)))
    counts = (
        pledges(user)
        .filter(body__key=force, negative=False)
        .exclude(status="withdrawn")
        .values("nation")
        .annotate(n=Count("id"))
    )
    by_nation = {row["nation"]: row["n"] for row in counts}
    for actor in core.actors(user).filter(pk__in=by_nation):
        entry(actor).pledges = by_nation[actor.pk]
    return sorted(table.values(), key=lambda s: (s.category, s.actor.name_en))


def pledges_by_kind(user: Any, force: str = FORCE_KEY) -> list[dict[str, Any]]:
    """Per kind: how many pledges, the total quantity offered, and the refusals."""
    rows = (
        pledges(user)
        .filter(body__key=force)
        .exclude(status="withdrawn")
        .values("kind", "unit", "negative")
        .annotate(n=Count("id"), total=Sum("quantity"))
        .order_by("kind", "negative")
    )
    merged: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"pledges": 0, "refusals": 0, "total": 0, "unit": ""}
    )
    for row in rows:
        item = merged[row["kind"]]
        if row["negative"]:
            item["refusals"] += row["n"]
        else:
            item["pledges"] += row["n"]
            item["total"] += row["total"] or 0
            item["unit"] = row["unit"]
    return [{"kind": kind, **values} for kind, values in sorted(merged.items())]


@dataclass
class StateProfile:
    actor: Actor
    parts: list[Actor]
    invitations: list[tuple[Invitation, list[InvitationStatus]]]
    memberships: list[Membership]
    pledges: list[Pledge]
    caveats: list[Caveat]
    said: list[Claim]


def state_profile(user: Any, key: str) -> StateProfile:
    """Everything the coalition holds about one state (Actor.DoesNotExist if not visible)."""
    actor = core.actor(user, key)
    parts = list(core.actors(user).filter(parent=actor))
    speakers = [actor.key, *(p.key for p in parts)]
    said = (
        core.claims(user)
        .filter(type__in=SPEECH_TYPES)
        .filter(Q(actors__key__in=speakers))
        .distinct()
        .order_by("-document__published", "id")
    )
    timeline = []
    for invitation in invitations(user).filter(Q(invitee=actor) | Q(inviter=actor)):
        steps = list(statuses(user).filter(invitation=invitation).order_by("valid_from", "id"))
        timeline.append((invitation, steps))
    return StateProfile(
        actor=actor,
        parts=parts,
        invitations=timeline,
        memberships=list(memberships(user).filter(member=actor)),
        pledges=list(pledges(user).filter(nation=actor)),
        caveats=list(caveats(user).filter(nation=actor)),
        said=list(said),
    )
