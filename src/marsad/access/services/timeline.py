"""Writes of status timelines: a step ends when the next begins; a change that makes no sense
is refused with its reason."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.access import transitions
from marsad.access.models import AccessStatus, Corridor, Crossing
from marsad.access.services.base import require_access_writer
from marsad.access.services.places import corridor_by_key, crossing_by_key
from marsad.access.vocabulary import AccessState
from marsad.core.errors import InvalidInput
from marsad.core.services import lookups
from marsad.core.services.base import lock_writes
from marsad.core.services.inputs import choice, parse_date
from marsad.core.services.timelines import add_step


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
    sanitized: str | None = None,
) -> AccessStatus:
    """Add a step to a crossing's or corridor's timeline; the step in effect ends on the new
    step's date. A change that makes no sense (closed to open, reopened with nothing closed, the
    same state again, a date before the current step) is refused with its reason, as far as the
    writer may read the timeline. An expected step is checked the same way but ends nothing."""
    require_access_writer(by, marking)
    lock_writes()
    if (crossing is None) == (corridor is None):
        raise InvalidInput.one("crossing", crossing, "give a crossing or a corridor, not both")
    subject_crossing = crossing_by_key(by, crossing) if crossing is not None else None
    subject_corridor = corridor_by_key(by, corridor) if corridor is not None else None
    state = choice(state, "state", AccessState.values)
    valid_from = parse_date(on, "on")
    if valid_from is None:
        raise InvalidInput.one("on", on, "the date of the step is required")
    step = AccessStatus(
        crossing=subject_crossing,
        corridor=subject_corridor,
        state=state,
        valid_from=valid_from,
        expected=bool(expected),
        reason_ar=reason_ar.strip(),
        reason_en=reason_en.strip(),
        authority=lookups.actor(by, authority, "authority") if authority else None,
    )
    stored = AccessStatus.objects.filter(expected=False)
    stored = (
        stored.filter(crossing=subject_crossing)
        if subject_crossing
        else stored.filter(corridor=subject_corridor)
    )
    return add_step(
        by=by,
        step=step,
        stored=stored,
        refusal=transitions.refusal,
        strictly_after=True,
        ends_others=not expected,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
