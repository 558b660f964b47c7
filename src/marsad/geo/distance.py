"""Distances in metres, in a transverse Mercator projection centred on the Gaza Strip.

Why this projection: on the WGS84 ellipsoid, a transverse Mercator with its central meridian
through the Strip (34.4 E) and scale 1 there has a scale error of about x²/2R², where x is the
distance from that meridian. The whole Strip lies within 20 km of it, so lengths are off by
less than 5 parts per million (5 mm per km); at 100 km (Ashdod, El Arish) the error is about
1.2 parts in 10,000. The series below (Snyder, *Map Projections: A Working Manual*, USGS 1987,
§8) are exact to the millimetre within a few degrees of the meridian. UTM zone 36N would also
do, but its central meridian is 33 E, 140 km away, so its lengths are 0.02 % short here.

Points are (latitude, longitude) pairs throughout, in that order, as `areas.locate` takes them;
geometries are Shapely objects or GeoJSON mappings in longitude-latitude order, as GeoJSON has.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray
from shapely.geometry import shape

#: Centre of the projection: the middle of the Strip.
CENTRE_LAT = 31.4
CENTRE_LON = 34.4

_A = 6_378_137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_EP2 = _E2 / (1 - _E2)
_E4, _E6 = _E2**2, _E2**3
_M1 = 1 - _E2 / 4 - 3 * _E4 / 64 - 5 * _E6 / 256
_M2 = 3 * _E2 / 8 + 3 * _E4 / 32 + 45 * _E6 / 1024
_M3 = 15 * _E4 / 256 + 45 * _E6 / 1024
_M4 = 35 * _E6 / 3072

Floats = NDArray[np.float64]


def _meridian_arc(phi: Floats) -> Floats:
    """Distance along the meridian from the equator to latitude phi (radians), in metres."""
    return _A * (_M1 * phi - _M2 * np.sin(2 * phi) + _M3 * np.sin(4 * phi) - _M4 * np.sin(6 * phi))


_M0 = float(_meridian_arc(np.array(math.radians(CENTRE_LAT))))


def project(lats: ArrayLike, lons: ArrayLike) -> tuple[Floats, Floats]:
    """Metres east and north of the projection's centre, for arrays of latitudes and longitudes."""
    phi = np.radians(np.asarray(lats, dtype=np.float64))
    lam = np.radians(np.asarray(lons, dtype=np.float64) - CENTRE_LON)
    sin, cos, tan = np.sin(phi), np.cos(phi), np.tan(phi)
    n = _A / np.sqrt(1 - _E2 * sin**2)
    t = tan**2
    c = _EP2 * cos**2
    a = cos * lam
    x = n * (a + (1 - t + c) * a**3 / 6 + (5 - 18 * t + t**2 + 72 * c - 58 * _EP2) * a**5 / 120)
    y = _meridian_arc(phi) - _M0
    y = y + n * tan * (
        a**2 / 2
        + (5 - t + 9 * c + 4 * c**2) * a**4 / 24
        + (61 - 58 * t + t**2 + 600 * c - 330 * _EP2) * a**6 / 720
    )
    return x, y


def unproject(xs: ArrayLike, ys: ArrayLike) -> tuple[Floats, Floats]:
    """Latitudes and longitudes of projected points (the inverse of `project`)."""
    x = np.asarray(xs, dtype=np.float64)
    mu = (_M0 + np.asarray(ys, dtype=np.float64)) / (_A * _M1)
    e1 = (1 - math.sqrt(1 - _E2)) / (1 + math.sqrt(1 - _E2))
    phi1 = (
        mu
        + (3 * e1 / 2 - 27 * e1**3 / 32) * np.sin(2 * mu)
        + (21 * e1**2 / 16 - 55 * e1**4 / 32) * np.sin(4 * mu)
        + (151 * e1**3 / 96) * np.sin(6 * mu)
        + (1097 * e1**4 / 512) * np.sin(8 * mu)
    )
    sin, cos, tan = np.sin(phi1), np.cos(phi1), np.tan(phi1)
    c = _EP2 * cos**2
    t = tan**2
    n = _A / np.sqrt(1 - _E2 * sin**2)
    r = _A * (1 - _E2) / (1 - _E2 * sin**2) ** 1.5
    d = x / n
    phi = phi1 - (n * tan / r) * (
        d**2 / 2
        - (5 + 3 * t + 10 * c - 4 * c**2 - 9 * _EP2) * d**4 / 24
        + (61 + 90 * t + 298 * c + 45 * t**2 - 252 * _EP2 - 3 * c**2) * d**6 / 720
    )
    lam = (
        d
        - (1 + 2 * t + c) * d**3 / 6
        + (5 - 2 * c + 28 * t - 3 * c**2 + 8 * _EP2 + 24 * t**2) * d**5 / 120
    ) / cos
    return np.degrees(phi), CENTRE_LON + np.degrees(lam)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Metres between two (latitude, longitude) points."""
    x, y = project([a[0], b[0]], [a[1], b[1]])
    return float(math.hypot(x[1] - x[0], y[1] - y[0]))


def project_geometry(geometry: Any) -> Any:
    """A Shapely geometry (or GeoJSON mapping) in longitude-latitude, projected to metres."""
    geom = shape(geometry) if isinstance(geometry, Mapping) else geometry

    def to_metres(coords: Floats) -> Floats:
        x, y = project(coords[:, 1], coords[:, 0])
        return np.column_stack([x, y])

    return shapely.transform(geom, to_metres)


def distances_m(geometry: Any, lats: ArrayLike, lons: ArrayLike) -> Floats:
    """Metres from each point to the nearest part of a geometry."""
    x, y = project(lats, lons)
    return np.asarray(
        shapely.distance(project_geometry(geometry), shapely.points(x, y)), dtype=np.float64
    )


class PointIndex:
    """Many points projected once into an STRtree, to ask "which lie within d metres of this
    corridor?" for one geometry after another (1M points build in about a second)."""

    def __init__(self, lats: ArrayLike, lons: ArrayLike) -> None:
        x, y = project(lats, lons)
        if x.ndim != 1 or x.shape != y.shape:
            raise ValueError("lats and lons must be one-dimensional and of the same length")
        self._points = shapely.points(x, y)
        self._tree = shapely.STRtree(self._points)
        self._size = len(x)

    def __len__(self) -> int:
        return self._size

    def near(self, geometry: Any, metres: float) -> NDArray[np.intp]:
        """Indices, ascending, of the points within `metres` of the geometry (edge included)."""
        if metres < 0:
            raise ValueError("the distance must not be negative")
        found = self._tree.query(project_geometry(geometry), predicate="dwithin", distance=metres)
        return np.sort(np.asarray(found, dtype=np.intp))

    def distances(self, geometry: Any, indices: ArrayLike) -> Floats:
        """Metres from the geometry to the points at these indices (e.g. those `near` found)."""
        chosen = self._points[np.asarray(indices, dtype=np.intp)]
        return np.asarray(shapely.distance(project_geometry(geometry), chosen), dtype=np.float64)


def near(geometry: Any, points: ArrayLike, metres: float) -> NDArray[np.intp]:
    """Indices of the (latitude, longitude) points within `metres` of a line or point geometry."""
    array = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return PointIndex(array[:, 0], array[:, 1]).near(geometry, metres)
