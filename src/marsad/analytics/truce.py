"""Killed since the truce began, by named definition, and data-quality warnings on the series.

The Gaza ceasefire took effect on 10 October 2025. That day's report still counts deaths from
before it, so counting starts on the next day: from 2025-10-11, i.e. after `TRUCE_START`.
Since then the Ministry of Health splits each day's `killed` into new deaths, bodies recovered
(most died before the truce), deaths from earlier months added by its committee, and wounded who
succumbed. A figure "since the truce" must say which of these it counts; hence definitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

TRUCE_START = date(2025, 10, 10)

#: Cumulative fields checked for decreases, where a day gives them.
CUMULATIVE_FIELDS = ("ext_killed_cum", "killed_cum", "ext_injured_cum", "injured_cum")
#: The parts of a day's `killed` since the truce.
TRUCE_PARTS = ("killed_truce_new", "killed_recovered", "killed_committee", "killed_succumbed")


class CasualtyDay(Protocol):
    """What the truce figures read of a day (`marsad.datasets.casualties.CasualtyDay` fits)."""

    @property
    def report_date(self) -> date: ...
    @property
    def report_source(self) -> str: ...
    @property
    def killed(self) -> int | None: ...
    @property
    def ext_killed(self) -> int: ...
    @property
    def ext_killed_cum(self) -> int: ...
    @property
    def ext_injured(self) -> int: ...
    @property
    def killed_truce_new(self) -> int | None: ...
    @property
    def killed_recovered(self) -> int | None: ...
    @property
    def killed_committee(self) -> int | None: ...
    @property
    def killed_succumbed(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Definition:
    """A named way of counting since the truce: the daily field it sums and what that means."""

    name: str
    field: str
    description: str


ALL_REPORTED = Definition(
    "all_reported",
    "ext_killed",
    "Every death the Gaza Ministry of Health added to its toll after the truce began: new "
    "deaths, bodies recovered, deaths from earlier months added by its committee and wounded "
    "who succumbed (the daily `ext_killed` figure; days without a report filled by Tech for "
    "Palestine).",
)
NEW_DEATHS = Definition(
    "new_deaths",
    "killed_truce_new",
    "People reported killed after the truce began, by new violence (`killed_truce_new`).",
)
RECOVERED_BODIES = Definition(
    "recovered_bodies",
    "killed_recovered",
    "Bodies recovered from rubble or returned after the truce began; most of these people "
    "died before it (`killed_recovered`).",
)
COMMITTEE_ADDITIONS = Definition(
    "committee_additions",
    "killed_committee",
    "Deaths from before the truce added to the toll after the Ministry's committee reviewed "
    "reports that were incomplete when first made (`killed_committee`).",
)
SUCCUMBED = Definition(
    "succumbed",
    "killed_succumbed",
    "Wounded who died of their injuries after the truce began (`killed_succumbed`).",
)
INJURED = Definition(
    "injured",
    "ext_injured",
    "People reported injured after the truce began (`ext_injured`, gaps filled).",
)

#: The definitions of "killed since the truce", by name.
DEFINITIONS: dict[str, Definition] = {
    d.name: d for d in (ALL_REPORTED, NEW_DEATHS, RECOVERED_BODIES, COMMITTEE_ADDITIONS, SUCCUMBED)
}


@dataclass(frozen=True, slots=True)
class TruceFigure:
    """A total since the truce: what it counts, over which days, and how many lacked a report."""

    definition: Definition
    value: int
    first_day: date
    last_day: date | None
    days: int
    missing_reports: int


def since_truce(
    days: Iterable[CasualtyDay],
    definition: Definition | str = ALL_REPORTED,
    *,
    truce_start: date = TRUCE_START,
    until: date | None = None,
) -> TruceFigure:
    """The total of one definition from the day after `truce_start` to `until` (included)."""
    chosen = DEFINITIONS[definition] if isinstance(definition, str) else definition
    first_day = truce_start + timedelta(days=1)
    value = counted = missing = 0
    last_day: date | None = None
    for day in days:
        if day.report_date < first_day or (until is not None and day.report_date > until):
            continue
        value += getattr(day, chosen.field) or 0
        counted += 1
        missing += day.report_source == "missing"
        last_day = max(last_day or day.report_date, day.report_date)
    return TruceFigure(chosen, value, first_day, last_day, counted, missing)


def daily_since_truce(
    days: Iterable[CasualtyDay],
    definition: Definition | str = NEW_DEATHS,
    *,
    truce_start: date = TRUCE_START,
    until: date | None = None,
) -> list[tuple[date, int]]:
    """One definition's daily values since the truce, for charts and `spikes.detect_spikes`.

    New deaths is the default: all reported deaths jump almost every Saturday when the committee's
    additions and recovered bodies are published, which says nothing about violence that day.
    """
    chosen = DEFINITIONS[definition] if isinstance(definition, str) else definition
    return sorted(
        (day.report_date, getattr(day, chosen.field) or 0)
        for day in days
        if day.report_date > truce_start and (until is None or day.report_date <= until)
    )


def killed_since_truce(
    days: Iterable[CasualtyDay], *, truce_start: date = TRUCE_START, until: date | None = None
) -> list[TruceFigure]:
    """Killed since the truce began under every definition, all reported first."""
    series = list(days)
    return [
        since_truce(series, definition, truce_start=truce_start, until=until)
        for definition in DEFINITIONS.values()
    ]


@dataclass(frozen=True, slots=True)
class DataWarning:
    """A day the series should be read with care, and why (an English sentence)."""

    day: date
    kind: str
    field: str
    message: str


def quality_warnings(
    days: Iterable[CasualtyDay],
    *,
    truce_start: date = TRUCE_START,
    cumulative_fields: Sequence[str] = CUMULATIVE_FIELDS,
) -> list[DataWarning]:
    """Warnings, by day: truce parts that do not add up to the day's killed, days without a
    report, days missing from the series, cumulative figures that fall, and daily figures that
    disagree with the change in the cumulative one."""
    series = sorted(days, key=lambda day: day.report_date)
    warnings: list[DataWarning] = []
    for day in series:
        if day.report_source == "missing":
            warnings.append(
                DataWarning(
                    day.report_date,
                    "missing_report",
                    "report_source",
                    f"No report was published on {day.report_date}; the day's figures are "
                    "estimates filled in by Tech for Palestine.",
                )
            )
        if day.report_date > truce_start:
            warnings.extend(_parts_mismatch(day))
    warnings.extend(_gaps(series))
    warnings.extend(_daily_against_cumulative(series))
    for name in cumulative_fields:
        warnings.extend(_decreases(series, name))
    return sorted(warnings, key=lambda warning: (warning.day, warning.kind, warning.field))


def _parts_mismatch(day: CasualtyDay) -> list[DataWarning]:
    killed = day.killed if day.killed is not None else day.ext_killed
    parts = [getattr(day, name) or 0 for name in TRUCE_PARTS]
    if killed == sum(parts):
        return []
    new, recovered, committee, succumbed = parts
    return [
        DataWarning(
            day.report_date,
            "truce_parts_mismatch",
            "killed",
            f"On {day.report_date} the report gives {killed} killed, but its parts add up to "
            f"{sum(parts)} ({new} new, {recovered} recovered, {committee} added by the "
            f"committee, {succumbed} succumbed).",
        )
    ]


def _gaps(series: Sequence[CasualtyDay]) -> list[DataWarning]:
    warnings = []
    for before, after in zip(series, series[1:], strict=False):
        missing = (after.report_date - before.report_date).days - 1
        if missing > 0:
            warnings.append(
                DataWarning(
                    before.report_date + timedelta(days=1),
                    "missing_days",
                    "report_date",
                    f"The series has no row for {missing} day(s) after {before.report_date}.",
                )
            )
    return warnings


def _daily_against_cumulative(series: Sequence[CasualtyDay]) -> list[DataWarning]:
    warnings = []
    for before, after in zip(series, series[1:], strict=False):
        change = after.ext_killed_cum - before.ext_killed_cum
        if change != after.ext_killed and after.report_date - before.report_date == timedelta(1):
            warnings.append(
                DataWarning(
                    after.report_date,
                    "daily_cumulative_mismatch",
                    "ext_killed",
                    f"On {after.report_date} the daily figure is {after.ext_killed} but the "
                    f"cumulative one rose by {change}.",
                )
            )
    return warnings


def _decreases(series: Sequence[CasualtyDay], name: str) -> list[DataWarning]:
    warnings = []
    previous: tuple[date, int] | None = None
    for day in series:
        value = getattr(day, name, None)
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            warnings.append(
                DataWarning(
                    day.report_date,
                    "cumulative_decrease",
                    name,
                    f"{name} falls from {previous[1]} on {previous[0]} to {value} on "
                    f"{day.report_date}.",
                )
            )
        previous = (day.report_date, value)
    return warnings
