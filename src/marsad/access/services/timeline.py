"""Writes of status timelines: a step ends when the next begins; a change that makes no sense
is refused with its reason."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.access import transitions
from marsad.access.models import AccessStatus, Corridor, Crossing
from marsad.access.services.base import finish, require_access_writer
from marsad.access.services.places import corridor_by_key, crossing_by_key
from marsad.access.vocabulary import AccessState
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.services.base import lock_writes, save
from marsad.core.services.inputs import actor, choice, parse_date


def current_step(*, crossing: Crossing | None = None, corridor: Corridor | None = None) -> Any:
    """The step in effect with no end yet (every reader's view: the timeline is one)."""
    steps = AccessStatus.objects.filter(expected=False, valid_to__isnull=True)
    steps = steps.filter(crossing=crossing) if crossing else steps.filter(corridor=corridor)
    return steps.order_by("-valid_from", "-id").first()


@transaction.atomic
def record_status(
    *,
    by: Any,
    state: str,
    on: Any,
    crossing: Crossing | str | None = None,
    corridor: Corridor | str | None = None,
    expected: bool = False,
    reason_ar: str = "",
    reason_en: str = "",
    authority: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "public",
    releasable_to: Iterable[str] = (),
) -> AccessStatus:
    """Add a step to a crossing's or corridor's timeline; the step in effect ends on the new
    step's date. A change that makes no sense (closed to open, reopened with nothing closed, the
    same state again, a date before the current step) is refused with its reason. An expected
    step is checked the same way but ends nothing."""
    require_access_writer(by, marking)
    lock_writes()
    if (crossing is None) == (corridor is None):
        raise InvalidInput.one("crossing", crossing, "give a crossing or a corridor, not both")
    subject_crossing = crossing_by_key(crossing) if crossing is not None else None
    subject_corridor = corridor_by_key(corridor) if corridor is not None else None
    state = choice(state, "state", AccessState.values)
    valid_from = parse_date(on, "on")
    if valid_from is None:
        raise InvalidInput.one("on", on, "the date of the step is required")
    current = current_step(crossing=subject_crossing, corridor=subject_corridor)
    why = transitions.refusal(current.state if current else None, state)
    if why:
        raise InvalidInput.one("state", state, why)
    if current and valid_from <= current.valid_from:
        raise InvalidInput.one(
            "on",
            valid_from.isoformat(),
            f"is not after the current step ('{current.state}' since {current.valid_from})",
        )
    step = AccessStatus(
        crossing=subject_crossing,
        corridor=subject_corridor,
        state=state,
        valid_from=valid_from,
        expected=bool(expected),
        reason_ar=reason_ar.strip(),
        reason_en=reason_en.strip(),
        authority=actor(authority, "authority") if authority else None,
    )
    if current and not expected:
        before = audit.snapshot(current)
        current.valid_to = valid_from
        save(current, by=by, before=before)
    finish(step, by=by, marking=marking, releasable_to=releasable_to, claims=claims)
    return step
