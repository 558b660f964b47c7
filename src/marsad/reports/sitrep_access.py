"""The report's humanitarian access section: each crossing's status on the day and what changed
since the day before, trucks received in the last day and seven days against the target, access
incidents; charts of trucks per day by crossing and a strip of each crossing's status."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from marsad.access import selectors
from marsad.access.vocabulary import AccessState
from marsad.analytics import access as figures
from marsad.core.audience import Audience
from marsad.reports import charts
from marsad.reports.sitrep import CHART_DAYS, Figure, Item, Section, Table, grade_for, source_of

# The ceasefire's humanitarian clause (and point 7 of the plan): "no fewer than 600 trucks a
# day". Neither record holds it as a number, so the report keeps it here, citing the clause.
TRUCKS_TARGET_PER_DAY = 600


def _state(step: Any) -> str:
    return str(AccessState(step.state).label) if step is not None else _("unknown")


def section(day: date, audience: Audience) -> Section:
    found = Section("access", _("Humanitarian access"))
    today = selectors.status_on(audience, day)
    before = selectors.status_on(audience, day - timedelta(days=1))
    week = selectors.ConsignmentFilters(start=day - timedelta(days=6), end=day)
    per_day = selectors.trucks_per_day(audience, week)
    incidents = list(selectors.access_incidents(audience).filter(day=day))
    found.has_data = bool(today or per_day or incidents)
    if not found.has_data:
        return found
    crossings = list(selectors.crossings(audience))
    table = Table(
        _("Crossings on the day"),
        [
            _("Crossing"),
            _("Status"),
            _("Since"),
            _("Change since yesterday"),
            _("Source"),
            _("Grade"),
        ],
    )
    for crossing in crossings:
        step = today.get(crossing.key)
        if step is None:
            continue
        earlier = before.get(crossing.key)
        changed = earlier is None or earlier.pk != step.pk
        change = (
            _("from %(before)s to %(now)s") % {"before": _state(earlier), "now": _state(step)}
            if changed
            else "–"
        )
        table.rows.append(
            [
                crossing.name,
                _state(step),
                step.valid_from,
                change,
                source_of(audience, step) or (step.authority.name if step.authority else ""),
                grade_for(audience, step),
            ]
        )
    if table.rows:
        found.tables.append(table)
    else:
        found.items.append(Item(_("No crossing's status is known on this day."), day=day))
    _trucks(found, per_day, day)
    for incident in incidents:
        where = incident.crossing or incident.corridor
        found.items.append(
            Item(
                f"{incident.get_category_display()} · {where.name if where else ''}: "
                f"{incident.description}",
                day=incident.day,
                source=incident.reported_by,
                grade=grade_for(audience, incident),
            )
        )
    found.drawings += _charts(day, audience, crossings)
    return found


def _trucks(found: Section, per_day: dict[str, list[tuple[date, int]]], day: date) -> None:
    """Trucks that entered on the day and in the seven days to it, against the target; no
    figure (not zero) when no consignment is recorded for the period."""
    if not per_day:
        found.items.append(Item(_("No consignment is recorded for the seven days."), day=day))
        return
    # A day with no consignment recorded has no figure (not zero); the week has one.
    recorded = [v for series in per_day.values() for d, v in series if d == day]
    last_day = sum(recorded) if any(recorded) else None
    week = sum(v for series in per_day.values() for _d, v in series)
    source = _("consignments recorded by the centre (UNRWA and COGAT lists, partners)")
    found.figures += [
        Figure(_("Trucks received on the day"), last_day, source=source),
        Figure(
            _("Trucks received in the seven days to the day"),
            week,
            source=source,
            note=_("target %(target)s (%(share)s%%)")
            % {
                "target": TRUCKS_TARGET_PER_DAY * 7,
                "share": round(100 * week / (TRUCKS_TARGET_PER_DAY * 7)),
            },
        ),
        Figure(
            _("Target of the agreement, trucks a day"),
            TRUCKS_TARGET_PER_DAY,
            source=_("ceasefire agreement, clause on humanitarian aid"),
        ),
    ]


def _charts(day: date, audience: Audience, crossings: list[Any]) -> list[Any]:
    start = day - timedelta(days=CHART_DAYS - 1)
    month = selectors.ConsignmentFilters(start=start, end=day)
    names = {c.key: c.name for c in crossings}
    bars = charts.BarChart(
        _("Trucks per day by crossing"),
        start,
        day,
        {names.get(k, k): v for k, v in selectors.trucks_per_day(audience, month).items()},
        target=TRUCKS_TARGET_PER_DAY,
    )
    rows = []
    for crossing in crossings:
        steps = selectors.steps_of(selectors.timeline(audience, crossing=crossing))
        if steps:
            states = []
            d = start
            while d <= day:
                states.append((d, figures.state_on(steps, d) or figures.UNKNOWN))
                d += timedelta(days=1)
            rows.append((crossing.name, states))
    labels = {s.value: str(s.label) for s in AccessState}
    labels[figures.UNKNOWN] = _("unknown")
    strip = charts.StatusStrip(_("Crossing status, day by day"), start, day, rows, labels)
    return [bars, strip]
