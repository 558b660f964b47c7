"""Incidents and their casualty figures grouped by governorate, event type, actor, day or week,
and a source's daily series with what it counts: the API's analytics. Every query goes through
the selectors (visible_to); the pure core folds days into weeks and counts since the truce."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Sum

from marsad.analytics import truce
from marsad.analytics.series import week_start
from marsad.ceasefire import selectors
from marsad.ceasefire.tolls import killed_sum, with_tolls
from marsad.core.errors import InvalidInput

# Group name -> the incident column it groups by (weeks are folded from days).
GROUPS = {
    "governorate": "pcode",
    "event_type": "event_type",
    "actor": "actor1",
    "day": "event_date",
    "week": "event_date",
}
DEFINITIONS = {
    "incidents": "Incidents of the filtered set in the group.",
    "killed_coded": "Sum of the fatalities coded on each incident; 0 when none is coded.",
    "toll": "Sum of each incident's toll, as every page and export shows it: the most "
    "conservative of the count coded on it and each source's figure (ACLED's rule).",
    "by_source": "Killed and injured as each source gave them for these incidents (best "
    "estimates), summed source by source. Sources are never added together: their figures "
    "stand side by side.",
    "governorate": "OCHA P-code of the governorate; empty for places at sea, outside every "
    "governorate or unknown.",
    "actor": "ACLED's actor 1, as named in the record.",
    "week": "Weeks start on Monday; the key is the week's first day.",
}


def _key(value: Any, group: str) -> str:
    if group == "week":
        return week_start(value).isoformat()
    return value.isoformat() if isinstance(value, date) else str(value or "")


def breakdown(
    user: Any, group: str, filters: selectors.IncidentFilters | None = None
) -> list[dict[str, Any]]:
    """Rows of one group: its key, incidents, coded fatalities and each source's figures."""
    column = GROUPS[group]
    incidents = selectors.incidents(user, filters).order_by()
    rows: dict[str, dict[str, Any]] = {}
    for found in (
        with_tolls(user, incidents)
        .values(column)
        .annotate(n=Count("id"), killed=Sum("fatalities"), toll=Sum(killed_sum()))
        .order_by()
    ):
        key = _key(found[column], group)
        row = rows.setdefault(
            key,
            {"key": key, "incidents": 0, "killed_coded": 0, "toll": 0, "sources": {}},
        )
        row["incidents"] += found["n"]
        row["killed_coded"] += found["killed"] or 0
        row["toll"] += found["toll"] or 0
    figures = (
        selectors.figures(user)
        .filter(incident__in=incidents.values("pk"))
        .order_by()
        .values(f"incident__{column}", "source__key")
        .annotate(n=Count("id"), killed=Sum("killed_best"), injured=Sum("injured_best"))
    )
    for found in figures:
        key = _key(found[f"incident__{column}"], group)
        source = rows[key]["sources"].setdefault(
            found["source__key"],
            {"source": found["source__key"], "figures": 0, "killed": None, "injured": None},
        )
        source["figures"] += found["n"]
        for measure in ("killed", "injured"):
            if found[measure] is not None:
                source[measure] = (source[measure] or 0) + found[measure]
    out = []
    for key in sorted(rows):
        row = rows[key]
        out.append({**row, "by_source": sorted(row.pop("sources").values(), key=_by_source)})
    return out


def _by_source(item: dict[str, Any]) -> str:
    return str(item["source"])


SERIES_DEFINITIONS = {**truce.DEFINITIONS, truce.INJURED.name: truce.INJURED}


def daily_series(
    user: Any,
    *,
    source: str = selectors.MAIN_SERIES_SOURCE,
    definition: str = truce.NEW_DEATHS.name,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """A source's daily values under one definition from the day after `since` (the truce by
    default), with the source, its editor and what every definition counts."""
    if definition not in SERIES_DEFINITIONS:
        raise InvalidInput.one(
            "definition", definition, "must be one of " + ", ".join(SERIES_DEFINITIONS)
        )
    key = source.upper()
    names = {k: name for k, name, _days in selectors.series_sources(user)}
    if key not in names:
        raise InvalidInput.one("source", source, "no daily series of this source is visible")
    agreement = selectors.main_agreement(user)
    start = since or (agreement.effective if agreement else truce.TRUCE_START)
    chosen = SERIES_DEFINITIONS[definition]
    days = truce.daily_since_truce(
        selectors.daily_reports(user, key), chosen, truce_start=start, until=until
    )
    return {
        "source": key,
        "source_name": names[key],
        "via": selectors.series_editors(user, key),
        "since": start,
        "until": until,
        "definition": chosen.name,
        "definitions": {d.name: d.description for d in SERIES_DEFINITIONS.values()},
        "days": [{"date": day, "value": value} for day, value in days],
    }
