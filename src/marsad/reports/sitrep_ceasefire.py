"""The report's ceasefire section and its map: killed since the truce by each definition, the
last 24 hours, the day's incidents per governorate, new alerts and data warnings, violations
alleged; a chart of killed per day with the phases, and the Gaza map."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from marsad.analytics import truce
from marsad.ceasefire import selectors
from marsad.ceasefire.summary import summarize
from marsad.ceasefire.vocabulary import DEFINITIONS, WARNING_LABELS
from marsad.core import selectors as core
from marsad.core.audience import Audience
from marsad.reports import charts
from marsad.reports.sitrep import CHART_DAYS, Figure, Item, Section, Table, grade_for

# The definitions drawn day by day in the chart, each a daily field of the series.
CHART_DEFINITIONS = (
    truce.NEW_DEATHS,
    truce.RECOVERED_BODIES,
    truce.SUCCUMBED,
    truce.COMMITTEE_ADDITIONS,
)


def governorate_names(reader: Any) -> dict[str, str]:
    """Each governorate's name in the active language, by P-code."""
    places = core.actors(reader, kind="place").exclude(pcode="").defer("geometry")
    return {p.pcode: p.name for p in places}


def _source_grades(reader: Any) -> dict[str, tuple[str, str]]:
    """(name, reliability) of every source the reader may read, by key."""
    return {s.key: (s.name, s.reliability) for s in core.sources(reader)}


def section(day: date, audience: Audience) -> Section:
    found = Section("ceasefire", _("Ceasefire"))
    summary = summarize(audience, until=day)
    series = selectors.daily_reports(audience)
    report = next((r for r in series if r.report_date == day), None)
    incidents = list(
        selectors.incidents(audience, selectors.IncidentFilters(start=day, end=day)).order_by(
            "pcode", "id"
        )
    )
    violations = list(selectors.violations(audience).filter(incident__event_date=day))
    found.has_data = bool(report or incidents or violations)
    if not found.has_data:
        return found
    sources = _source_grades(audience)
    if report is not None and summary.effective and day >= summary.effective:
        for figure in summary.figures:
            name, reliability = sources.get(figure.source, (figure.source_name, ""))
            label = DEFINITIONS.get(figure.definition, (figure.definition, ""))[0]
            found.figures.append(
                Figure(
                    _("Killed since the truce: %(definition)s") % {"definition": label},
                    figure.value,
                    source=figure.source_name or name,
                    grade=reliability,
                )
            )
    _last_day(found, report, sources)
    _incidents(found, audience, incidents, day)
    _alerts(found, summary, day)
    for violation in violations:
        found.items.append(
            Item(
                _("Violation alleged by %(accuser)s against %(accused)s: %(incident)s")
                % {
                    "accuser": violation.accuser.name if violation.accuser else "–",
                    "accused": violation.accused.name if violation.accused else "–",
                    "incident": violation.incident.description or violation.incident.location,
                },
                day=day,
                source=violation.incident.reported_by,
                grade=grade_for(audience, violation),
            )
        )
    found.drawings.append(_chart(day, series, summary.phases))
    return found


def _last_day(found: Section, report: Any, sources: dict[str, tuple[str, str]]) -> None:
    """The day's figures of the casualty series; None (no report) when it has none that day."""
    name, reliability = sources.get(selectors.MAIN_SERIES_SOURCE, ("", ""))
    values = (
        (_("Killed in the last 24 hours (all reported)"), "ext_killed"),
        (_("Killed in the last 24 hours (new deaths)"), "killed_truce_new"),
        (_("Injured in the last 24 hours"), "ext_injured"),
    )
    for label, attribute in values:
        value = getattr(report, attribute, None) if report is not None else None
        found.figures.append(Figure(label, value, source=name, grade=reliability))


def _incidents(found: Section, reader: Any, incidents: list[Any], day: date) -> None:
    if not incidents:
        found.items.append(Item(_("No incident is recorded for this day."), day=day))
        return
    names = governorate_names(reader)
    table = Table(
        _("Incidents of the day per governorate"),
        [_("Governorate"), _("Incidents"), _("Fatalities coded")],
    )
    counts: dict[str, list[int]] = {}
    for incident in incidents:
        row = counts.setdefault(incident.pcode, [0, 0])
        row[0] += 1
        row[1] += incident.fatalities or 0
    for pcode, (n, killed) in sorted(counts.items()):
        table.rows.append([names.get(pcode, pcode or _("at sea or unlocated")), n, killed])
    found.tables.append(table)
    for incident in incidents:
        found.items.append(
            Item(
                f"{incident.get_sub_event_type_display()} · {incident.location}: "
                f"{incident.description}",
                day=incident.event_date,
                source=incident.reported_by,
                grade=grade_for(reader, incident),
            )
        )


def _alerts(found: Section, summary: Any, day: date) -> None:
    for alert in [*summary.alerts, *summary.incident_alerts]:
        if alert.day == day:
            found.items.append(
                Item(
                    _("Alert: an unusual rise (%(value)s against a usual %(baseline)s)")
                    % {"value": int(alert.value), "baseline": round(alert.baseline, 1)},
                    day=day,
                    source=summary.series_name,
                )
            )
    for warning in summary.warnings:
        if warning.day == day:
            found.items.append(
                Item(
                    _("Data warning: %(warning)s")
                    % {"warning": WARNING_LABELS.get(warning.kind, warning.kind)},
                    day=day,
                    source=summary.series_name,
                )
            )


def _chart(day: date, series: list[Any], phases: list[Any]) -> charts.LineChart:
    start = day - timedelta(days=CHART_DAYS - 1)
    lines = []
    for definition in CHART_DEFINITIONS:
        points = truce.daily_since_truce(series, definition, until=day)
        lines.append(
            charts.Line(
                str(DEFINITIONS[definition.name][0]), [(d, v) for d, v in points if d >= start]
            )
        )
    bands = [
        charts.Band(p.name, max(p.starts, start), min(p.ends or day, day))
        for p in phases
        if p.starts <= day and (p.ends is None or p.ends >= start)
    ]
    return charts.LineChart(_("Killed per day, by definition"), start, day, lines, bands)


def map_section(day: date, audience: Audience) -> Section:
    """The Gaza map: incidents of the last seven days per governorate, the day's incidents and
    the crossings with their status."""
    from marsad.access import selectors as access

    found = Section("map", _("Map of Gaza"))
    week = selectors.IncidentFilters(start=day - timedelta(days=6), end=day)
    per_governorate = {
        row["pcode"]: row["n"] for row in selectors.incidents_by_governorate(audience, week)
    }
    points = [
        (i.latitude, i.longitude, "incident")
        for i in selectors.incidents(audience, week)
        if i.latitude is not None
    ]
    states = access.status_on(audience, day)
    for crossing in access.crossings(audience):
        if crossing.located:
            step = states.get(crossing.key)
            points.append((crossing.latitude, crossing.longitude, step.state if step else ""))
    found.has_data = bool(per_governorate or points)
    found.drawings.append(
        charts.GazaMap(
            _("Incidents of the last seven days per governorate, and the crossings"),
            per_governorate,
            points,
            governorate_names(audience),
        )
    )
    return found
