"""Reads of the programs, always through visible_to: course progress, and the readiness table
with its scores (the same reads serve the pages and the API)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils.translation import gettext as _

from marsad.ceasefire import aggregates
from marsad.ceasefire.models import Incident
from marsad.coalition.models import Pledge
from marsad.core import history
from marsad.core import selectors as core
from marsad.core.evidence import CLAIM_RELATED
from marsad.core.models import Actor, Source
from marsad.geo.areas import governorate_names
from marsad.programs import scoring
from marsad.programs.models import Cohort, Course, ReadinessIndicator
from marsad.programs.vocabulary import IndicatorKind

KINDS = (scoring.SECURITY, *scoring.PERCENT_KINDS)


def courses(user: Any) -> QuerySet[Course]:
    return (
        Course.objects.visible_to(user)
        .select_related("location", "pledge", "pledge__nation")
        .prefetch_related(
            Prefetch("trainer_nations", queryset=Actor.objects.visible_to(user).order_by("key"))
        )
    )


def course(user: Any, pk: int) -> Course:
    """The course if `user` may read it; Course.DoesNotExist otherwise."""
    return courses(user).get(pk=pk)


def cohorts(user: Any) -> QuerySet[Cohort]:
    return Cohort.objects.visible_to(user).select_related("course")


def indicators(user: Any) -> QuerySet[ReadinessIndicator]:
    return ReadinessIndicator.objects.visible_to(user).select_related("source")


@dataclass
class CourseProgress:
    """A course with the cohorts the reader may see, and their totals."""

    course: Course
    cohorts: list[Cohort]
    pledge: Pledge | None

    def _total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.cohorts)

    @property
    def enrolled(self) -> int:
        return self._total("enrolled")

    @property
    def vetted(self) -> int:
        return self._total("vetted")

    @property
    def graduated(self) -> int:
        return self._total("graduated")

    @property
    def dropped_out(self) -> int:
        return self._total("dropped_out")

    @property
    def progress(self) -> float | None:
        """Graduated as a percentage of the target."""
        return scoring.share(self.graduated, self.course.target_trainees)

    @property
    def progress_pct(self) -> int | None:
        return None if self.progress is None else round(self.progress)

    @property
    def progress_bar(self) -> int:
        """The progress as a whole percentage for a bar (0-100)."""
        return min(100, self.progress_pct or 0)

    @property
    def dropout_rate(self) -> float | None:
        """Dropped out as a percentage of those enrolled."""
        return scoring.share(self.dropped_out, self.enrolled)

    @property
    def dropout_pct(self) -> int | None:
        rate = self.dropout_rate
        return None if rate is None else round(rate)


def course_progress(user: Any, record: Course) -> CourseProgress:
    visible_pledge = None
    if record.pledge_id is not None:
        visible_pledge = (
            Pledge.objects.visible_to(user).select_related("nation").filter(pk=record.pledge_id)
        ).first()
    return CourseProgress(
        course=record,
        cohorts=list(cohorts(user).filter(course=record).order_by("starts", "id")),
        pledge=visible_pledge,
    )


def program_overview(user: Any) -> list[CourseProgress]:
    return [course_progress(user, c) for c in courses(user)]


# ---------------------------------------------------------------------------------------------
# Reconstruction readiness
# ---------------------------------------------------------------------------------------------


def _shown(value: Decimal | int | None) -> Decimal | int | None:
    """45.0 is shown as 45; 45.5 as it is."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


