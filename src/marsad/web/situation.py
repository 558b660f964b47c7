"""What the home page says first: the situation as the reader's audience may know it, one short
answer per question, each from its area's own selectors (so hidden records count for nothing)
and each linking to the page that explains it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from marsad.access import selectors as access
from marsad.access.vocabulary import ENTERED_STATUSES, AccessState
from marsad.ceasefire.summary import SourceFigure, summarize
from marsad.ceasefire.vocabulary import DEFINITIONS, WARNING_LABELS
from marsad.mandate import generation
from marsad.plan import selectors as plan
from marsad.statements import selectors as statements
from marsad.statements.models import Statement

# The ceasefire agreement's humanitarian clause: "no fewer than 600 trucks a day".
TRUCKS_PER_DAY_TARGET = 600
WEEK = 7


@dataclass
class Warning:
    day: date
    label: str


@dataclass
class Situation:
    today: date
    killed: list[tuple[str, SourceFigure]] = field(default_factory=list)
    truce_start: date | None = None
    last_day: tuple[date, int] | None = None
    alerts: int = 0
    crossings: dict[str, int] = field(default_factory=dict)
    crossings_total: int = 0
    trucks: int | None = None
    trucks_target: int = TRUCKS_PER_DAY_TARGET * WEEK
    trucks_window: tuple[date, date] | None = None
    requirements: int = 0
    requirements_met: int = 0
    coverage_percent: int = 0
    points_moved: int = 0
    refusals: list[Statement] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    warnings_total: int = 0

    @property
    def trucks_percent(self) -> int:
        return round(100 * (self.trucks or 0) / self.trucks_target)


def situation(user: Any) -> Situation:
    today = timezone.localdate()
    found = Situation(today=today)
    _ceasefire(user, found)
    _crossings(user, found, today)
    _trucks(user, found)
    _force(user, found)
    found.points_moved = plan.score_changes_since(user, today - timedelta(days=WEEK - 1)).count()
    found.refusals = list(
        statements.statements(user, statements.StatementFilters(refusals_only=True))[:3]
    )
    return found


def _ceasefire(user: Any, found: Situation) -> None:
    summary = summarize(user)
    found.truce_start = summary.effective
    # One figure per definition: the main series' source comes first in the summary.
    seen: set[str] = set()
    for figure in summary.figures:
        if figure.definition in seen:
            continue
        seen.add(figure.definition)
        label = DEFINITIONS.get(figure.definition, (figure.definition,))[0]
        found.killed.append((str(label), figure))
    if summary.daily:
        found.last_day = summary.daily[-1]
    found.alerts = len(summary.alerts) + len(summary.incident_alerts)
    found.warnings_total = len(summary.warnings)
    found.warnings = [
        Warning(w.day, str(WARNING_LABELS.get(w.kind, w.kind)))
        for w in sorted(summary.warnings, key=lambda w: w.day, reverse=True)[:3]
    ]


def _crossings(user: Any, found: Situation, today: date) -> None:
    now = access.status_on(user, today)
    keys = list(access.crossings(user).values_list("key", flat=True))
    counts = {"open": 0, "restricted": 0, "closed": 0, "unknown": 0}
    for key in keys:
        step = now.get(key)
        if step is None:
            counts["unknown"] += 1
        elif step.state in (AccessState.OPEN, AccessState.REOPENED):
            counts["open"] += 1
        elif step.state == AccessState.CLOSED:
            counts["closed"] += 1
        else:
            counts["restricted"] += 1
    found.crossings, found.crossings_total = counts, len(keys)


def _trucks(user: Any, found: Situation) -> None:
    # The last seven days of the lists' data: the lists arrive days or weeks late.
    start, end = access.recent_window(user, days=WEEK)
    if start is None or end is None:
        return
    total = (
        access.consignments(user, access.ConsignmentFilters(start=start, end=end))
        .filter(trucks__isnull=False, status__in=ENTERED_STATUSES)
        .aggregate(n=Sum("trucks"))["n"]
    )
    found.trucks, found.trucks_window = total or 0, (start, end)


def _force(user: Any, found: Situation) -> None:
    result = generation.run(user)
    coverage = result.allocation.coverage
    found.requirements = len(result.requirements)
    if found.requirements:
        shares = [min(1.0, coverage.get(key, 0.0)) for key in result.requirements]
        found.requirements_met = sum(1 for s in shares if s >= 1.0)
        found.coverage_percent = round(100 * sum(shares) / len(shares))
