"""Reads of humanitarian access, always through visible_to. The same filters serve the pages,
the API, the exports and the command line, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, Count, Max, Min, Q, QuerySet, Sum, Value, When
from django.utils import timezone

from marsad.access.models import (
    AccessIncident,
    AccessStatus,
    Consignment,
    Corridor,
    CorridorProtection,
    Crossing,
)
from marsad.access.vocabulary import (
    ENTERED_STATUSES,
    AccessCategory,
    CargoCategory,
    ConsignmentStatus,
    CrossingKind,
)
from marsad.analytics import access as figures
from marsad.core import history
from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.services.inputs import parse_date

#: The two lists compared day by day: UNRWA's trucks and COGAT's consignments.
LISTS = {"unrwa": "UNRWA", "cogat": "COGAT"}


def crossings(user: Any) -> QuerySet[Crossing]:
    """Land crossings first, then the sea route, air drops and the lists' aggregates."""
    rank = Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(CrossingKind.values)),
        default=Value(len(CrossingKind.values)),
    )
    return (
        Crossing.objects.visible_to(user)
        .select_related("place")
        .annotate(rank=rank)
        .order_by("rank", "name_en")
    )


def crossing(user: Any, key: str) -> Crossing:
    return crossings(user).get(key=key.upper())


def corridors(user: Any) -> QuerySet[Corridor]:
    return Corridor.objects.visible_to(user).select_related("crossing")


def corridor(user: Any, key: str) -> Corridor:
    return corridors(user).get(key=key.upper())


# --- status over time ------------------------------------------------------------------------


# What a status step names; read again after a version from the history tables is made a record.
STEP_RELATED = ("crossing", "corridor", "authority")


def statuses(user: Any, known_on: datetime | None = None) -> QuerySet[AccessStatus]:
    """The status steps `user` may read: as they are now, or as Marsad held them at `known_on`
    (`core/moments.py`): a step recorded later is absent, a step corrected later as it was."""
    return history.held(AccessStatus, user, known_on).select_related(*STEP_RELATED)


def status_on(
    user: Any, day: date | None = None, known_on: datetime | None = None
) -> dict[str, AccessStatus]:
    """The status of every crossing and corridor on `day` (default today) as far as `user` may
    know: the last step `user` may read begun by then, not merely expected. In one query, keyed
    by the crossing's or corridor's identifier; what has no step by then is absent."""
    day = day or timezone.localdate()
    found: dict[str, AccessStatus] = {}
    steps = history.with_related(
        statuses(user, known_on)
        .filter(expected=False, valid_from__lte=day)
        .order_by("valid_from", "id"),
        *STEP_RELATED,
    )
    for step in steps:
        subject = step.crossing or step.corridor
        if subject is not None:
            found[subject.key] = step
    return found


def timeline(
    user: Any,
    *,
    crossing: Crossing | None = None,
    corridor: Corridor | None = None,
    known_on: datetime | None = None,
) -> list[AccessStatus]:
    """Every step of one timeline the reader may see, expected ones included, oldest first;
    each step ends where the next visible one begins."""
    qs = statuses(user, known_on)
    qs = qs.filter(crossing=crossing) if crossing else qs.filter(corridor=corridor)
    return core.chained(history.with_related(qs.order_by("valid_from", "id"), *STEP_RELATED))


def latest_changes(
    user: Any, limit: int = 10, known_on: datetime | None = None
) -> list[AccessStatus]:
    latest = statuses(user, known_on).order_by("-valid_from", "-id")[:limit]
    return history.with_related(latest, *STEP_RELATED)


def steps_of(timeline_steps: list[AccessStatus]) -> list[figures.Step]:
    return [
        figures.Step(s.state, s.valid_from, s.valid_to) for s in timeline_steps if not s.expected
    ]


def open_shares(
    user: Any, start: date, end: date, known_on: datetime | None = None
) -> dict[str, figures.OpenShare]:
    """For every crossing and corridor, the days of the period by state and the share open, from
    the steps `user` may read (as held at `known_on` when given)."""
    by_subject: dict[str, list[AccessStatus]] = {}
    steps = statuses(user, known_on).filter(expected=False, valid_from__lte=end)
    for s in history.with_related(steps.order_by("valid_from", "id"), *STEP_RELATED):
        subject = s.crossing or s.corridor
        if subject is not None:
            by_subject.setdefault(subject.key, []).append(s)
    return {
        key: figures.share_of_days_open(steps_of(core.chained(found)), start, end)
        for key, found in by_subject.items()
    }