@dataclass
class Cell:
    """One indicator of one governorate: its latest value on the day, and the one before."""

    kind: str
    value: Decimal | int | None = None
    measured_on: date | None = None
    source: Source | None = None
    record: ReadinessIndicator | None = None
    previous: Decimal | int | None = None
    previous_on: date | None = None
    computed: bool = False  # counted from the ceasefire incident log

    @property
    def shown(self) -> Decimal | int | None:
        return _shown(self.value)

    @property
    def previous_shown(self) -> Decimal | int | None:
        return _shown(self.previous)

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def trend(self) -> str:
        """up, down or same against the value before; '' when there is none."""
        if self.value is None or self.previous is None:
            return ""
        if self.value == self.previous:
            return "same"
        return "up" if self.value > self.previous else "down"

    @property
    def change(self) -> Decimal | int | None:
        if self.value is None or self.previous is None:
            return None
        return _shown(self.value - self.previous)

    @property
    def improving(self) -> bool | None:
        """Whether the trend is good news: fewer incidents, higher percentages."""
        if self.trend in ("", "same"):
            return None
        return (self.trend == "down") == (self.kind == scoring.SECURITY)


@dataclass
class GovernorateReadiness:
    pcode: str
    name: str
    cells: list[Cell]
    readiness: scoring.Readiness = field(init=False)

    def __post_init__(self) -> None:
        by_kind = {c.kind: c for c in self.cells}
        security = by_kind[scoring.SECURITY]
        self.readiness = scoring.readiness_score(
            {
                k: float(by_kind[k].value) if by_kind[k].known else None
                for k in scoring.PERCENT_KINDS
            },
            int(security.value) if security.known else None,
        )

    def cell(self, kind: str) -> Cell:
        return next(c for c in self.cells if c.kind == kind)


@dataclass
class ReadinessTable:
    as_of: date
    window_start: date
    rows: list[GovernorateReadiness]
    known_on: datetime | None = None

    def scores(self) -> dict[str, int]:
        """Score by P-code, for the map (governorates without a score are left out)."""
        return {r.pcode: r.readiness.score for r in self.rows if r.readiness.score is not None}


def governorate_labels(user: Any) -> dict[str, str]:
    """The name of each governorate by P-code: its place actor's in the active language, else
    OCHA's."""
    names = governorate_names()
    # Keyed by the P-code: a neighbourhood shares its governorate's P-code, not its name.
    places = core.actors(user, kind="place").filter(key__in=list(names))
    return {**names, **{p.pcode: p.name for p in places}}


def latest_date(user: Any, known_on: datetime | None = None) -> date | None:
    held = history.held(ReadinessIndicator, user, known_on)
    return held.aggregate(last=Max("measured_on"))["last"]  # type: ignore[no-any-return]


def _incident_counts(
    user: Any, as_of: date, known_on: datetime | None
) -> tuple[set[str], dict[str, int], dict[str, int]]:
    """Governorates the reader's incident log covers up to `as_of`, and the incidents in the
    30 days to `as_of` and in the 30 days before those (the log as held at `known_on`)."""
    names = set(governorate_names())
    start = as_of - timedelta(days=scoring.WINDOW_DAYS - 1)
    earlier = start - timedelta(days=scoring.WINDOW_DAYS)
    if known_on is None:
        # Today's log is counted per day and governorate for each visibility already (the
        # kept daily counts): reading it instead of the incidents keeps the page's cost the
        # same at a million incidents as at a hundred.
        def counted(**within: Any) -> dict[str, int]:
            rows = aggregates.by_governorate(user, **within)
            return {r["pcode"]: r["n"] for r in rows if r["pcode"] in names}

        return (
            set(counted(end=as_of)),
            counted(start=start, end=as_of),
            counted(start=earlier, end=start - timedelta(days=1)),
        )
    log = history.held(Incident, user, known_on).filter(pcode__in=names, event_date__lte=as_of)
    covered = set(log.values_list("pcode", flat=True).distinct())

    def per_governorate(qs: QuerySet[Incident]) -> dict[str, int]:
        rows = qs.values("pcode").annotate(n=Count("id")).order_by()
        return {row["pcode"]: row["n"] for row in rows}

    return (
        covered,
        per_governorate(log.filter(event_date__gte=start)),
        per_governorate(log.filter(event_date__gte=earlier, event_date__lt=start)),
    )


