"""The incident map's data: single points when few, H3 hexagon clusters when many, so the map
stays quick at a million incidents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import h3
from django.db.models import Count, QuerySet, Sum

from marsad.ceasefire import aggregates
from marsad.ceasefire.models import Incident
from marsad.core.errors import InvalidInput

POINT_LIMIT = 3000


def bbox_filter(qs: QuerySet[Incident], bbox: str) -> QuerySet[Incident]:
    """Keep the incidents in 'west,south,east,north' (degrees); refuse a malformed box."""
    try:
        west, south, east, north = (float(v) for v in bbox.split(","))
    except ValueError:
        raise InvalidInput.one("bbox", bbox, "must be west,south,east,north in degrees") from None
    return qs.filter(
        longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north
    )


def resolution_for(zoom: float) -> int | None:
    """The stored H3 resolution to cluster at, or None to show points."""
    if zoom >= 14:
        return None
    return 8 if zoom >= 12 else 6


def features(qs: QuerySet[Incident], *, zoom: float) -> dict[str, Any]:
    """A FeatureCollection of points, or of clusters with their counts and fatalities."""
    qs = qs.filter(latitude__isnull=False).order_by()
    resolution = resolution_for(zoom)
    # "More than POINT_LIMIT?" asks for one row past the limit instead of counting them all.
    if resolution is None or not qs[POINT_LIMIT:].exists():
        rows = qs.values_list(
            "id", "latitude", "longitude", "event_date", "sub_event_type", "fatalities", "pcode"
        )[:POINT_LIMIT]
        return {
            "type": "FeatureCollection",
            "mode": "points",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "id": pk,
                        "date": day.isoformat(),
                        "type": sub,
                        "fatalities": killed,
                        "pcode": pcode,
                    },
                }
                for pk, lat, lon, day, sub, killed, pcode in rows
            ],
        }
    column = f"h3_{resolution}"
    rows = qs.values(column).annotate(n=Count("id"), killed=Sum("fatalities")).order_by(column)
    return _clusters(rows, column, resolution)


def counted_clusters(user: Any, filters: Any, zoom: float) -> dict[str, Any] | None:
    """The clusters at resolution 6 from the kept daily counts, when the filters allow it (dates
    and governorate) and there are too many incidents for points; None otherwise."""
    within = filters.counted()
    if within is None or resolution_for(zoom) != 6:
        return None
    if aggregates.located(user, **within) <= POINT_LIMIT:
        return None
    return _clusters(aggregates.per_cell(user, **within), "h3_6", 6)


def _clusters(rows: Iterable[dict[str, Any]], column: str, resolution: int) -> dict[str, Any]:
    collection = []
    for row in rows:
        if not row[column]:
            continue
        lat, lon = h3.cell_to_latlng(row[column])
        collection.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "cell": row[column],
                    "count": row["n"],
                    "fatalities": row["killed"] or 0,
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "mode": "clusters",
        "resolution": resolution,
        "features": collection,
    }
