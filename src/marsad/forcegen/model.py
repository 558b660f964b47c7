"""The inputs of force generation: requirements, pledges, caveats and mandate limits.

Every class is a frozen dataclass that checks itself on creation and refuses bad input with a
`ValueError` naming the field and the value, so a solve never starts from half-valid data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from marsad.forcegen.words import capability_words

# The mandate's task codes (issue 3, item 5).
TASKS = frozenset(
    {
        "ceasefire",
        "security",
        "humanitarian_corridors",
        "reconstruction",
        "police_training",
        "border_security",
        "disarmament",
        "other",
    }
)

# Tasks in which personnel hold ground and provide security: the ones a "no ground troops"
# caveat keeps a nation's people out of. Training police, moving aid or rebuilding are not.
GROUND_SECURITY_TASKS = frozenset({"security", "border_security", "disarmament"})

# Capabilities that are ground forces themselves: a "no ground troops" nation cannot provide
# them to any requirement. Capabilities are open-ended strings; these are the ones we know of.
GROUND_FORCE_CAPABILITIES = frozenset(
    {"infantry", "armour", "artillery", "special_forces", "military_police", "force_protection"}
)

# Capabilities given from afar (money, diplomacy): they put nobody on the ground.
REMOTE_CAPABILITIES = frozenset({"funding_usd", "political"})

PLEDGE_STATUSES = ("offered", "confirmed", "delivered", "withdrawn")
CAVEAT_KINDS = (
    "no_ground_troops",
    "no_combat",
    "geographic_limit",
    "time_limit",
    "task_exclusion",
    "other",
)
LIMIT_KINDS = ("no_direct_combat",)


def _text(owner: str, name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{owner}.{name}: {value!r} must be a non-empty string")


def _count(owner: str, name: str, value: object, *, minimum: int) -> None:
    # bool is an int in Python; "True troops" is a data error, not 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{owner}.{name}: {value!r} must be a whole number >= {minimum}")


def _codes(owner: str, name: str, values: frozenset[str], allowed: frozenset[str]) -> None:
    unknown = sorted(v for v in values if v not in allowed)
    if unknown:
        raise ValueError(f"{owner}.{name}: unknown {', '.join(map(repr, unknown))}")


@dataclass(frozen=True)
class Requirement:
    """What the mandate needs: `quantity` units of `capability` for `task`, in `area`.

    `area` is an OCHA P-code (PS0255 ... PS0275, or a finer code under one) or None when the
    need is not tied to a place. `weight` (> 0) is its priority: the solver maximises the sum of
    weight x fraction covered. `combat` marks a direct-combat need, which a no-direct-combat
    mandate never fills. `needed_from` is when the need starts (None: from the outset).
    """

    id: str
    task: str
    capability: str
    quantity: int
    area: str | None = None
    weight: float = 1.0
    combat: bool = False
    label: str = ""
    needed_from: date | None = None

    def __post_init__(self) -> None:
        _text("requirement", "id", self.id)
        if self.task not in TASKS:
            raise ValueError(f"requirement {self.id}.task: unknown task {self.task!r}")
        _text(f"requirement {self.id}", "capability", self.capability)
        _count(f"requirement {self.id}", "quantity", self.quantity, minimum=1)
        if self.area is not None:
            _text(f"requirement {self.id}", "area", self.area)
        weight = self.weight
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise ValueError(f"requirement {self.id}.weight: {weight!r} must be a number")
        if not math.isfinite(weight) or weight <= 0:
            raise ValueError(f"requirement {self.id}.weight: {weight!r} must be > 0")

    @property
    def name(self) -> str:
        """The label, or a name built from task, capability and area."""
        if self.label:
            return self.label
        where = f" in {self.area}" if self.area else ""
        return (
            f"{self.task.replace('_', ' ')}: {capability_words(capability=self.capability)}{where}"
        )


@dataclass(frozen=True)
class Pledge:
    """What a nation (ISO3 code, or an organisation's code) offers: `quantity` of `capability`.

    A withdrawn pledge gives nothing. A pledge whose legal conditions (parliamentary approval,
    constitutional compatibility, a UN mandate ...) are not met, `conditions_met=False`, counts
    only when the caller asks for it; `condition` names what is still missing. A quantity of 0
    records a negative pledge ("will not send troops").
    """

    id: str
    nation: str
    capability: str
    quantity: int
    status: str = "offered"
    conditions_met: bool = True
    condition: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        _text("pledge", "id", self.id)
        _text(f"pledge {self.id}", "nation", self.nation)
        _text(f"pledge {self.id}", "capability", self.capability)
        _count(f"pledge {self.id}", "quantity", self.quantity, minimum=0)
        if self.status not in PLEDGE_STATUSES:
            raise ValueError(f"pledge {self.id}.status: unknown status {self.status!r}")


@dataclass(frozen=True)
class Caveat:
    """A national condition on how a nation's pledges may be used.

    It applies to every pledge of `nation`, or, when `capabilities` is not empty, only to the
    nation's pledges of those capabilities. What each kind forbids is defined in one place,
    `marsad.forcegen.rules.exclusion`. `tasks` is read by task_exclusion, `areas` by
    geographic_limit, `until` by time_limit; kind "other" is informational and never restricts.
    """

    id: str
    nation: str
    kind: str
    text: str = ""
    tasks: frozenset[str] = field(default_factory=frozenset)
    capabilities: frozenset[str] = field(default_factory=frozenset)
    areas: frozenset[str] = field(default_factory=frozenset)
    until: date | None = None

    def __post_init__(self) -> None:
        _text("caveat", "id", self.id)
        owner = f"caveat {self.id}"
        _text(owner, "nation", self.nation)
        if self.kind not in CAVEAT_KINDS:
            raise ValueError(f"{owner}.kind: unknown kind {self.kind!r}")
        # Callers pass lists or sets; keep them hashable and order-free.
        for name in ("tasks", "capabilities", "areas"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        _codes(owner, "tasks", self.tasks, TASKS)
        if self.kind == "task_exclusion" and not self.tasks:
            raise ValueError(f"{owner}.tasks: a task_exclusion caveat must list tasks")
        if self.kind == "geographic_limit" and not self.areas:
            raise ValueError(f"{owner}.areas: a geographic_limit caveat must list areas")
        if self.kind == "time_limit" and self.until is None:
            raise ValueError(f"{owner}.until: a time_limit caveat needs a date")

    @property
    def name(self) -> str:
        """The caveat's own words, or its kind in words."""
        return self.text or self.kind.replace("_", " ")


@dataclass(frozen=True)
class MandateLimit:
    """A limit of the force's mandate; "no_direct_combat" leaves combat requirements unfilled."""

    kind: str = "no_direct_combat"

    def __post_init__(self) -> None:
        if self.kind not in LIMIT_KINDS:
            raise ValueError(f"mandate limit.kind: unknown kind {self.kind!r}")
