"""PURE: the programs' arithmetic, with no Django and no database.

- readiness_score: a governorate's reconstruction readiness (0-100) from its indicators;
- cohort_status: planned, running or completed, from a cohort's dates;
- count_problems: what is inconsistent in a cohort's counts;
- share: a part of a whole as a percentage.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

SECURITY = "security_incidents"
# The percentage indicators, in the order of the readiness table.
PERCENT_KINDS = ("explosive_clearance", "rubble_removed", "water", "power", "health")
# Points taken off the average for each security incident in the last WINDOW_DAYS days.
PENALTY_PER_INCIDENT = 2
WINDOW_DAYS = 30

PLANNED, RUNNING, COMPLETED = "planned", "running", "completed"


@dataclass(frozen=True)
class Readiness:
    """A governorate's readiness score and how it was reached."""

    score: int | None  # None when no percentage indicator is known
    average: float | None  # mean of the percentage indicators used
    penalty: int  # points taken off for security incidents
    incidents: int | None  # None when not known (no penalty then)
    used: tuple[str, ...]  # percentage indicators in the average
    missing: tuple[str, ...]  # percentage indicators not known


def readiness_score(percentages: Mapping[str, float | None], incidents: int | None) -> Readiness:
    """The mean of the percentage indicators that are known, minus PENALTY_PER_INCIDENT points
    per security incident in the last WINDOW_DAYS days, never below 0, rounded half up to a
    whole number. Unknown indicators are left out of the mean (and listed as missing); with no
    percentage indicator at all there is no score. Unknown incidents cost nothing."""
    used = tuple(k for k in PERCENT_KINDS if percentages.get(k) is not None)
    missing = tuple(k for k in PERCENT_KINDS if k not in used)
    for kind in used:
        value = float(percentages[kind])  # type: ignore[arg-type]
        if not 0 <= value <= 100:
            raise ValueError(f"{kind}: {value} is not a percentage between 0 and 100")
    if incidents is not None and incidents < 0:
        raise ValueError(f"incidents: {incidents} is negative")
    penalty = PENALTY_PER_INCIDENT * (incidents or 0)
    if not used:
        return Readiness(None, None, penalty, incidents, used, missing)
    average = sum(float(percentages[k]) for k in used) / len(used)  # type: ignore[arg-type]
    score = max(0, math.floor(average - penalty + 0.5))
    return Readiness(min(score, 100), average, penalty, incidents, used, missing)


def cohort_status(starts: date | None, ends: date | None, today: date) -> str:
    """Planned until its first day (or while it has no start date), running from its first day
    to its last, completed after its last day."""
    if starts is None or today < starts:
        return PLANNED
    if ends is not None and today > ends:
        return COMPLETED
    return RUNNING


def count_problems(
    enrolled: int, vetted: int, graduated: int, dropped_out: int
) -> list[tuple[str, str]]:
    """(field, message) for each inconsistency between a cohort's counts."""
    problems = []
    if vetted > enrolled:
        problems.append(("vetted", f"{vetted} vetted is more than the {enrolled} enrolled"))
    if graduated + dropped_out > enrolled:
        problems.append(
            (
                "graduated",
                f"{graduated} graduated and {dropped_out} dropped out make more than "
                f"the {enrolled} enrolled",
            )
        )
    if graduated > vetted:
        problems.append(("graduated", f"{graduated} graduated is more than the {vetted} vetted"))
    return problems


def share(part: int, whole: int | None) -> float | None:
    """`part` as a percentage of `whole`; None when the whole is unknown or zero."""
    if not whole:
        return None
    return 100 * part / whole