def _named(
    user: Any, rows: QuerySet[ReadinessIndicator], known_on: datetime | None
) -> list[ReadinessIndicator]:
    """The indicators with their sources: as they are now, or as held at `known_on`."""
    if known_on is None:
        return list(rows)
    return history.held_named(rows, user, "source")


def readiness_table(
    user: Any, as_of: date | None = None, known_on: datetime | None = None
) -> ReadinessTable:
    """Each governorate's indicators on `as_of` (by default the date of the latest value the
    reader may see, else today), with the trend and the score; with `known_on`, the indicators
    and the incident log as Marsad held them then (`core/moments.py`).

    Security incidents are counted from the ceasefire incident log for a governorate the log
    covers (one incident or more there up to `as_of`); otherwise the latest recorded value of
    the indicator stands in."""
    as_of = as_of or latest_date(user, known_on) or date.today()
    names = governorate_labels(user)
    measured: dict[tuple[str, str], list[ReadinessIndicator]] = {}
    held = history.held(ReadinessIndicator, user, known_on).select_related("source")
    by_date = held.filter(measured_on__lte=as_of).order_by("measured_on", "id")
    for record in _named(user, by_date, known_on):
        measured.setdefault((record.pcode, record.kind), []).append(record)
    covered, recent, before = _incident_counts(user, as_of, known_on)
    rows = []
    for pcode in sorted(names):
        cells = []
        for kind in KINDS:
            if kind == scoring.SECURITY and pcode in covered:
                cells.append(
                    Cell(
                        kind=kind,
                        value=recent.get(pcode, 0),
                        measured_on=as_of,
                        previous=before.get(pcode, 0),
                        previous_on=as_of - timedelta(days=scoring.WINDOW_DAYS),
                        computed=True,
                    )
                )
                continue
            past = measured.get((pcode, kind), [])
            if not past:
                cells.append(Cell(kind=kind))
                continue
            last = past[-1]
            earlier = past[-2] if len(past) > 1 else None
            cells.append(
                Cell(
                    kind=kind,
                    value=int(last.value) if kind == scoring.SECURITY else last.value,
                    measured_on=last.measured_on,
                    source=last.source,
                    record=last,
                    previous=earlier.value if earlier else None,
                    previous_on=earlier.measured_on if earlier else None,
                )
            )
        rows.append(GovernorateReadiness(pcode=pcode, name=names[pcode], cells=cells))
    # As held, the evidence shown is what each value rested on then: read for all at once.
    shown = [c.record for row in rows for c in row.cells if c.record is not None]
    history.held_links(shown, "claims", user, *CLAIM_RELATED)
    return ReadinessTable(
        as_of=as_of,
        window_start=as_of - timedelta(days=scoring.WINDOW_DAYS - 1),
        rows=rows,
        known_on=known_on,
    )


def formula() -> str:
    """The readiness formula in words, in the active language."""
    return _(
        "The readiness score of a governorate runs from 0 to 100. It is the average of the "
        "percentage indicators recorded for it (explosive-hazard clearance, rubble removed, and "
        "water, power and health facilities working), minus %(penalty)s points for each "
        "security incident in the last %(days)s days; it never falls below 0. An indicator "
        "with no value is left out of the average, and the table says how many the score rests "
        "on. Security incidents are counted from the ceasefire incident log where it covers the "
        "governorate, otherwise taken from the latest recorded value."
    ) % {"penalty": scoring.PENALTY_PER_INCIDENT, "days": scoring.WINDOW_DAYS}


def kind_labels() -> dict[str, str]:
    return {k: str(label) for k, label in IndicatorKind.choices}


def governorate_shapes(user: Any) -> dict[str, Any]:
    """The governorates the reader may see, as GeoJSON for the choropleth."""
    places = core.actors(user, kind="place").filter(key__in=list(governorate_names()))
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": p.geometry,
                "properties": {"pcode": p.pcode, "name": p.name},
            }
            for p in places.order_by("pcode")
            if p.geometry
        ],
    }
