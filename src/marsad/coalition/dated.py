"""A state's page on a day: `as_of` (the state of things that day by today's knowledge) and
`known_on` (what Marsad held that day, from the history tables, `core.history.known_on`).
See `core/moments.py` for the two words."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet

from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership, Pledge
from marsad.coalition.selectors import SPEECH_TYPES, StateProfile, state_profile
from marsad.core import history
from marsad.core import selectors as core
from marsad.core.models import Actor, Claim
from marsad.core.moments import Moments


def _held(user: Any, model: type[Any], when: datetime) -> QuerySet[Any]:
    return history.known_on(model, user, when)


def _known_on(user: Any, key: str, when: datetime) -> StateProfile:
    """The profile from the records as Marsad held them at `when` (the actor as it is now, if
    the reader may read it then and now; Actor.DoesNotExist otherwise)."""
    try:
        actor = history.known_on(Actor, user, when).get(key=key.upper())
    except ObjectDoesNotExist:
        # The history table's own "does not exist" means the same to the caller.
        raise Actor.DoesNotExist(key) from None
    parts = list(history.known_on(Actor, user, when).filter(parent_id=actor.pk))
    invitations = _held(user, Invitation, when).filter(
        Q(invitee_id=actor.pk) | Q(inviter_id=actor.pk)
    )
    steps = []
    for invitation in invitations.order_by("id"):
        found = (
            _held(user, InvitationStatus, when)
            .filter(invitation_id=invitation.pk)
            .order_by("valid_from", "id")
        )
        steps.append((invitation, core.chained(list(found))))
    speakers = [actor.pk, *(p.pk for p in parts)]
    held_claims = _held(user, Claim, when).values("id")
    said = (
        core.claims(user)
        .filter(type__in=SPEECH_TYPES, actors__in=speakers, id__in=held_claims)
        .distinct()
        .order_by("-document__published", "id")
    )
    return StateProfile(
        actor=actor,
        parts=parts,
        invitations=steps,
        memberships=list(_held(user, Membership, when).filter(member_id=actor.pk)),
        pledges=list(_held(user, Pledge, when).filter(nation_id=actor.pk)),
        caveats=list(_held(user, Caveat, when).filter(nation_id=actor.pk)),
        said=list(said),
    )


def _as_of(profile: StateProfile, day: date) -> StateProfile:
    """Keep what was so on `day`: steps begun by then, memberships begun by then, pledges
    announced by then (undated ones count, as on the coalition's page), words published by
    then. Caveats carry no date of their own and stay."""
    invitations = []
    for invitation, steps in profile.invitations:
        begun = [s for s in steps if s.valid_from <= day]
        if begun:
            invitations.append((invitation, begun))
    return StateProfile(
        actor=profile.actor,
        parts=profile.parts,
        invitations=invitations,
        memberships=[m for m in profile.memberships if m.since is None or m.since <= day],
        pledges=[p for p in profile.pledges if p.announced is None or p.announced <= day],
        caveats=profile.caveats,
        said=[
            c for c in profile.said if c.document.published is None or c.document.published <= day
        ],
    )


def dated_profile(user: Any, key: str, moments: Moments) -> StateProfile:
    """The state's profile as of a day, as known on a day, or both (Actor.DoesNotExist if the
    reader may not read the state then and now)."""
    profile = (
        _known_on(user, key, moments.known_on) if moments.known_on else state_profile(user, key)
    )
    return _as_of(profile, moments.as_of) if moments.as_of else profile