# --- consignments ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsignmentFilters:
    """The filters of the consignment list, its exports and the figures (all optional)."""

    start: date | None = None
    end: date | None = None
    crossing: str = ""
    corridor: str = ""
    category: str = ""
    status: str = ""
    donor: str = ""
    source: str = ""

    @classmethod
    def parse(cls, params: Any) -> ConsignmentFilters:
        """From query parameters; a bad value is refused with its name."""
        category = params.get("category", "") or ""
        if category and category not in CargoCategory.values:
            raise InvalidInput.one(
                "category", category, "must be one of " + ", ".join(CargoCategory.values)
            )
        status = params.get("status", "") or ""
        if status and status not in ConsignmentStatus.values:
            raise InvalidInput.one(
                "status", status, "must be one of " + ", ".join(ConsignmentStatus.values)
            )
        source = (params.get("source", "") or "").lower()
        if source and source not in (*LISTS, "demo", "manual"):
            raise InvalidInput.one("source", source, "must be unrwa, cogat, demo or manual")
        start, end = parse_date(params.get("start"), "start"), parse_date(params.get("end"), "end")
        if start and end and end < start:
            raise InvalidInput.one("end", end.isoformat(), "is before the start")
        return cls(
            start=start,
            end=end,
            crossing=(params.get("crossing", "") or "").upper(),
            corridor=(params.get("corridor", "") or "").upper(),
            category=category,
            status=status,
            donor=params.get("donor", "") or "",
            source=source,
        )

    def apply(self, qs: QuerySet[Consignment]) -> QuerySet[Consignment]:
        if self.start:
            qs = qs.filter(day__gte=self.start)
        if self.end:
            qs = qs.filter(day__lte=self.end)
        if self.crossing:
            qs = qs.filter(crossing__key=self.crossing)
        if self.corridor:
            qs = qs.filter(corridor__key=self.corridor)
        if self.category:
            qs = qs.filter(category=self.category)
        if self.status:
            qs = qs.filter(status=self.status)
        if self.donor:
            qs = qs.filter(donor__icontains=self.donor)
        if self.source == "manual":
            qs = qs.filter(imported_from="")
        elif self.source:
            qs = qs.filter(imported_from=self.source)
        return qs

    def query_string(self) -> str:
        values = {k: v for k, v in self.__dict__.items() if v not in (None, "")}
        return urlencode(
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
        )


def consignments(user: Any, filters: ConsignmentFilters | None = None) -> QuerySet[Consignment]:
    qs = Consignment.objects.visible_to(user).select_related("crossing", "corridor")
    return (filters or ConsignmentFilters()).apply(qs)


def trucks_per_day(
    user: Any, filters: ConsignmentFilters | None = None
) -> dict[str, list[tuple[date, int]]]:
    """Trucks that entered, per day per crossing (one GROUP BY), as series over the same days."""
    rows = (
        consignments(user, filters)
        .filter(trucks__isnull=False, status__in=ENTERED_STATUSES)
        .order_by()
        .values("day", "crossing__key")
        .annotate(n=Sum("trucks"))
    )
    return figures.trucks_per_day((r["day"], r["crossing__key"], r["n"]) for r in rows)


def tonnage_by_category(
    user: Any, filters: ConsignmentFilters | None = None
) -> dict[str, figures.Tonnage]:
    """Tons that entered by cargo category, the records whose tonnage is unknown counted apart."""
    rows = (
        consignments(user, filters)
        .filter(status__in=ENTERED_STATUSES)
        .order_by()
        .values("category")
        .annotate(
            total=Sum("tons"), n=Count("id"), unknown=Count("id", filter=Q(tons__isnull=True))
        )
    )
    totals = {
        r["category"]: figures.Tonnage(round(r["total"] or 0.0, 3), r["n"], r["unknown"])
        for r in rows
    }
    return dict(sorted(totals.items(), key=lambda item: (-item[1].tons, item[0])))


def per_day(user: Any, source: str, filters: ConsignmentFilters | None = None) -> list[Any]:
    """Records of one list per day: (day, count)."""
    rows = (
        consignments(user, filters)
        .filter(imported_from=source)
        .order_by()
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    return [(r["day"], r["n"]) for r in rows]


def compare_lists(user: Any, filters: ConsignmentFilters | None = None) -> figures.SourceComparison:
    """UNRWA's trucks and COGAT's consignments for the same days, with their difference."""
    return figures.compare_sources(
        per_day(user, "unrwa", filters),
        per_day(user, "cogat", filters),
        first_name=LISTS["unrwa"],
        second_name=LISTS["cogat"],
    )


def recent_window(user: Any, days: int = 366) -> tuple[date | None, date | None]:
    """The dashboard's default period: up to `days` days ending on the last day of the lists'
    data (demo data only when there is nothing else)."""
    qs = Consignment.objects.visible_to(user)
    real = qs.exclude(imported_from="demo")
    found = (real if real.exists() else qs).aggregate(first=Min("day"), last=Max("day"))
    if found["last"] is None:
        return None, None
    return max(found["first"], found["last"] - timedelta(days=days - 1)), found["last"]


# --- access incidents and protection ---------------------------------------------------------


def access_incidents(user: Any, category: str = "") -> QuerySet[AccessIncident]:
    if category and category not in AccessCategory.values:
        raise InvalidInput.one(
            "category", category, "must be one of " + ", ".join(AccessCategory.values)
        )
    qs = AccessIncident.objects.visible_to(user).select_related("crossing", "corridor", "actor")
    return qs.filter(category=category) if category else qs


def protections(user: Any) -> QuerySet[CorridorProtection]:
    return CorridorProtection.objects.visible_to(user).select_related(
        "task", "task__force", "corridor"
    )
