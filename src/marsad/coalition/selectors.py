"""Reads of the coalition, always through visible_to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership, Pledge
from marsad.coalition.vocabulary import PledgeKind, PledgeStatus
from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
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


def pledges(user: Any, filters: PledgeFilters | None = None) -> QuerySet[Pledge]:
    qs = Pledge.objects.visible_to(user).select_related("nation", "body")
    return (filters or PledgeFilters()).apply(qs)


@dataclass(frozen=True)
class PledgeFilters:
    """The filters of the pledge list, its API and exports: nation and body (keys), kind,
    status, and pledges or refusals only (`negative` 1 or 0)."""

    nation: str = ""
    body: str = ""
    kind: str = ""
    status: str = ""
    negative: bool | None = None

    @classmethod
    def parse(cls, params: Any) -> PledgeFilters:
        kind, status = (params.get(k, "") or "" for k in ("kind", "status"))
        for name, value, allowed in (
            ("kind", kind, PledgeKind.values),
            ("status", status, PledgeStatus.values),
        ):
            if value and value not in allowed:
                raise InvalidInput.one(name, value, "must be one of " + ", ".join(allowed))
        given = params.get("negative", "")
        negative = str(int(given) if isinstance(given, bool) else (given or "")).lower()
        if negative not in ("", "1", "0", "true", "false"):
            raise InvalidInput.one("negative", negative, "must be 1 (refusals) or 0 (pledges)")
        return cls(
            nation=(params.get("nation", "") or "").strip().upper(),
            body=(params.get("body", "") or "").strip().upper(),
            kind=kind,
            status=status,
            negative=None if negative == "" else negative in ("1", "true"),
        )

    def apply(self, qs: QuerySet[Pledge]) -> QuerySet[Pledge]:
        if self.nation:
            qs = qs.filter(nation__key=self.nation)
        if self.body:
            qs = qs.filter(body__key=self.body)
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.status:
            qs = qs.filter(status=self.status)
        if self.negative is not None:
            qs = qs.filter(negative=self.negative)
        return qs


def caveats(user: Any) -> QuerySet[Caveat]:
    return Caveat.objects.visible_to(user).select_related("nation")


def timeline(user: Any, invitation: Invitation) -> list[InvitationStatus]:
    """The steps of the invitation's timeline `user` may see, in order, each ending where the
    next visible step begins."""
    steps = statuses(user).filter(invitation=invitation).order_by("valid_from", "id")
    return core.chained(list(steps))


def status_on(
    user: Any, invitation: Invitation, day: date | None = None
) -> InvitationStatus | None:
    """The step in force on `day` (the latest step if no day) as far as `user` may know: the
    last visible step begun by then. Steps follow one another with no gap, so this is the stored
    step in force whenever the reader may see every step."""
    steps = [s for s in timeline(user, invitation) if day is None or s.valid_from <= day]
    return steps[-1] if steps else None


def current_statuses(
    user: Any, found: Iterable[Invitation], day: date | None = None
) -> list[tuple[Invitation, InvitationStatus | None]]:
    """Each invitation with its step visible to `user` in force on `day` (else its latest)."""
    return [(invitation, status_on(user, invitation, day)) for invitation in found]


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
        standing_pledges(user, day)
        .filter(body__key=force, negative=False)
        .values("nation")
        .annotate(n=Count("id"))
    )
    by_nation = {row["nation"]: row["n"] for row in counts}
    for actor in core.actors(user).filter(pk__in=by_nation):
        entry(actor).pledges = by_nation[actor.pk]
    return sorted(table.values(), key=lambda s: (s.category, s.actor.name_en))


def pledges_on(user: Any, day: date | None = None) -> QuerySet[Pledge]:
    """The pledges announced by `day` (today). A pledge with no known date counts, as a
    membership with no known start does: leaving it out would hide it on every day."""
    day = day or date.today()
    return pledges(user).filter(Q(announced__isnull=True) | Q(announced__lte=day))


def standing_pledges(user: Any, day: date | None = None) -> QuerySet[Pledge]:
    """The pledges announced by `day` (today) and not withdrawn on it: a pledge withdrawn on a
    day counts until the day before; one withdrawn on a day not known counts on no day."""
    day = day or date.today()
    withdrawn = Q(status="withdrawn") & (Q(status_since__isnull=True) | Q(status_since__lte=day))
    return pledges_on(user, day).exclude(withdrawn)


def pledges_by_kind(
    user: Any, force: str = FORCE_KEY, *, day: date | None = None
) -> list[dict[str, Any]]:
    """Per kind: how many pledges announced by `day` (today), the total quantity offered, and
    the refusals."""
    rows = (
        standing_pledges(user, day)
        .filter(body__key=force)
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
    steps = [
        (invitation, timeline(user, invitation))
        for invitation in invitations(user).filter(Q(invitee=actor) | Q(inviter=actor))
    ]
    return StateProfile(
        actor=actor,
        parts=parts,
        invitations=steps,
        memberships=list(memberships(user).filter(member=actor)),
        pledges=list(pledges(user).filter(nation=actor)),
        caveats=list(caveats(user).filter(nation=actor)),
        said=list(said),
    )
