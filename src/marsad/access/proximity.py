"""The ceasefire incidents near a corridor or a crossing, and the corridor's risk.

Distances are exact, in metres, in the transverse Mercator projection of `marsad.geo.distance`
(Shapely on projected coordinates). The database is first asked only for incidents in the H3
cells that cover the route's buffer: each incident stores its cells (resolutions 6 and 8) in
indexed columns, so the query reads the few cells around the route instead of every incident.
A cell is kept when its centre lies within the distance plus the cell's largest centre-to-corner
distance of the route, so no incident within the distance is missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import h3
import numpy as np
from shapely.geometry import mapping, shape

from marsad.analytics.access import NearIncident, RiskSummary, corridor_risk
from marsad.ceasefire.models import Incident
from marsad.core import selectors as core
from marsad.geo.distance import distances_m, project_geometry, unproject

DEFAULT_METRES = 1000.0
MAX_METRES = 50_000.0
#: Largest distance from an H3 cell's centre to its corners, with a margin (metres).
CELL_REACH = {8: 650.0, 6: 4_500.0}
#: More cells than this and the coarser resolution is used; past it, no cell filter at all.
MAX_CELLS = 3000


def covering_cells(geometry: Any, metres: float) -> tuple[str, list[str]] | None:
    """The H3 column and cells to ask the database for, or None to read every located incident."""
    for resolution in (8, 6):
        buffer = project_geometry(geometry).buffer(metres + CELL_REACH[resolution])
        ring = np.asarray(buffer.exterior.coords)
        lats, lons = unproject(ring[:, 0], ring[:, 1])
        polygon = shape({"type": "Polygon", "coordinates": [list(zip(lons, lats, strict=True))]})
        cells = h3.geo_to_cells(mapping(polygon), resolution)
        if len(cells) <= MAX_CELLS:
            return f"h3_{resolution}", sorted(cells)
    return None


@dataclass
class Nearby:
    """The incidents within `metres` of a route in a period, nearest first, and the risk."""

    metres: float
    start: date | None
    end: date | None
    incidents: list[NearIncident]
    risk: RiskSummary

    def ids(self) -> list[int]:
        return [i.id for i in self.incidents]


def incidents_near(
    user: Any,
    geometry: dict[str, Any],
    *,
    metres: float = DEFAULT_METRES,
    start: date | None = None,
    end: date | None = None,
) -> Nearby:
    """The ceasefire incidents the reader may see within `metres` of a geometry (a corridor's
    line, a crossing's point) in a period, and the risk they make."""
    if not 0 <= metres <= MAX_METRES:
        from marsad.core.errors import InvalidInput

        raise InvalidInput.one("distance", metres, f"must lie between 0 and {MAX_METRES:.0f} m")
    qs = core.records(user, Incident).filter(latitude__isnull=False, longitude__isnull=False)
    if start:
        qs = qs.filter(event_date__gte=start)
    if end:
        qs = qs.filter(event_date__lte=end)
    cover = covering_cells(geometry, metres)
    if cover is not None:
        column, cells = cover
        qs = qs.filter(**{f"{column}__in": cells})
    rows = list(
        qs.order_by().values_list(
            "id",
            "latitude",
            "longitude",
            "event_date",
            "event_type",
            "sub_event_type",
            "fatalities",
        )
    )
    found: list[NearIncident] = []
    if rows:
        lats = np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))
        lons = np.fromiter((r[2] for r in rows), dtype=np.float64, count=len(rows))
        distances = distances_m(geometry, lats, lons)
        for index in np.flatnonzero(distances <= metres).tolist():
            row = rows[index]
            found.append(
                NearIncident(row[0], row[3], row[4], row[5], row[6], float(distances[index]))
            )
    found.sort(key=lambda i: (i.distance_m, i.day, i.id))
    return Nearby(metres, start, end, found, corridor_risk(found, metres=metres))


def parse_metres(value: Any) -> float:
    """A distance in metres from input (default 1 km), with the error naming the field."""
    from marsad.core.errors import InvalidInput
    from marsad.extraction.numerals import to_latin_digits

    if value in (None, ""):
        return DEFAULT_METRES
    try:
        metres = float(to_latin_digits(str(value)).strip())
    except ValueError:
        raise InvalidInput.one("distance", value, "must be a number of metres") from None
    if not 0 <= metres <= MAX_METRES:
        raise InvalidInput.one("distance", value, f"must lie between 0 and {MAX_METRES:.0f} m")
    return metres
