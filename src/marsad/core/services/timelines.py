"""Adding a step to a status timeline (an invitation's, a crossing's, a corridor's).

A step is checked against the timeline its writer may read: the current step the writer sees
decides whether the change makes sense, and a refusal names only that step. Steps the writer may
not read still stand in the stored timeline; when the new step disagrees with them (it repeats
their state, or falls before them) it is stored all the same and the disagreement is queued for
an analyst who may read both (`gate.queue_conflict`): a refusal would reveal the hidden step.

Each stored step's `valid_to` is the next stored step's first day: the whole timeline, as an
administrator reads it. Other readers' end dates come from the steps they may read
(`core.selectors.chain`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from marsad.core.errors import InvalidInput
from marsad.core.releasability import readable
from marsad.core.services import gate
from marsad.core.services.base import Writer, on_behalf

# Why a change from one state (None: no step yet) to another makes no sense, or None.
Refusal = Callable[[str | None, str], str | None]


def _last(steps: QuerySet[Any]) -> Any:
    return steps.order_by("-valid_from", "-id").first()


def _disagreement(current: Any, step: Any, refusal: Refusal, strictly_after: bool) -> str | None:
    """Why `step` does not follow `current` in a timeline, or None."""
    if current is None:
        return refusal(None, step.state)
    why = refusal(current.state, step.state)
    if why:
        return why
    since = f"('{current.state}' since {current.valid_from})"
    if strictly_after and step.valid_from <= current.valid_from:
        return f"is not after the current step {since}"
    if step.valid_from < current.valid_from:
        return f"is before the current step {since}"
    return None


def add_step(
    *,
    by: Writer,
    step: Any,
    stored: QuerySet[Any],
    refusal: Refusal,
    strictly_after: bool = False,
    ends_others: bool = True,
    **store: Any,
) -> Any:
    """Store `step` after the steps of `stored` (the same timeline's steps that end others: not
    merely expected ones), checked against what `by` may read. The caller holds the write lock
    (`lock_writes`). `strictly_after`: a step may not share its day with the current one.
    An expected step (`ends_others` false) is checked the same way but ends nothing. `store`
    goes to `gate.store` (marking, claims...)."""
    seen = _last(stored.visible_to(by))
    why = _disagreement(seen, step, refusal, strictly_after)
    if why:
        field = "on" if why.startswith(("is before", "is not after")) else "state"
        value = step.valid_from.isoformat() if field == "on" else step.state
        raise InvalidInput.one(field, value, why)
    latest = _last(stored)
    hidden_disagreement = (
        _disagreement(latest, step, refusal, strictly_after)
        if latest is not None and latest != seen
        else None
    )
    if not ends_others:
        return gate.store(step, by=by, **store)
    before = stored.filter(valid_from__lte=step.valid_from).order_by("-valid_from", "-id").first()
    after = stored.filter(valid_from__gt=step.valid_from).order_by("valid_from", "id").first()
    step.valid_to = after.valid_from if after is not None else None
    gate.store(step, by=by, **store)
    if before is not None and before.valid_to != step.valid_from:
        before.valid_to = step.valid_from
        # The step it ends may be one the writer may not read: the system writes that end on
        # the writer's behalf, as it writes grades (the audit names both).
        gate.store(before, by=by if readable(by, before) else on_behalf(by, "timeline"))
    if hidden_disagreement:
        gate.queue_conflict(
            by=by,
            record=step,
            other=latest,
            field="state",
            reason=f"step '{step.state}' from {step.valid_from} {hidden_disagreement}",
        )
    return step
