"""What an accepted `corridor_status` claim changes: the crossing's (or corridor's) status
timeline gains a step resting on the claim. When the timeline the reviewer reads already says
something else about that day (the same state, a step after the claim's day, a change that makes
no sense), the claim does not overwrite it: a decision is queued for an analyst (a `Conflict`
between the claim and the step it disagrees with), and the reviewer is told so."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from marsad.access import selectors as access
from marsad.access import transitions
from marsad.access.models import AccessStatus, Crossing
from marsad.access.services.timeline import record_status
from marsad.access.vocabulary import AccessState
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim
from marsad.core.services import gate
from marsad.core.services.base import Writer
from marsad.intake import undo


def _crossing_of(by: Writer, claim: Claim) -> Crossing | None:
    """The crossing the claim names: its target (or place) is the crossing's place actor,
    whose key is the crossing's key."""
    for actor in (claim.target, claim.where):
        if actor is None:
            continue
        found = (
            access.crossings(by).filter(key=actor.key).first()
            or access.crossings(by).filter(place=actor).first()
        )
        if found is not None:
            return found
    return None


def _current(by: Writer, crossing: Crossing, day: Any) -> AccessStatus | None:
    """The step in effect on `day` as `by` reads the timeline (the latest one otherwise)."""
    steps = access.statuses(by).filter(crossing=crossing, expected=False)
    return (
        steps.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()
        or steps.order_by("-valid_from", "-id").first()
    )


def _queue(by: Writer, claim: Claim, step: AccessStatus, why: str) -> str:
    undo.note(gate.queue_conflict(by=by, record=claim, other=step, field="status", reason=why))
    return _(
        "Not applied: the status of %(crossing)s on record disagrees (%(why)s); a decision "
        "is queued for an analyst."
    ) % {"crossing": step.crossing.name if step.crossing else "", "why": why}


def corridor_status(*, by: Writer, claim: Claim) -> str:
    """Add the claim's status as a step of the crossing's timeline, or queue the disagreement."""
    state = claim.attributes.get("status", "")
    day = claim.when_date or claim.document.published
    if state not in AccessState.values:
        return _("No status step: the claim does not say whether it is open or closed.")
    if day is None:
        return _("No status step: the claim has no date.")
    crossing = _crossing_of(by, claim)
    if crossing is None:
        return _("No status step: the claim names no crossing Marsad records.")
    current = _current(by, crossing, day)
    if state == "reopened" and current is None:
        state = "open"  # a first report of an open crossing: nothing was closed on record
    if current is not None:
        why = transitions.refusal(current.state, state)
        if current.valid_from > day:
            why = _("a later step (%(day)s) says %(state)s") % {
                "day": current.valid_from,
                "state": AccessState(current.state).label,
            }
        elif why and current.state == state:
            if (current.marking, current.releasable_to) == (claim.marking, claim.releasable_to):
                gate.store(current, by=by, claims=[claim])
                return _("Added as evidence of the current status of %(crossing)s.") % {
                    "crossing": crossing.name
                }
        if why:
            return _queue(by, claim, current, why)
    try:
        step = record_status(
            by=by,
            state=state,
            on=day,
            crossing=crossing,
            claims=[claim],
            marking=claim.marking,
            releasable_to=claim.nations,
        )
    except InvalidInput as error:
        if current is None:
            raise
        return _queue(by, claim, current, str(error))
    return _("%(crossing)s is %(state)s from %(day)s (status step resting on the claim).") % {
        "crossing": crossing.name,
        "state": AccessState(step.state).label,
        "day": step.valid_from,
    }
