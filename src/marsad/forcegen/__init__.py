"""Pure force-generation core: requirements, pledges and caveats in; allocation and gaps out.

No Django, no database: the coalition app stores and presents, this package solves.
`allocate` solves with HiGHS; `greedy_allocate` is the baseline; `forbids`/`exclusion` define
what each caveat kind rules out; every gap comes with structured `Reason`s that `describe()`
themselves in English.
"""

from marsad.forcegen.allocation import Allocation, Assignment, Unmet, Unused
from marsad.forcegen.greedy import greedy_allocate
from marsad.forcegen.model import (
    CAVEAT_KINDS,
    LIMIT_KINDS,
    PLEDGE_STATUSES,
    TASKS,
    Caveat,
    MandateLimit,
    Pledge,
    Requirement,
)
from marsad.forcegen.reasons import Reason, Use
from marsad.forcegen.rules import Exclusion, exclusion, forbids, outside_mandate
from marsad.forcegen.solve import allocate

__all__ = [
    "CAVEAT_KINDS",
    "LIMIT_KINDS",
    "PLEDGE_STATUSES",
    "TASKS",
    "Allocation",
    "Assignment",
    "Caveat",
    "Exclusion",
    "MandateLimit",
    "Pledge",
    "Reason",
    "Requirement",
    "Unmet",
    "Unused",
    "Use",
    "allocate",
    "exclusion",
    "forbids",
    "greedy_allocate",
    "outside_mandate",
]
