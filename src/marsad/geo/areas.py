"""Which governorate a point falls in, against the OCHA polygons, one point or millions.

A point at sea or outside the Strip falls in no governorate and gets None: callers keep such
events (ACLED places strikes "Coast of Gaza City") and report them as outside every area.
"""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import shapely
from numpy.typing import ArrayLike
from shapely.geometry import shape

from marsad.geo.governorates import DATA, governorate_geometries


@cache
def _index() -> tuple[shapely.STRtree, tuple[str, ...]]:
    pcodes = tuple(sorted(governorate_geometries()))
    polygons = [shape(governorate_geometries()[pcode]) for pcode in pcodes]
    shapely.prepare(polygons)
    return shapely.STRtree(polygons), pcodes


@cache
def governorate_names() -> dict[str, str]:
    """English name of each governorate by P-code (as OCHA writes it: "Deir Al-Balah")."""
    collection = json.loads(DATA.read_text(encoding="utf-8"))
    return {
        feature["properties"]["adm2_pcode"]: feature["properties"]["adm2_name"]
        for feature in collection["features"]
    }


def locate(lat: float, lon: float) -> str | None:
    """The P-code of the governorate holding the point, or None at sea or outside the Strip."""
    return locate_many([lat], [lon])[0]


def locate_many(lats: ArrayLike, lons: ArrayLike) -> list[str | None]:
    """P-codes (or None) for many points at once, in input order; one tree query for all.

    A point on the border of two governorates goes to the first by P-code, so that the result
    never depends on the order of the polygons. Missing coordinates (NaN) give None.
    """
    lat_array = np.asarray(lats, dtype=float)
    lon_array = np.asarray(lons, dtype=float)
    if lat_array.shape != lon_array.shape or lat_array.ndim != 1:
        raise ValueError("lats and lons must be one-dimensional and of the same length")
    tree, pcodes = _index()
    points = shapely.points(lon_array, lat_array)
    point_index, polygon_index = tree.query(points, predicate="intersects")
    found = np.full(len(lat_array), -1, dtype=np.int64)
    order = np.lexsort((polygon_index, point_index))
    # After sorting by point then polygon, each point's first match is its lowest P-code.
    points_sorted, first = np.unique(point_index[order], return_index=True)
    found[points_sorted] = polygon_index[order][first]
    return [pcodes[i] if i >= 0 else None for i in found.tolist()]
