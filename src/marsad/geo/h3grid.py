"""Points gathered into H3 hexagons, for map clusters that do not depend on the viewer's screen.

The same incidents always fall in the same cells, so a clustered map, an export and a report
count alike; the resolution follows the map's zoom.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import h3
import numpy as np
from numpy.typing import ArrayLike


@dataclass(frozen=True, slots=True)
class Cluster:
    """One hexagon: its H3 id, how many points (and their summed weight), and its centre."""

    cell: str
    count: int
    weight: float
    lat: float
    lon: float


def resolution_for_zoom(zoom: float) -> int:
    """An H3 resolution whose hexagons are some 40-60 pixels across at this web-map zoom.

    At Gaza's latitude, zoom 11 shows about 65 m a pixel and H3 resolution 6 hexagons are
    about 3.7 km across; each two zoom steps make pixels 4 times smaller and each H3 step makes
    hexagons 2.6 times smaller, hence 0.75 resolutions a zoom step.
    """
    return max(0, min(15, round(0.75 * zoom - 2.25)))


def cluster(
    lats: ArrayLike, lons: ArrayLike, *, resolution: int, weights: ArrayLike | None = None
) -> list[Cluster]:
    """Points counted (and weighted, e.g. by fatalities) by H3 cell, largest first.

    Points with missing coordinates (NaN) are left out; ties are ordered by cell id, so the
    result is the same on every run.
    """
    if not 0 <= resolution <= 15:
        raise ValueError("an H3 resolution is between 0 and 15")
    lat_list = np.asarray(lats, dtype=float).tolist()
    lon_list = np.asarray(lons, dtype=float).tolist()
    if len(lat_list) != len(lon_list):
        raise ValueError("lats and lons must be of the same length")
    weight_list = (
        [1.0] * len(lat_list) if weights is None else np.asarray(weights, dtype=float).tolist()
    )
    counts: Counter[str] = Counter()
    sums: dict[str, float] = {}
    for lat, lon, weight in zip(lat_list, lon_list, weight_list, strict=True):
        if math.isnan(lat) or math.isnan(lon):
            continue
        cell = h3.latlng_to_cell(lat, lon, resolution)
        counts[cell] += 1
        sums[cell] = sums.get(cell, 0.0) + weight
    clusters = []
    for cell, count in counts.items():
        centre_lat, centre_lon = h3.cell_to_latlng(cell)
        clusters.append(Cluster(cell, count, sums[cell], centre_lat, centre_lon))
    clusters.sort(key=lambda found: (-found.count, found.cell))
    return clusters


def cell_polygon(cell: str) -> dict[str, Any]:
    """The hexagon as a GeoJSON polygon (longitude first, ring closed)."""
    ring = [[lon, lat] for lat, lon in h3.cell_to_boundary(cell)]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
