"""Killed since the truce, per phase, per governorate and per day; alerts and data-quality
warnings. Stored records in, the pure analytics core does the counting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from marsad.analytics import spikes, truce
from marsad.analytics.series import Window, per_phase, weekly_sums
from marsad.ceasefire import aggregates, selectors
from marsad.ceasefire.models import CasualtyFigure, Phase
from marsad.ceasefire.services import series_kept
from marsad.core import history
from marsad.web import pagecache


@dataclass
class SourceFigure:
    """One source's count since the truce under one definition, with what it counts."""

    source: str
    source_name: str
    definition: str
    description: str
    value: int
    days: int = 0
    missing_reports: int = 0
    rule: str = ""


@dataclass
class Summary:
    effective: date | None
    until: date | None
    # The moment the records were read as Marsad held them (`known_on`); None: as known today.
    known_on: datetime | None = None
    # The first day counted (included): the day after the truce took effect by default, since
    # a daily report on the day it took effect counts the fighting before it.
    counted_from: date | None = None
    since_truce: bool = True
    figures: list[SourceFigure] = field(default_factory=list)
    injured: list[SourceFigure] = field(default_factory=list)
    per_phase: list[dict[str, Any]] = field(default_factory=list)
    daily: list[tuple[date, int]] = field(default_factory=list)
    weekly: list[tuple[date, int]] = field(default_factory=list)
    alerts: list[spikes.SpikeAlert] = field(default_factory=list)
    incident_alerts: list[spikes.SpikeAlert] = field(default_factory=list)
    warnings: list[truce.DataWarning] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    # The main daily series' source, its editor credited ("..., via Tech for Palestine").
    series_name: str = ""
    # Incidents, their tolls and those located per governorate from `areas_from` (included)
    # to `until`, as `selectors.incidents_by_governorate` gives them.
    by_governorate: list[dict[str, Any]] = field(default_factory=list)
    areas_from: date | None = None


def as_dict(found: Summary) -> dict[str, Any]:
    """The summary as the API and `marsad ceasefire summary --json` give it (the same keys)."""
    return {
        "effective": found.effective,
        "counted_from": found.counted_from,
        "since_truce": found.since_truce,
        "until": found.until,
        "known_on": found.known_on,
        "killed_since_truce": [asdict(f) for f in found.figures],
        "injured_since_truce": [asdict(f) for f in found.injured],
        "per_phase": [
            {
                "phase": r["phase"].number,
                "name_ar": r["phase"].name_ar,
                "name_en": r["phase"].name_en,
                "killed": r["killed"],
            }
            for r in found.per_phase
        ],
        "alerts": [asdict(a) for a in found.alerts],
        "warnings": [asdict(w) for w in found.warnings],
    }


# What the daily series' part of a summary reads: kept until one of these is written, so that
# the incidents' writes (the most frequent) leave it be.
SERIES_MODELS = tuple(sorted(series_kept.MODELS))


def summarize(
    user: Any,
    *,
    since: date | None = None,
    until: date | None = None,
    known_on: datetime | None = None,
) -> Summary:
    """Everything the dashboard and `marsad ceasefire summary` say, from one computation.
    `since` is the first day counted (included); by default counting starts with the first
    daily report after the truce took effect. `until` is the day counted to (`as_of`);
    `known_on` reads every record as Marsad held it then (`core/moments.py`), from the
    history tables instead of the kept daily counts.
    The daily series' part is kept per visibility class (marsad.web.pagecache); the incidents'
    part is computed for each call."""
    kept = pagecache.cached(
        "ceasefire:series",
        user,
        lambda: _kept_series(user, since, until, known_on),
        since,
        until,
        known_on,
        models=SERIES_MODELS,
    )
    found = replace(kept, figures=list(kept.figures))
    # The counting functions start the day after the day they are given.
    start = (
        found.counted_from - timedelta(days=1)
        if found.counted_from
        else found.effective or truce.TRUCE_START
    )
    # One read of the kept counts per day and governorate gives the incidents' part: the tolls
    # since the truce, the counts per day for the spikes and the table by governorate.
    days, found.by_governorate = aggregates.days_and_areas(
        user, start=start, end=until, known_on=known_on
    )
    counted = [row for row in days if row["event_date"] > start]
    total = sum(row["killed"] for row in counted) if any(r["tolled"] for r in counted) else None
    found.figures += _incident_figures(total)
    found.figures += _period_figures(user, start, until, known_on)
    found.areas_from = start
    found.incident_alerts = spikes.detect_spikes(
        [(row["event_date"], row["n"]) for row in days], label="incidents"
    )
    return found


