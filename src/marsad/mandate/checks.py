"""The force's own actions checked against its mandate."""

from __future__ import annotations

from marsad.mandate.models import ForceAction, LimitKind


def breaches(action: ForceAction) -> list[str]:
    """What in the force's action falls outside its mandate, in words."""
    found = []
    if action.combat and action.force.limits.filter(kind=LimitKind.NO_DIRECT_COMBAT).exists():
        found.append("no_direct_combat")
    if action.task_id is None:
        found.append("no_task")
    return found
