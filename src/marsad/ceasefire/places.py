"""Where an incident lies: its governorate by point-in-polygon, its H3 cells, and the place
actor of the governorate."""

from __future__ import annotations

from collections.abc import Sequence

import h3

from marsad.geo.areas import locate_many

H3_RESOLUTIONS = (6, 8)


def h3_cells(latitude: float | None, longitude: float | None) -> tuple[str, str]:
    if latitude is None or longitude is None:
        return "", ""
    return tuple(h3.latlng_to_cell(latitude, longitude, r) for r in H3_RESOLUTIONS)  # type: ignore[return-value]


def governorates(points: Sequence[tuple[float | None, float | None]]) -> list[str]:
    """The governorate P-code of each point ('' at sea, outside every governorate, or unknown)."""
    lats = [p[0] if p[0] is not None else float("nan") for p in points]
    lons = [p[1] if p[1] is not None else float("nan") for p in points]
    return [code or "" for code in locate_many(lats, lons)] if points else []
