"""What a caveat or a mandate limit forbids: the one definition the solver, the reasons and the
tests all use."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.forcegen.model import (
    GROUND_FORCE_CAPABILITIES,
    GROUND_SECURITY_TASKS,
    REMOTE_CAPABILITIES,
    Caveat,
    MandateLimit,
    Pledge,
    Requirement,
)
from marsad.geo.governorates import GAZA_STRIP_PCODE

# Rule codes. All but the first depend on the requirement, so they also explain why a nation's
# pledges of another capability could not have filled it.
GROUND_FORCE_CAPABILITY = "ground_force_capability"
GROUND_SECURITY_TASK = "ground_security_task"
COMBAT = "combat"
OUTSIDE_AREAS = "outside_areas"
NO_AREA = "no_area"
AFTER_UNTIL = "after_until"
EXCLUDED_TASK = "excluded_task"
PLEDGE_SIDE_RULES = frozenset({GROUND_FORCE_CAPABILITY})


@dataclass(frozen=True)
class Exclusion:
    """Why a caveat forbids a pledge for a requirement: a rule code and an English phrase.

    The phrase completes "<nation>'s caveat '<text>' ...", e.g. "excludes ground security
    tasks"; the Django app renders `rule` in Arabic from the caveat itself.
    """

    caveat_id: str
    rule: str
    phrase: str


def applies(*, caveat: Caveat, pledge: Pledge) -> bool:
    """Whether the caveat binds this pledge: same nation and, if scoped, a listed capability."""
    if caveat.nation != pledge.nation:
        return False
    return not caveat.capabilities or pledge.capability in caveat.capabilities


def exclusion(*, caveat: Caveat, pledge: Pledge, requirement: Requirement) -> Exclusion | None:
    """The exclusion `caveat` puts on using `pledge` for `requirement`, or None if it allows it.

    Capability matching is not a caveat matter and is not checked here. Per kind:

    - no_ground_troops: forbids ground-force capabilities (infantry, armour, ...) for any
      requirement; forbids combat requirements; and forbids any pledge that puts people on the
      ground (every capability except funding and political support) for ground security
      tasks (security, border_security, disarmament) or for a ground-force requirement.
    - no_combat: forbids requirements with combat=True.
    - geographic_limit: allows only requirements whose area is one of `areas` or lies inside
      one (P-codes nest by prefix: PS02 holds PS0275). A requirement with no area could be
      anywhere, so it is forbidden unless the limit covers the whole Strip (PS02).
    - time_limit: forbids requirements needed from a date after `until`; a requirement with
      no `needed_from` is needed from the outset and is allowed.
    - task_exclusion: forbids requirements whose task is in `tasks`.
    - other: informational only; never forbids.
    """
    if not applies(caveat=caveat, pledge=pledge):
        return None
    rule = _rule(caveat, pledge, requirement)
    if rule is None:
        return None
    return Exclusion(caveat_id=caveat.id, rule=rule[0], phrase=rule[1])


def forbids(*, caveat: Caveat, pledge: Pledge, requirement: Requirement) -> bool:
    """Whether `caveat` forbids using `pledge` for `requirement` (see `exclusion`)."""
    return exclusion(caveat=caveat, pledge=pledge, requirement=requirement) is not None


def outside_mandate(*, limit: MandateLimit, requirement: Requirement) -> bool:
    """Whether a mandate limit keeps the force from filling `requirement` at all."""
    # Only one kind exists; MandateLimit refuses any other.
    return limit.kind == "no_direct_combat" and requirement.combat


def _rule(caveat: Caveat, pledge: Pledge, req: Requirement) -> tuple[str, str] | None:
    kind = caveat.kind
    if kind == "no_ground_troops":
        return _no_ground_troops(pledge, req)
    if kind == "no_combat":
        return (COMBAT, "excludes combat tasks") if req.combat else None
    if kind == "geographic_limit":
        return _geographic(caveat, req)
    if kind == "time_limit":
        until = caveat.until
        if until is not None and req.needed_from is not None and req.needed_from > until:
            return (
                AFTER_UNTIL,
                f"ends on {until.isoformat()}, and this is needed from "
                f"{req.needed_from.isoformat()}",
            )
        return None
    if kind == "task_exclusion":
        if req.task in caveat.tasks:
            return (EXCLUDED_TASK, f"excludes {req.task.replace('_', ' ')} tasks")
        return None
    return None  # "other": recorded and shown, never a restriction


def _no_ground_troops(pledge: Pledge, req: Requirement) -> tuple[str, str] | None:
    if pledge.capability in GROUND_FORCE_CAPABILITIES:
        return (
            GROUND_FORCE_CAPABILITY,
            f"excludes ground forces such as {pledge.capability.replace('_', ' ')}",
        )
    if req.combat:
        return (COMBAT, "excludes combat tasks")
    on_ground = pledge.capability not in REMOTE_CAPABILITIES
    if on_ground and (
        req.task in GROUND_SECURITY_TASKS or req.capability in GROUND_FORCE_CAPABILITIES
    ):
        return (GROUND_SECURITY_TASK, "excludes ground security tasks")
    return None


def _geographic(caveat: Caveat, req: Requirement) -> tuple[str, str] | None:
    allowed = ", ".join(sorted(caveat.areas))
    if req.area is None:
        if any(GAZA_STRIP_PCODE.startswith(area) for area in caveat.areas):
            return None
        return (NO_AREA, f"limits it to {allowed}, and this need has no set area")
    if any(req.area.startswith(area) for area in caveat.areas):
        return None
    return (OUTSIDE_AREAS, f"limits it to {allowed}, and this need is in {req.area}")