def _kept_series(
    user: Any, since: date | None, until: date | None, known_on: datetime | None
) -> Summary:
    """The daily series' part, kept in the database too for today's knowledge (a restart or an
    emptied cache does not count it again); as held at `known_on`, counted from history."""
    if known_on is not None:
        return _series(user, since, until, known_on)
    return series_kept.kept(
        pagecache.visibility_class(user), (since, until), lambda: _series(user, since, until, None)
    )


def _series(
    user: Any, since: date | None, until: date | None, known_on: datetime | None
) -> Summary:
    agreement = selectors.main_agreement(user, known_on)
    effective = agreement.effective if agreement else truce.TRUCE_START
    # The counting functions start the day after the day they are given.
    start = since - timedelta(days=1) if since else effective
    found = Summary(
        effective=effective,
        until=until,
        known_on=known_on,
        counted_from=start + timedelta(days=1),
        since_truce=since is None,
        phases=selectors.phases(user, agreement, known_on),
    )
    for key, name, _days in selectors.series_sources(user, known_on):
        series = selectors.daily_series(user, key, known_on)
        for figure in truce.killed_since_truce(series, truce_start=start, until=until):
            found.figures.append(
                SourceFigure(
                    source=key,
                    source_name=name,
                    definition=figure.definition.name,
                    description=figure.definition.description,
                    value=figure.value,
                    days=figure.days,
                    missing_reports=figure.missing_reports,
                )
            )
        injured = truce.since_truce(series, truce.INJURED, truce_start=start, until=until)
        found.injured.append(
            SourceFigure(
                source=key,
                source_name=name,
                definition="injured",
                description=injured.definition.description,
                value=injured.value,
                days=injured.days,
            )
        )
        if key == selectors.MAIN_SERIES_SOURCE:
            found.series_name = name
            found.daily = truce.daily_since_truce(series, truce_start=start, until=until)
            found.weekly = sorted(weekly_sums(found.daily).items())
            found.alerts = spikes.detect_spikes(found.daily, label="new deaths")
            found.warnings = truce.quality_warnings(series)
            # A phase ends the day the next begins: that day belongs to the next phase.
            windows = [
                Window(str(p.number), p.starts, p.ends - timedelta(days=1) if p.ends else None)
                for p in found.phases
            ]
            totals = per_phase(found.daily, windows)
            found.per_phase = [
                {"phase": p, "killed": totals.get(str(p.number), 0)} for p in found.phases
            ]
    return found


def _incident_figures(total: int | None) -> list[SourceFigure]:
    """The incidents' tolls (`tolls.py`: the most conservative figure of each, ACLED's rule)."""
    if total is None:
        return []
    return [
        SourceFigure(
            source="INCIDENTS",
            source_name="ACLED",
            definition="coded_fatalities",
            description="Sum of each incident's toll since the truce: the most conservative of "
            "the count coded on it and each source's figure (ACLED's rule).",
            value=total,
            rule="acled_conservative",
        )
    ]


def _period_figures(
    user: Any, start: date, until: date | None, known_on: datetime | None
) -> list[SourceFigure]:
    """Figures sources gave for the whole period since the truce, each as given (as held at
    `known_on` when given)."""
    found = []
    qs = history.held(CasualtyFigure, user, known_on).select_related("source")
    qs = qs.filter(incident__isnull=True, period_start__lte=start)
    if until:
        qs = qs.filter(reported_on__lte=until)
    for figure in qs.order_by("reported_on"):
        if figure.killed_best is None:
            continue
        found.append(
            SourceFigure(
                source=figure.source.key,
                source_name=figure.source.name,
                definition="as_reported",
                description=figure.wording or "",
                value=figure.killed_best,
                rule="named_source",
            )
        )
    return found
